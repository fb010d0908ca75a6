package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.metacommerce.admin.AdminServerApplication;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two admin server instances on one PostgreSQL database (a cluster): 6 stores, 2 sync requests each, one to each
 * instance at the same time. Every store gets exactly one run (the other request is answered 409 with that run),
 * every run executes exactly once, and all complete with every product at Meta.
 *
 * <p>Tagged {@code postgresql}: it runs when {@code spring.datasource.url} names a PostgreSQL database (the CI's
 * PostgreSQL pass), in a JVM of its own, so that no other test context's scheduler shares the job table.
 */
@Tag("postgresql")
class ClusterTest {
    private static final String PASSWORD = "bootstrap-password-for-tests";
    private static final int STORES = 6;
    private static final int PRODUCTS = 30;

    private static GraphSandbox sandbox;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void cluster() {
        String url = System.getProperty("spring.datasource.url", "");
        assertThat(url).as("ClusterTest needs -Dspring.datasource.url=jdbc:postgresql://...").startsWith(
                "jdbc:postgresql:");
        ports.add(freePort());
        ports.add(freePort());
        GraphSandbox.Builder b = GraphSandbox.builder().batchCallsPerMinute(6000)
                .batchProcessingDelay(Duration.ofMillis(300));
        ports.forEach(p -> b.redirectUri("http://localhost:" + p + "/api/meta-commerce/auth/callback"));
        sandbox = b.build().start();
        // a schema of its own: the catalog ids of a new sandbox repeat those of earlier runs on the same database
        String schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String datasource = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            nodes.add(new SpringApplicationBuilder(AdminServerApplication.class).run(
                    "--server.port=" + port,
                    "--spring.datasource.url=" + datasource,
                    "--spring.flyway.schemas=" + schema,
                    "--admin.public-url=http://localhost:" + port,
                    "--admin.sandbox.enabled=false",
                    "--meta.commerce.app-id=" + GraphSandbox.DEFAULT_APP_ID,
                    "--meta.commerce.app-secret=" + GraphSandbox.DEFAULT_APP_SECRET,
                    "--meta.commerce.graph.base-url=" + sandbox.baseUrl(),
                    "--meta.commerce.graph.dialog-base-url=" + sandbox.baseUrl(),
                    "--meta.commerce.oauth.redirect-uri=http://localhost:" + port + "/api/meta-commerce/auth/callback",
                    "--admin.encryption.key=" + encryptionKey,
                    "--admin.bootstrap.password=" + PASSWORD,
                    "--admin.data-dir=target/cluster-" + i,
                    "--db-scheduler.scheduler-name=node-" + i,
                    "--db-scheduler.polling-interval=200ms",
                    "--meta.commerce.sync.batch-calls-per-minute=6000",
                    "--meta.commerce.sync.max-requests-per-call=10",
                    "--meta.commerce.sync.status-poll-initial=50ms",
                    "--meta.commerce.sync.status-poll-max=200ms",
                    "--admin.sync.progress-interval=200ms"));
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void everyRunExecutesOnceAndNeverTwoAtOnceOnACatalog() throws Exception {
        Browser onA = new Browser("http://localhost:" + ports.get(0));
        onA.signIn("admin", PASSWORD);
        List<Long> stores = new ArrayList<>();
        List<String> catalogs = new ArrayList<>();
        for (int i = 0; i < STORES; i++) {
            SyncScenarios.ConnectedStore s = SyncScenarios.connectedStore(onA, "cluster-" + UUID.randomUUID());
            assertThat(onA.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\","
                    + "\"defaultBrand\":\"Acme\"}").statusCode()).isEqualTo(200);
            assertThat(onA.put("/api/meta-commerce/products", SyncScenarios.products(PRODUCTS)).statusCode())
                    .isEqualTo(200);
            stores.add(s.storeId());
            catalogs.add(s.catalogId());
        }

        // for each store, one request to each instance at once
        ExecutorService pool = Executors.newFixedThreadPool(2 * STORES);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (long store : stores) {
            for (int port : ports) {
                Browser api = Browser.basic("http://localhost:" + port, "admin", PASSWORD);
                answers.add(CompletableFuture.supplyAsync(() -> api.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/meta-commerce/sync-job"))
                        .header("X-Store-Id", Long.toString(store)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))), pool));
            }
        }
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < STORES; i++) {
            HttpResponse<String> first = answers.get(2 * i).get();
            HttpResponse<String> second = answers.get(2 * i + 1).get();
            List<Integer> codes = List.of(first.statusCode(), second.statusCode());
            assertThat(codes).as(first.body() + " / " + second.body()).containsExactlyInAnyOrder(202, 409);
            String a = Browser.json(first).get("jobId").asString();
            String b = Browser.json(second).get("jobId").asString();
            assertThat(a).as("both requests name the one run of the catalog").isEqualTo(b);
            jobIds.add(a);
        }
        pool.shutdown();

        Browser api = Browser.basic("http://localhost:" + ports.get(1), "admin", PASSWORD);
        for (int i = 0; i < STORES; i++) {
            String jobId = jobIds.get(i);
            long store = stores.get(i);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode job = Browser.json(api.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ports.get(1) + "/api/meta-commerce/jobs/" + jobId))
                        .header("X-Store-Id", Long.toString(store)))).get("job");
                return !List.of("queued", "running").contains(job.get("status").asString());
            });
        }
        JdbcTemplate db = nodes.get(0).getBean(JdbcTemplate.class);
        for (int i = 0; i < STORES; i++) {
            var run = db.queryForMap("select status, attempts, catalog_id from sync_runs where id = ?", jobIds.get(i));
            assertThat(run.get("status")).as(run.toString()).isEqualTo("completed");
            assertThat(((Number) run.get("attempts")).intValue()).as("executed exactly once").isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from sync_runs where catalog_id = ?", Long.class,
                    catalogs.get(i))).as("one run per catalog").isEqualTo(1);
            assertThat(SyncScenarios.sandboxItems(sandbox, catalogs.get(i))).hasSize(PRODUCTS);
        }
        // exactly the upload calls one run makes per catalog: nothing was sent twice
        JsonNode calls = SyncScenarios.sandbox(sandbox, "GET", "/_sandbox/calls?limit=10000", null);
        for (String catalog : catalogs) {
            long batches = 0;
            for (JsonNode c : calls.get("calls")) {
                if (c.get("method").asString().equals("POST")
                        && c.get("path").asString().endsWith("/" + catalog + "/items_batch")) {
                    batches++;
                }
            }
            assertThat(batches).as("items_batch calls of catalog " + catalog).isEqualTo(PRODUCTS / 10);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
