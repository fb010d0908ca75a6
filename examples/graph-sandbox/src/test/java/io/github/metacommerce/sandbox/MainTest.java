package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void parsesEveryOption() {
        SandboxSettings s = Main.parse(new String[] {"--port", "0", "--app-id", "123", "--app-secret", "s3",
            "--redirect-uri", "https://a.example/cb", "--redirect-uri", "https://b.example/cb", "--auto-approve",
            "--batch-calls-per-minute", "50", "--batch-processing-delay", "1.5s", "--require-appsecret-proof"})
                .build().settings();

        assertThat(s.appId()).isEqualTo("123");
        assertThat(s.appSecret()).isEqualTo("s3");
        assertThat(s.redirectUris()).containsExactly("https://a.example/cb", "https://b.example/cb");
        assertThat(s.autoApprove()).isTrue();
        assertThat(s.batchCallsPerMinute()).isEqualTo(50);
        assertThat(s.batchProcessingDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.requireAppSecretProof()).isTrue();
    }

    @Test
    void defaultsMatchTheDocumentation() {
        SandboxSettings s = Main.parse(new String[0]).build().settings();

        assertThat(s.port()).isZero();
        assertThat(s.appId()).isEqualTo("sandbox-app");
        assertThat(s.appSecret()).isEqualTo("sandbox-secret");
        assertThat(s.batchCallsPerMinute()).isEqualTo(8);
        assertThat(s.redirectUris()).isEmpty();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--batch-calls-per-minute", "many"}))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--fast"})).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> Main.duration("soon")).hasMessageContaining("not a duration");
        assertThat(Main.duration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Main.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Main.duration("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theCommandPrintsItsReadyLineAndServesHealth() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0")).redirectErrorStream(false).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();

            assertThat(line).matches("Graph sandbox listening on http://127\\.0\\.0\\.1:\\d+");
            String base = line.substring("Graph sandbox listening on ".length());
            assertThat(new Http(base).get("/_sandbox/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
