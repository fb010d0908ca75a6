package io.github.metacommerce.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No public API signature mentions an {@code internal} type: superclasses, interfaces, public and protected
 * fields, constructors and methods (parameters, returns, exceptions, type arguments and bounds) of every public
 * type in every API package.
 */
class InternalNotInApiTest {

    private static List<Class<?>> apiTypes() {
        Set<String> api = ApiTypes.packages().stream().filter(ApiTypes::isApiPackage).collect(Collectors.toSet());
        return ApiTypes.publicTypes(api);
    }

    @Test
    void noApiSignatureMentionsAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : apiTypes()) {
            check(leaks, c.getName() + " extends", c.getGenericSuperclass());
            for (Type t : c.getGenericInterfaces()) {
                check(leaks, c.getName() + " implements", t);
            }
            for (TypeVariable<?> v : c.getTypeParameters()) {
                check(leaks, c.getName() + " type parameter", v);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    check(leaks, c.getName() + "." + f.getName(), f.getGenericType());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(leaks, c.getName() + " constructor", t);
                    }
                    for (Type t : k.getGenericExceptionTypes()) {
                        check(leaks, c.getName() + " constructor throws", t);
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    String where = c.getName() + "." + m.getName() + "()";
                    check(leaks, where + " returns", m.getGenericReturnType());
                    for (Type t : m.getGenericParameterTypes()) {
                        check(leaks, where + " parameter", t);
                    }
                    for (Type t : m.getGenericExceptionTypes()) {
                        check(leaks, where + " throws", t);
                    }
                    for (TypeVariable<?> v : m.getTypeParameters()) {
                        check(leaks, where + " type parameter", v);
                    }
                }
            }
        }

        assertThat(leaks).as("API signatures that mention internal types").isEmpty();
    }

    @Test
    void theCheckFindsAnInternalTypeInAGenericSignature() throws NoSuchMethodException {
        List<String> leaks = new ArrayList<>();
        Method m = Fixture.class.getDeclaredMethod("leak", List.class);

        check(leaks, "fixture", m.getGenericParameterTypes()[0]);
        check(leaks, "fixture", m.getGenericReturnType());

        assertThat(leaks).hasSize(2).allMatch(l -> l.contains("io.github.metacommerce.internal."));
    }

    @Test
    void theScanSeesTheApiPackagesAndNotInternal() {
        Set<String> packages = apiTypes().stream().map(Class::getPackageName).collect(Collectors.toSet());

        assertThat(packages).contains("io.github.metacommerce", "io.github.metacommerce.sync",
                "io.github.metacommerce.oauth", "io.github.metacommerce.graph");
        assertThat(packages).noneMatch(p -> p.startsWith(ApiTypes.INTERNAL));
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String where, Type type) {
        walk(type, new HashSet<>(), t -> leaks.add(where + ": " + t.getTypeName()));
    }

    private static void walk(Type type, Set<Type> seen, java.util.function.Consumer<Class<?>> onInternal) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> k = c;
            while (k.isArray()) {
                k = k.getComponentType();
            }
            if (k.getPackageName().equals(ApiTypes.INTERNAL) || k.getPackageName().startsWith(ApiTypes.INTERNAL + ".")) {
                onInternal.accept(k);
            }
        } else if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), seen, onInternal);
            walk(p.getOwnerType(), seen, onInternal);
            for (Type a : p.getActualTypeArguments()) {
                walk(a, seen, onInternal);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(b, seen, onInternal);
            }
            for (Type b : w.getLowerBounds()) {
                walk(b, seen, onInternal);
            }
        } else if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), seen, onInternal);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                walk(b, seen, onInternal);
            }
        }
    }

    /** A signature that leaks, to prove the check sees through generics. */
    private static final class Fixture {
        @SuppressWarnings("unused")
        static java.util.Optional<io.github.metacommerce.internal.GraphResult>[] leak(
                List<? extends io.github.metacommerce.internal.ErrorContext> in) {
            return null;
        }
    }
}
