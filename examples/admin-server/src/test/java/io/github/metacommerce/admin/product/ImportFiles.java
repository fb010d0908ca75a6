package io.github.metacommerce.admin.product;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: sample files from the classpath and files from text. */
final class ImportFiles {
    private ImportFiles() {
    }

    static ImportResult readResource(String name) {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/import/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /import/" + name);
            }
            return ProductImporter.create().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult readText(String text) {
        return ProductImporter.create().read(bytes(text));
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
