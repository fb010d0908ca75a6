package io.github.metacommerce.api;

import io.github.metacommerce.MetaCommerceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds the SDK's compiled classes, the way a user's build sees them. */
final class ApiTypes {
    static final String BASE = "io.github.metacommerce";
    static final String INTERNAL = BASE + ".internal";

    private ApiTypes() {
    }

    /** The directory (or jar) the SDK's main classes were loaded from. */
    static Path classesRoot() {
        try {
            return Path.of(MetaCommerceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every package of the SDK that holds at least one class. */
    static Set<String> packages() {
        Set<String> packages = new TreeSet<>();
        for (String name : classNames()) {
            packages.add(name.substring(0, name.lastIndexOf('.')));
        }
        return packages;
    }

    /** Whether a package is API, i.e. not {@code internal} or below it. */
    static boolean isApiPackage(String pkg) {
        return pkg.startsWith(BASE) && !pkg.equals(INTERNAL) && !pkg.startsWith(INTERNAL + ".");
    }

    /** All public classes (top-level and nested, at every depth) of the given packages. */
    static List<Class<?>> publicTypes(Set<String> packages) {
        List<Class<?>> types = new ArrayList<>();
        for (String name : classNames()) {
            if (!packages.contains(name.substring(0, name.lastIndexOf('.')))) {
                continue;
            }
            Class<?> c = load(name);
            if (isPubliclyVisible(c)) {
                types.add(c);
            }
        }
        return types;
    }

    private static boolean isPubliclyVisible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames() {
        Path root = classesRoot();
        Path base = root.resolve(BASE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith("package-info.class") && !p.endsWith("module-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
