package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The examples are written against the SDK's public API only. */
class ExamplesApiTest {

    @Test
    void theExamplesUseOnlyTheSdksPublicApi() throws IOException {
        Path examples = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(examples)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "main"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("import io.github.metacommerce.internal.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();

            assertThat(examples.resolve("benchmarks")).isDirectory();
            assertThat(offenders).isEmpty();
        }
    }
}
