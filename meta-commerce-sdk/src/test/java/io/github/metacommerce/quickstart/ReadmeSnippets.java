package io.github.metacommerce.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads code between {@code // tag::name[]} markers in a test and the matching block of the README. */
final class ReadmeSnippets {
    private ReadmeSnippets() {
    }

    /** The tagged lines of a test source, dedented by the method body's 8 spaces. */
    static String tagged(String testSource, String tag) {
        String source = read(Path.of("src/test/java/io/github/metacommerce/quickstart/" + testSource));
        String start = "// tag::" + tag + "[]\n";
        String example = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("        // end::" + tag + "[]"));
        return example.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The lines of a top-level class between {@code // tag::name[]} and {@code // end::name[]}, as written. */
    static String taggedClass(String testSource, String tag) {
        String source = read(Path.of("src/test/java/io/github/metacommerce/quickstart/" + testSource));
        String start = "// tag::" + tag + "[]\n";
        return source.substring(source.indexOf(start) + start.length(), source.indexOf("// end::" + tag + "[]"));
    }

    /** The first java block after a README heading, up to a marker. */
    static String readmeBlock(String heading, String endMarker) {
        String readme = read(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf(heading));
        String block = section.substring(section.indexOf("```java\n") + 8);
        return block.substring(0, block.indexOf(endMarker));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
