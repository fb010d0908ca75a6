package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's property table in step with the generated configuration metadata. */
class ReadmePropertiesTest {

    @Test
    void everyPropertyIsDocumentedWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Spring Boot"), readme.indexOf("## Errors"));
        List<String> names = new ArrayList<>();
        for (JsonNode p : metadata.get("properties")) {
            String name = p.get("name").asText();
            names.add(name);
            JsonNode d = p.get("defaultValue");
            String def = d == null ? "" : d.isArray() ? String.join(",", toList(d)) : d.asText();
            String row = "| `" + name + "` | " + (def.isEmpty() ? "" : "`" + def + "`") + " |";
            assertThat(section).as("README row for %s", name).contains(row);
        }
        assertThat(names).contains("meta.commerce.app-id", "meta.commerce.oauth.state-signing-key",
                "meta.commerce.sync.max-bytes-per-call", "meta.commerce.health.token-expiry-warning");
        long rows = section.lines().filter(l -> l.startsWith("| `meta.commerce.")).count();
        assertThat(rows).as("no stale rows").isEqualTo(names.size());
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
