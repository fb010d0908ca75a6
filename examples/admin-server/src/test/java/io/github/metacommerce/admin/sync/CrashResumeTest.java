package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.metacommerce.admin.Browser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crash: the admin server process is killed with SIGKILL in the middle of a run while the Graph sandbox, a process
 * of its own, keeps the catalog. A server restarted on the same database revives the run (db-scheduler declares
 * the dead instance's execution dead after heartbeat-interval x missed-heartbeats-limit) and finishes it from the
 * ledger: the catalog ends with exactly the store's items and their data, no item the ledger held at the kill
 * (Meta had confirmed it) is sent again, and everything the ledger lacked is.
 *
 * <p>Which items were sent after the restart is read from the sandbox: every write of an item stamps its
 * {@code updated_time}, so an item sent again has a new one; the sandbox's call log, cleared at the restart,
 * counts the items_batch calls the second server made.
 */
class CrashResumeTest {
    private static final int PRODUCTS = 2_000;
    private static final int PER_CALL = 50;
    private static final String PASSWORD = "crash-resume-password";
    private static final String READY = "Graph sandbox listening on ";
    private static final String CALLBACK = "/api/meta-commerce/auth/callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final StringBuffer sandboxOutput = new StringBuffer();
    private final String encryptionKey = randomKey();
    private int adminPort;
    private String sandboxUrl;

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunWhoseServerIsKilledIsFinishedByTheRestartedServerWithoutResendingWhatMetaConfirmed() throws Exception {
        try {
            crashAndResume();
        } catch (AssertionError | RuntimeException e) {
            e.addSuppressed(new AssertionError("What the processes wrote:\n" + output()));
            throw e;
        }
    }

    private void crashAndResume() throws Exception {
        adminPort = freePort();
        sandboxUrl = startSandbox();
        Process first = startServer("server-1.log");

        Browser admin = signedIn();
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, "crash-resume");
        String catalog = store.catalogId();
        HttpResponse<String> config = admin.post("/api/meta-commerce/save-config",
                "{\"storeDomain\":\"shop.example\",\"currency\":\"USD\"}");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        HttpResponse<String> put = admin.put("/api/meta-commerce/products", products());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Browser.json(put).get("created").asLong()).as(put.body()).isEqualTo(PRODUCTS);
        // every items_batch call takes a while, so the run (40 calls) lasts long enough to be killed halfway
        SyncScenarios.sandbox(sandboxUrl, "POST", "/_sandbox/faults",
                "{\"method\":\"POST\",\"path\":\"/v*/{catalog}/items_batch\",\"kind\":\"latency\",\"latencyMs\":250}");

        HttpResponse<String> started = admin.post("/api/meta-commerce/sync-job", "{\"mode\":\"full\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = Browser.json(started).get("jobId").asString();

        // killed once Meta has some of the items
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> productCount(catalog) >= PRODUCTS / 2);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("the exit code of a process killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(productCount(catalog)).as("the kill came before Meta had every item").isLessThan(PRODUCTS);

        // what the ledger holds after the kill is what Meta confirmed (and what the next server reads)
        Set<String> confirmed = ledger(catalog);
        assertThat(runRow(jobId)).as("the run's row at the kill").isEqualTo("running, attempt 1");
        assertThat(confirmed).as("the ledger at the kill").isNotEmpty().hasSizeLessThan(PRODUCTS);
        Map<String, String> stampsBefore = updatedTimes(catalog);
        assertThat(stampsBefore.keySet()).as("Meta has what the ledger says it confirmed").containsAll(confirmed);
        SyncScenarios.sandbox(sandboxUrl, "DELETE", "/_sandbox/calls", null);

        Process second = startServer("server-2.log");
        admin = signedIn();
        assertThat(admin.post("/api/meta-commerce/stores/current", "{\"storeId\":" + store.storeId() + "}")
                .statusCode()).isEqualTo(200);
        JsonNode job = SyncScenarios.awaitEnd(admin, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("attempts").asInt()).as(job.toString()).isEqualTo(2);

        // the catalog holds exactly the store's items, with the store's data
        Map<String, JsonNode> items = SyncScenarios.sandboxItems(sandboxUrl, catalog);
        Set<String> all = IntStream.rangeClosed(1, PRODUCTS).mapToObj(CrashResumeTest::sku)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(minus(all, items.keySet())).as("items missing from the catalog").isEmpty();
        assertThat(minus(items.keySet(), all)).as("items in the catalog the store does not have").isEmpty();
        for (int i = 1; i <= PRODUCTS; i++) {
            JsonNode data = items.get(sku(i)).get("data");
            assertThat(data.get("title").asString()).as(data.toString()).isEqualTo(name(i));
            assertThat(data.get("price").asString()).as(data.toString()).isEqualTo(price(i) + " USD");
            assertThat(data.get("brand").asString()).as(data.toString()).isEqualTo("Acme");
            assertThat(data.get("availability").asString()).as(data.toString()).isEqualTo("in stock");
            assertThat(data.get("image_link").asString()).as(data.toString()).isEqualTo(image(i));
            assertThat(data.get("link").asString()).as(data.toString()).startsWith("https://shop.example/")
                    .endsWith("/" + slug(i));
        }

        // sent after the restart: the items written since (new, or with a new updated_time)
        Set<String> sentAfter = new TreeSet<>();
        items.forEach((id, item) -> {
            if (!item.get("updated_time").asString().equals(stampsBefore.get(id))) {
                sentAfter.add(id);
            }
        });
        Set<String> lacking = minus(all, confirmed);
        assertThat(minus(sentAfter, lacking)).as("items Meta had confirmed before the kill (%d in the ledger), "
                + "sent again after the restart", confirmed.size()).isEmpty();
        assertThat(minus(lacking, sentAfter)).as("items the ledger lacked that the restarted server did not send")
                .isEmpty();
        assertThat(itemsBatchCalls()).as("items_batch calls of the restarted server")
                .isEqualTo((lacking.size() + PER_CALL - 1) / PER_CALL);
        assertThat(job.get("counts").get("unchanged").asLong()).as(job.toString()).isEqualTo(confirmed.size());
        assertThat(job.get("counts").get("created").asLong() + job.get("counts").get("updated").asLong())
                .as(job.toString()).isEqualTo(lacking.size());
        assertThat(job.get("counts").get("errors").asLong() + job.get("counts").get("warnings").asLong())
                .as(job.toString()).isZero();

        // the ledger ends with every item
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        Set<String> ledger = ledger(catalog);
        assertThat(ledger).as("the ledger's rows").hasSize(PRODUCTS);
        assertThat(minus(all, ledger)).as("items missing from the ledger").isEmpty();
    }

    /** The sandbox in a process of its own, on a free port; returns its base URL from its ready line. */
    private String startSandbox() throws IOException {
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "io.github.metacommerce.sandbox.Main", "--port", "0",
                "--redirect-uri", adminUrl() + CALLBACK,
                "--batch-calls-per-minute", "600", "--batch-processing-delay", "300ms")
                .redirectErrorStream(true).start();
        processes.add(p);
        AtomicReference<String> url = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sandboxOutput.append(line).append('\n');
                    if (line.startsWith(READY) && url.get() == null) {
                        url.set(line.substring(READY.length()).strip());
                    }
                }
            } catch (IOException e) {
                sandboxOutput.append("(output unreadable: ").append(e).append(")\n");
            }
        }, "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!p.isAlive() && url.get() == null) {
                throw new IllegalStateException("The sandbox ended with " + p.exitValue());
            }
            return url.get() != null;
        });
        return url.get();
    }

    /** The admin server in a process of its own, on the test's port and database; waits until it is healthy. */
    private Process startServer(String logName) throws IOException {
        Path log = dir.resolve(logName);
        logs.add(log);
        Path logging = dir.resolve("logback.xml");
        Files.writeString(logging, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.springframework" level="WARN"/>
                  <logger name="org.flywaydb" level="WARN"/>
                  <logger name="com.zaxxer" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path")));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("logging.config", logging.toString());
        settings.put("spring.main.banner-mode", "off");
        settings.put("server.port", Integer.toString(adminPort));
        settings.put("admin.public-url", adminUrl());
        settings.put("admin.sandbox.enabled", "false");
        settings.put("meta.commerce.app-id", "sandbox-app");
        settings.put("meta.commerce.app-secret", "sandbox-secret");
        settings.put("meta.commerce.graph.base-url", sandboxUrl);
        settings.put("meta.commerce.graph.dialog-base-url", sandboxUrl);
        settings.put("meta.commerce.oauth.redirect-uri", adminUrl() + CALLBACK);
        settings.put("admin.encryption.key", encryptionKey);
        settings.put("admin.bootstrap.password", PASSWORD);
        settings.put("admin.data-dir", dir.toString());
        settings.put("spring.datasource.url", jdbcUrl());
        settings.put("db-scheduler.heartbeat-interval", "1s");
        settings.put("db-scheduler.missed-heartbeats-limit", "4");
        settings.put("db-scheduler.polling-interval", "500ms");
        settings.put("meta.commerce.sync.batch-calls-per-minute", "600");
        settings.put("meta.commerce.sync.max-requests-per-call", Integer.toString(PER_CALL));
        settings.put("meta.commerce.sync.status-poll-initial", "50ms");
        settings.put("meta.commerce.sync.status-poll-max", "200ms");
        settings.put("admin.sync.progress-interval", "200ms");
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("io.github.metacommerce.admin.AdminServerApplication");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        HttpRequest health = HttpRequest.newBuilder(URI.create(adminUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("The admin server ended with " + p.exitValue());
            }
            try {
                return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return p;
    }

    private Browser signedIn() {
        Browser b = new Browser(adminUrl());
        b.signIn("admin", PASSWORD);
        return b;
    }

    /** {@value #PRODUCTS} valid products in the JSON of {@code PUT /products}. */
    private static String products() {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 1; i <= PRODUCTS; i++) {
            ObjectNode p = array.addObject();
            p.put("productId", "crash-" + i);
            p.put("sku", sku(i));
            p.put("name", name(i));
            p.put("description", "Product " + i + " of the crash test.");
            p.put("brand", "Acme");
            p.put("googleProductCategory", "Sporting Goods > Outdoor Recreation > Camping & Hiking");
            p.put("slug", slug(i));
            p.put("price", price(i));
            p.put("currency", "USD");
            p.putArray("imageUrls").add(image(i));
            p.put("stockQuantity", 5);
        }
        return JSON.writeValueAsString(array);
    }

    /** The elements of {@code a} that are not in {@code b}. */
    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String sku(int i) {
        return String.format("CRASH-%04d", i);
    }

    private static String name(int i) {
        return "Crash Test Product " + i;
    }

    private static String slug(int i) {
        return "crash-test-product-" + i;
    }

    private static String price(int i) {
        return (10 + i % 90) + ".99";
    }

    private static String image(int i) {
        return "https://cdn.example.com/crash/" + i + ".jpg";
    }

    private long productCount(String catalog) {
        return SyncScenarios.sandbox(sandboxUrl, "GET", "/_sandbox/catalogs/" + catalog + "/items?limit=1", null)
                .get("product_count").asLong();
    }

    private Map<String, String> updatedTimes(String catalog) {
        Map<String, String> stamps = new HashMap<>();
        SyncScenarios.sandboxItems(sandboxUrl, catalog)
                .forEach((id, item) -> stamps.put(id, item.get("updated_time").asString()));
        return stamps;
    }

    /** The items_batch calls in the sandbox's call log (cleared at the restart). */
    private long itemsBatchCalls() {
        JsonNode counts = SyncScenarios.sandbox(sandboxUrl, "GET", "/_sandbox/calls?limit=1", null).get("counts");
        long n = 0;
        for (Map.Entry<String, JsonNode> e : counts.properties()) {
            if (e.getKey().startsWith("POST ") && e.getKey().endsWith("/items_batch")) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }

    /** The ledger's retailer ids for the catalog, read from the database file while no server has it open. */
    private Set<String> ledger(String catalog) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                PreparedStatement s = c.prepareStatement(
                        "select retailer_id from meta_commerce_ledger where catalog_id = ? order by retailer_id")) {
            s.setString(1, catalog);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private String runRow(String jobId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                PreparedStatement s = c.prepareStatement("select status, attempts from sync_runs where id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) + ", attempt " + rs.getInt(2) : "no row";
            }
        }
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dir.resolve("admin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private String adminUrl() {
        return "http://localhost:" + adminPort;
    }

    private String output() {
        StringBuilder b = new StringBuilder("--- sandbox\n").append(tail(sandboxOutput.toString()));
        for (Path log : logs) {
            try {
                b.append("--- ").append(log.getFileName()).append('\n')
                        .append(tail(Files.readString(log, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                b.append("--- ").append(log.getFileName()).append(": ").append(e).append('\n');
            }
        }
        return b.toString();
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size())) + "\n";
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
