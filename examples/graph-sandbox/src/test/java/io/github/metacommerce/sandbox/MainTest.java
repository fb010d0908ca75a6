package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

    private static Process start(String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String read(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommandPrintsItsReadyLineOnceAndServesHealth() throws Exception {
        Process p = start("--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            String budget = out.readLine();

            assertThat(line).matches("Graph sandbox listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(budget).contains("batch budget 8 calls per catalog per minute (Meta's floor)");
            String base = line.substring("Graph sandbox listening on ".length());
            assertThat(new Http(base).get("/_sandbox/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
            // anything logged while starting was written to standard error before the ready line was printed
            InputStream err = p.getErrorStream();
            String logged = new String(err.readNBytes(err.available()), StandardCharsets.UTF_8);
            assertThat(logged).as("the start line is printed once, not logged again").doesNotContain("listening on");
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Process p = start("--help");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(read(p.getInputStream())).startsWith("usage: java -jar graph-sandbox.jar").contains("--port N");
        assertThat(read(p.getErrorStream())).isEmpty();
    }

    @Test
    void aBusyPortIsNamedNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = start("--port", Integer.toString(taken.getLocalPort()));
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).isEqualTo(1);
            String err = read(p.getErrorStream());
            assertThat(err).contains("graph-sandbox: port " + taken.getLocalPort() + " is in use")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void startingOnABusyPortThrowsATypedException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GraphSandbox s = GraphSandbox.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(s::start).isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " is in use")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(taken.getLocalPort()));
        }
    }
}
