package io.github.metacommerce.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import io.github.metacommerce.product.ProductTransformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin server's benchmarks, over its real HTTP routes: it starts the Graph sandbox and the admin server as child
 * processes (the admin server with {@code -Xmx512m}), connects two stores of its own, and measures
 * <ol>
 *   <li>the import of a generated Shopify CSV ({@code POST /products/import});</li>
 *   <li>a full sync of those products (the run's {@code startedAt} to {@code finishedAt}) next to the SDK alone
 *       ({@link CatalogSync} with {@link SyncStateStore#inMemory()}, the same products, the same sandbox, a fresh
 *       catalog), then a change of 1 % ({@code PUT /products}) and an incremental sync;</li>
 *   <li>the latency of {@code /products/errors} with as many errors in the store (products without a price, synced
 *       once) and of {@code /status}, under concurrent signed-in clients.</li>
 * </ol>
 * Prints figures; nothing passes or fails on timing. It is not a test and no build runs it.
 *
 * <pre>
 * java -cp examples/benchmarks/target/benchmarks.jar io.github.metacommerce.benchmarks.AdminServerBenchmark \
 *     --admin-jar examples/admin-server/target/admin-server.jar \
 *     --sandbox-jar examples/graph-sandbox/target/graph-sandbox.jar --products 100000
 * </pre>
 */
public final class AdminServerBenchmark {
    private static final Logger log = LoggerFactory.getLogger(AdminServerBenchmark.class);
    private static final String BUSINESS = "200000000000001";
    private static final String PASSWORD = "bench-password-1";
    private static final long MAX_IMPORT_BYTES = 50L * 1024 * 1024;

    private final Options o;
    private final List<Process> children = new ArrayList<>();
    private String sandboxUrl;
    private String adminUrl;

    /** The command line. */
    record Options(Path adminJar, Path sandboxJar, Path work, long products, int batchCallsPerMinute, int clients,
            int statusRequests, int errorRequests, int basicRequests, int loadSeconds, String adminHeap,
            String sandboxHeap) {
        static Options parse(String[] args) throws IOException {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
                }
                m.put(args[i].substring(2), args[++i]);
            }
            Options o = new Options(
                    Path.of(m.getOrDefault("admin-jar", "examples/admin-server/target/admin-server.jar")),
                    Path.of(m.getOrDefault("sandbox-jar", "examples/graph-sandbox/target/graph-sandbox.jar")),
                    m.containsKey("work") ? Path.of(m.get("work")) : Files.createTempDirectory("admin-bench"),
                    Long.parseLong(m.getOrDefault("products", "100000")),
                    Integer.parseInt(m.getOrDefault("batch-calls-per-minute", "100000")),
                    Integer.parseInt(m.getOrDefault("clients", "50")),
                    Integer.parseInt(m.getOrDefault("status-requests", "200")),
                    Integer.parseInt(m.getOrDefault("error-requests", "200")),
                    Integer.parseInt(m.getOrDefault("basic-requests", "10")),
                    Integer.parseInt(m.getOrDefault("load-seconds", "60")),
                    m.getOrDefault("admin-heap", "512m"), m.getOrDefault("sandbox-heap", "4g"));
            Files.createDirectories(o.work());
            return o;
        }
    }

    private AdminServerBenchmark(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        AdminServerBenchmark b = new AdminServerBenchmark(Options.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(b::stopChildren));
        try {
            b.run();
        } finally {
            b.stopChildren();
        }
    }

    private void run() throws Exception {
        long n = o.products();
        log.info("admin server benchmark: {} products, work folder {}, {} cores, {}", n, o.work(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        List<Path> files = csvFiles(n);
        startSandbox();
        startAdmin();

        AdminSession admin = AdminSession.signIn(adminUrl, "admin", PASSWORD);
        long store = connectedStore(admin, "Benchmark Store", "Admin benchmark catalog");

        // 1. import
        long importStart = System.nanoTime();
        long rows = 0;
        for (Path f : files) {
            JsonNode r = admin.upload("/api/meta-commerce/products/import", f);
            rows += r.get("rowsRead").asLong();
            log.info("  imported {} ({} MB): {} rows, {} products, {} created, {} updated, {} problems",
                    f.getFileName(), mb(f), r.get("rowsRead"), r.get("productsRead"), r.get("created"),
                    r.get("updated"), r.get("problemCount"));
        }
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        log.info(String.format(Locale.ROOT, "import of %d Shopify rows in %d file(s): %.1f s, %.0f rows/s", rows,
                files.size(), importSeconds, rows / importSeconds));

        // 2. warm the sandbox up, then the admin server's full sync and the SDK alone's
        sdkSync("sandbox warm-up (SDK, 10000 products, throwaway catalog)", Math.min(10_000, n), false);
        JobFigures full = awaitJob(admin, admin.post("/api/meta-commerce/sync-job", "{\"mode\":\"full\"}"));
        full.print("admin server: full sync of " + n + " products");
        SdkFigures sdk = sdkSync("SDK alone: full sync of " + n + " products (in-memory ledger)", n, true);
        log.info(String.format(Locale.ROOT, "admin / SDK alone = %.2f (goal: at most 1.30)",
                full.runSeconds() / sdk.seconds()));

        // 1 % changed
        String changed = ShopifyCatalog.changedJson(n, 100, 1);
        long putStart = System.nanoTime();
        JsonNode put = admin.put("/api/meta-commerce/products", changed);
        log.info(String.format(Locale.ROOT, "PUT /products of %s changed products: %.2f s (%s updated)",
                put.get("received"), (System.nanoTime() - putStart) / 1e9, put.get("updated")));
        JobFigures delta = awaitJob(admin, admin.post("/api/meta-commerce/sync-job", "{\"mode\":\"incremental\"}"));
        delta.print("admin server: incremental sync after 1% changed");
        sdk.secondRun("SDK alone: the same 1% changed (same ledger)", n);

        // 3. errors and status under load
        long errorsStore = connectedStore(admin, "Errors Store", "Errors benchmark catalog");
        Path invalid = o.work().resolve("shopify-no-price.csv");
        ShopifyCatalog.writeCsv(invalid, 1, n, false);
        long t = System.nanoTime();
        JsonNode imported = admin.upload("/api/meta-commerce/products/import", invalid);
        log.info(String.format(Locale.ROOT, "errors store: imported %s products without a price in %.1f s",
                imported.get("productsRead"), (System.nanoTime() - t) / 1e9));
        awaitJob(admin, admin.post("/api/meta-commerce/sync-job", "{\"mode\":\"full\"}"))
                .print("errors store: full sync (every product fails local validation)");
        long errors = admin.getJson("/api/meta-commerce/products/errors?size=1").get("total").asLong();
        log.info("errors store: {} rows in product_errors (local validation of a sync; no JDBC insert)", errors);

        load(admin, store, errorsStore, errors);
        log.info("admin server peak resident memory (VmHWM): {}", vmHwm(children.get(1)));
    }

    private void load(AdminSession admin, long store, long errorsStore, long errors) throws Exception {
        List<AdminSession> sessions = new ArrayList<>();
        for (int c = 0; c < o.clients(); c++) {
            sessions.add(AdminSession.signIn(adminUrl, "admin", PASSWORD).store(errorsStore));
        }
        int pages = (int) Math.max(1, errors / 50);
        Duration limit = Duration.ofSeconds(o.loadSeconds());
        List<LoadRun.Result> results = new ArrayList<>();
        int e = o.errorRequests();
        results.add(LoadRun.run("GET /products/errors?size=50 (page 0)", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50"));
        results.add(LoadRun.run("GET /products/errors?size=50&page=<random of " + pages + ">", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50&page=" + page(c, r, pages)));
        results.add(LoadRun.run("GET /products/errors?size=50&category=product_error&page=<random>", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50&category=product_error&page="
                        + page(c, r, pages)));
        results.add(LoadRun.run("GET /products/errors?size=50&q=sku-<random id> (SKU prefix)", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50&q=sku-" + (1 + page(c, r, 100_000))));
        // a cursor at a random depth costs what following nextBefore to that depth costs
        long top = Long.parseLong(admin.store(errorsStore).getJson("/api/meta-commerce/products/errors?size=1")
                .get("nextBefore").asText()) + 1;
        results.add(LoadRun.run("GET /products/errors?size=50&before=<random cursor>", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50&before=" + (top - page(c, r, (int) errors))));
        List<AdminSession> one = sessions.subList(0, 1);
        results.add(LoadRun.run("GET /products/errors?size=50&page=<random>, 1 client", one, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors?size=50&page=" + page(c, r, pages)));
        results.add(LoadRun.run("GET /products/errors?size=50&category=product_error&page=<random>, 1 client", one, e,
                limit, (c, r) -> "/api/meta-commerce/products/errors?size=50&category=product_error&page="
                        + page(c, r, pages)));
        results.add(LoadRun.run("GET /products/errors/summary", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/errors/summary"));
        int productPages = (int) Math.max(1, errors / 50);
        results.add(LoadRun.run("GET /products/status?size=50&page=<random>", sessions, e, limit,
                (c, r) -> "/api/meta-commerce/products/status?size=50&page=" + page(c, r, productPages)));
        results.add(LoadRun.run("GET /products/status?size=50&page=<random>, 1 client", one, e, limit,
                (c, r) -> "/api/meta-commerce/products/status?size=50&page=" + page(c, r, productPages)));
        results.add(LoadRun.run("GET /products/status?size=50&status=error, 1 client", one, e, limit,
                (c, r) -> "/api/meta-commerce/products/status?size=50&status=error"));
        for (AdminSession s : sessions) {
            s.store(store);
        }
        results.add(LoadRun.run("GET /status (session cookie)", sessions, o.statusRequests(), limit,
                (c, r) -> "/api/meta-commerce/status"));
        log.info("latency under {} concurrent clients on loopback (signed-in sessions), {} errors in the store:",
                o.clients(), errors);
        results.forEach(r -> log.info("  {}", r.line()));
        if (o.basicRequests() > 0) {
            List<AdminSession> basic = new ArrayList<>();
            for (int c = 0; c < o.clients(); c++) {
                basic.add(AdminSession.basic(adminUrl, "admin", PASSWORD).store(store));
            }
            log.info("  {}", LoadRun.run("GET /status (HTTP Basic: a BCrypt check per request)", basic,
                    o.basicRequests(), limit, (c, r) -> "/api/meta-commerce/status").line());
        }
    }

    /** A deterministic spread of pages over clients and requests. */
    private static int page(int client, int request, int pages) {
        long h = (client * 1_000_003L + request * 7_919L) * 2_654_435_761L;
        return (int) Math.floorMod(h >>> 7, (long) pages);
    }

    // --- the stores -----------------------------------------------------------------------------------------------

    /** Creates a store, connects it to the sandbox through the consent dialog and selects a new catalog. */
    private long connectedStore(AdminSession admin, String name, String catalogName) {
        long id = admin.post("/api/admin/stores", "{\"name\":\"" + name + "\"}").get("id").asLong();
        admin.post("/api/meta-commerce/stores/current", "{\"storeId\":" + id + "}");
        admin.store(id);
        String dialog = admin.post("/api/meta-commerce/auth/url", "{}").get("url").asText();
        Map<String, String> q = AdminSession.query(dialog);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", q.get("client_id"));
        form.put("redirect_uri", q.get("redirect_uri"));
        form.put("state", q.get("state"));
        form.put("scope", q.getOrDefault("scope", ""));
        form.put("decision", "continue");
        URI confirm = URI.create(dialog).resolve(URI.create(dialog).getPath() + "/confirm");
        HttpResponse<String> answered = admin.postForm(confirm.toString(), form);
        String callback = answered.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the consent page answered " + answered.statusCode()));
        String outcome = admin.get(callback).headers().firstValue("Location").orElse("");
        if (!outcome.contains("success=connected")) {
            throw new IllegalStateException("connecting store " + id + " failed: " + outcome);
        }
        admin.put("/api/meta-commerce/businesses/select", "{\"businessId\":\"" + BUSINESS + "\"}");
        String catalog = admin.post("/api/meta-commerce/catalogs", "{\"name\":\"" + catalogName + "\"}")
                .get("catalog").get("id").asText();
        admin.put("/api/meta-commerce/catalogs/select", "{\"catalogId\":\"" + catalog + "\"}");
        admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"currency\":\"USD\","
                + "\"defaultBrand\":\"Acme\"}");
        log.info("store {} '{}' connected, catalog {}", id, name, catalog);
        return id;
    }

    // --- the admin server's runs ----------------------------------------------------------------------------------

    /** A finished run's figures and the stages the poll saw, with when it first saw each. */
    record JobFigures(JsonNode job, double clientSeconds, List<String> stages) {
        double runSeconds() {
            return Duration.between(Instant.parse(job.get("startedAt").asText()),
                    Instant.parse(job.get("finishedAt").asText())).toMillis() / 1000.0;
        }

        void print(String name) {
            double queued = Duration.between(Instant.parse(job.get("queuedAt").asText()),
                    Instant.parse(job.get("startedAt").asText())).toMillis() / 1000.0;
            log.info(String.format(Locale.ROOT, "%s%n  %s in %.1f s (startedAt to finishedAt; queued %.1f s before; "
                    + "%.1f s seen by the client); %s API calls; counts %s%n  stages seen: %s", name,
                    job.get("status").asText(), runSeconds(), queued, clientSeconds, job.get("apiCalls"),
                    job.get("counts"), String.join(", ", stages)));
        }
    }

    private static JobFigures awaitJob(AdminSession admin, JsonNode started) throws InterruptedException {
        String id = started.get("jobId").asText();
        long start = System.nanoTime();
        List<String> stages = new ArrayList<>();
        String last = "";
        while (true) {
            JsonNode job = admin.getJson("/api/meta-commerce/jobs/" + id).get("job");
            String stage = job.get("status").asText() + "/" + job.get("stage").asText();
            if (!stage.equals(last)) {
                stages.add(String.format(Locale.ROOT, "%s at %.1f s", stage, (System.nanoTime() - start) / 1e9));
                last = stage;
            }
            if (!job.get("finishedAt").isNull()) {
                return new JobFigures(job, (System.nanoTime() - start) / 1e9, stages);
            }
            if ((System.nanoTime() - start) / 1e9 > 3600) {
                throw new IllegalStateException("sync job " + id + " did not end within an hour: " + job);
            }
            Thread.sleep(100);
        }
    }

    // --- the SDK alone --------------------------------------------------------------------------------------------

    /** The SDK alone's sync with its ledger, for a second run. */
    private final class SdkFigures {
        private final CatalogSync sync;
        private final double seconds;

        SdkFigures(CatalogSync sync, double seconds) {
            this.sync = sync;
            this.seconds = seconds;
        }

        double seconds() {
            return seconds;
        }

        void secondRun(String name, long n) {
            Stream<Product> products = LongStream.rangeClosed(1, n).mapToObj(i ->
                    ShopifyCatalog.product(ShopifyCatalog.item(i, true, i % 100 == 0 ? 1 : 0)));
            timed(name, sync, products, SyncMode.INCREMENTAL);
        }
    }

    private SdkFigures sdkSync(String name, long n, boolean report) {
        String token = new AdminSessionless(sandboxUrl).token();
        MetaCommerceClient client = MetaCommerceClient.builder().appId("sandbox-app").appSecret("sandbox-secret")
                .graphBaseUrl(sandboxUrl).build();
        String catalog = client.graph(token).createCatalog(BUSINESS, name.length() > 60 ? name.substring(0, 60)
                : name).id();
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
                .defaultBrand("Acme").build();
        CatalogSync sync = CatalogSync.builder().graph(client.graph(token)).catalogId(catalog)
                .transformer(ProductTransformer.of(settings)).stateStore(SyncStateStore.inMemory())
                .options(SyncOptions.builder().batchCallsPerMinute(o.batchCallsPerMinute()).build()).build();
        double seconds = timed(report ? name : null, sync, ShopifyCatalog.products(n), SyncMode.FULL);
        return new SdkFigures(sync, seconds);
    }

    private static double timed(String name, CatalogSync sync, Stream<Product> products, SyncMode mode) {
        long start = System.nanoTime();
        SyncReport r = sync.sync(products, SyncRequest.builder().mode(mode).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (name != null) {
            log.info(String.format(Locale.ROOT, "%s%n  %s in %.1f s; items %d: %d created, %d updated, %d unchanged, "
                    + "%d failed; %d API calls", name, r.outcome(), seconds, r.counts().itemsSeen(),
                    r.counts().created(), r.counts().updated(), r.counts().unchanged(), r.counts().failed(),
                    r.apiCalls()));
        }
        return seconds;
    }

    /** Mints a user token at the sandbox's control endpoint. */
    private record AdminSessionless(String sandboxUrl) {
        String token() {
            String body = java.net.http.HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create(sandboxUrl + "/_sandbox/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()).join().body();
            try {
                return AdminSession.JSON.readTree(body).get("access_token").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- files and processes --------------------------------------------------------------------------------------

    /** The Shopify CSV of products 1..n, in as few files under the import limit as it takes. */
    private List<Path> csvFiles(long n) {
        for (int parts = 1; ; parts++) {
            List<Path> files = new ArrayList<>();
            boolean fits = true;
            long per = (n + parts - 1) / parts;
            for (int p = 0; p < parts; p++) {
                Path f = o.work().resolve(parts == 1 ? "shopify-products.csv" : "shopify-products-" + (p + 1) + ".csv");
                fits &= ShopifyCatalog.writeCsv(f, p * per + 1, Math.min(n, (p + 1) * per), true) < MAX_IMPORT_BYTES;
                files.add(f);
            }
            if (fits) {
                log.info("generated {} product rows in {} Shopify CSV file(s) of {} MB", n, parts, mb(files.get(0)));
                return files;
            }
        }
    }

    private void startSandbox() throws Exception {
        int port = freePort();
        adminUrl = "http://localhost:" + freePort();
        sandboxUrl = "http://localhost:" + port;
        start("sandbox", List.of("java", "-Xmx" + o.sandboxHeap(), "-jar", o.sandboxJar().toString(), "--port",
                Integer.toString(port), "--batch-calls-per-minute", Integer.toString(o.batchCallsPerMinute()),
                "--redirect-uri", adminUrl + "/api/meta-commerce/auth/callback"));
        awaitLog(o.work().resolve("sandbox.log"), "listening on");
        log.info("sandbox at {} (batch budget {} calls/min, default batch processing delay)", sandboxUrl,
                o.batchCallsPerMinute());
    }

    private void startAdmin() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path data = o.work().resolve("admin-data");
        Files.createDirectories(data);
        String port = adminUrl.substring(adminUrl.lastIndexOf(':') + 1);
        start("admin", List.of("java", "-Xmx" + o.adminHeap(), "-jar", o.adminJar().toString(),
                "--server.port=" + port, "--admin.public-url=" + adminUrl, "--admin.sandbox.enabled=false",
                "--meta.commerce.app-id=sandbox-app", "--meta.commerce.app-secret=sandbox-secret",
                "--meta.commerce.graph.base-url=" + sandboxUrl, "--meta.commerce.graph.dialog-base-url=" + sandboxUrl,
                "--meta.commerce.oauth.redirect-uri=" + adminUrl + "/api/meta-commerce/auth/callback",
                "--meta.commerce.sync.batch-calls-per-minute=" + o.batchCallsPerMinute(),
                "--admin.encryption.key=" + Base64.getEncoder().encodeToString(key),
                "--admin.bootstrap.password=" + PASSWORD, "--admin.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data + "/admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String last = "nothing";
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(adminUrl
                        + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    break;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Process admin = children.get(children.size() - 1);
            if (System.nanoTime() > deadline || !admin.isAlive()) {
                throw new IllegalStateException("the admin server did not start (alive " + admin.isAlive()
                        + ", health answered " + last + "); see " + o.work().resolve("admin.log"));
            }
            Thread.sleep(250);
        }
        log.info("admin server at {} (-Xmx{}, H2 file database in {})", adminUrl, o.adminHeap(), data);
    }

    private void start(String name, List<String> command) throws IOException {
        Path logFile = o.work().resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        children.add(p);
        log.info("started {} (pid {}): {}", name, p.pid(), String.join(" ", command));
    }

    private static void awaitLog(Path file, String needle) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).contains(needle)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + needle + "' in " + file);
            }
            Thread.sleep(100);
        }
    }

    private void stopChildren() {
        for (int i = children.size() - 1; i >= 0; i--) {
            Process p = children.get(i);
            if (p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        children.clear();
    }

    private static String vmHwm(Process p) {
        try {
            return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String mb(Path f) {
        try {
            return String.format(Locale.ROOT, "%.1f", Files.size(f) / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "?";
        }
    }
}
