package io.github.metacommerce.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compiled {@code module-info.class} exports exactly the API packages, and {@code internal} stays hidden. */
class ModuleDescriptorTest {
    static final Set<String> API_PACKAGES = Set.of(
            "io.github.metacommerce",
            "io.github.metacommerce.catalog",
            "io.github.metacommerce.exception",
            "io.github.metacommerce.graph",
            "io.github.metacommerce.oauth",
            "io.github.metacommerce.product",
            "io.github.metacommerce.sync");

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(ApiTypes.classesRoot().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in, ApiTypes::packages);
        }
    }

    @Test
    void theModuleKeepsTheNameUsersAlreadyRequire() throws IOException {
        ModuleDescriptor d = descriptor();

        assertThat(d.name()).isEqualTo("io.github.metacommerce.sdk");
        assertThat(d.isAutomatic()).isFalse();
        assertThat(d.isOpen()).isFalse();
    }

    @Test
    void exportsExactlyTheApiPackagesToEveryone() throws IOException {
        ModuleDescriptor d = descriptor();

        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrderElementsOf(API_PACKAGES);
        assertThat(d.exports()).allMatch(e -> !e.isQualified());
        assertThat(d.opens()).isEmpty();
    }

    @Test
    void internalIsInTheModuleButNotExported() throws IOException {
        ModuleDescriptor d = descriptor();

        assertThat(d.packages()).contains(ApiTypes.INTERNAL);
        assertThat(d.exports()).noneMatch(e -> e.source().startsWith(ApiTypes.INTERNAL));
    }

    @Test
    void everyPackageWithClassesIsEitherExportedApiOrInternal() {
        Set<String> compiled = ApiTypes.packages();

        assertThat(compiled.stream().filter(ApiTypes::isApiPackage).collect(Collectors.toSet()))
                .as("a new API package must be exported in module-info.java and listed here")
                .containsExactlyInAnyOrderElementsOf(API_PACKAGES);
    }

    @Test
    void theModuleResolvesOnTheModulePathWithItsDependenciesAndHidesInternal() {
        List<Path> path = new ArrayList<>();
        path.add(ApiTypes.classesRoot());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith("jackson-") || file.startsWith("resilience4j-") || file.startsWith("slf4j-api")) {
                path.add(Path.of(entry));
            }
        }
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        Configuration cf = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.github.metacommerce.sdk"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Module sdk = layer.findModule("io.github.metacommerce.sdk").orElseThrow();

        assertThat(sdk.isExported("io.github.metacommerce.product")).isTrue();
        assertThat(sdk.isExported(ApiTypes.INTERNAL)).isFalse();
        assertThat(sdk.getPackages()).contains(ApiTypes.INTERNAL);
    }

    @Test
    void requiresWhatTheApiAndThePlumbingUse() throws IOException {
        Set<String> requires = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());

        assertThat(requires).contains("com.fasterxml.jackson.databind", "io.github.resilience4j.ratelimiter",
                "io.github.resilience4j.retry", "io.github.resilience4j.core", "org.slf4j", "java.net.http");
    }
}
