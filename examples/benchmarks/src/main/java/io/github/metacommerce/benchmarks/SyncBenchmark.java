package io.github.metacommerce.benchmarks;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.Sleeper;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.examples.quickstart.SampleProducts;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * End-to-end sync harness against the Graph sandbox. Prints figures; nothing passes or fails on timing.
 *
 * <pre>
 * java -jar ... (see docs/benchmarks.md)
 * java -cp examples/benchmarks/target/benchmarks.jar io.github.metacommerce.benchmarks.SyncBenchmark --products 100000
 * java -Xmx256m -cp examples/benchmarks/target/benchmarks.jar io.github.metacommerce.benchmarks.SyncBenchmark \
 *     --stream 1000000 --sandbox http://127.0.0.1:8089
 * </pre>
 */
public final class SyncBenchmark {
    static final long SEED = 20261129L;
    static final double INVALID = 0.01;
    private static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl("https://shop.example")
            .currency("EUR").build();

    /** The figures of one run. */
    record Result(String name, SyncReport report, long wallMillis, long peakHeapMb, long throttles,
            Duration virtualTime) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncBenchmark.class);

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long products = 100_000;
        long stream = 0;
        String external = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--products": products = Long.parseLong(args[++i]); break;
                case "--stream": stream = Long.parseLong(args[++i]); break;
                case "--sandbox": external = args[++i]; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (stream > 0) {
            if (external == null) {
                throw new IllegalArgumentException("--stream needs --sandbox URL (a sandbox in its own process)");
            }
            for (Result r : streamed(external, stream)) {
                print(r);
            }
            return;
        }
        for (Result r : suite(products)) {
            print(r);
        }
    }

    /** The in-process suite: full, 1 % changed, throttled at 8/min, and the original plan's strategy. */
    static java.util.List<Result> suite(long n) throws Exception {
        java.util.List<Result> results = new java.util.ArrayList<>();
        try (GraphSandbox fast = GraphSandbox.builder().batchCallsPerMinute(1_000_000)
                .batchProcessingDelay(Duration.ZERO).build().start()) {
            SyncStateStore ledger = SyncStateStore.inMemory();
            SyncOptions options = SyncOptions.builder().batchCallsPerMinute(1_000_000)
                    .statusPollInitial(Duration.ofMillis(5)).statusPollMax(Duration.ofMillis(100)).build();
            CatalogSync sync = sync(fast, ledger, options, Clock.systemUTC(), Sleeper.system(), c -> { });
            results.add(run("full sync of " + n + " products, sandbox batch limit off (1,000,000 calls/min)", sync,
                    products(n, 0), SyncMode.FULL, null));
            results.add(run("second run, 1% changed", sync, products(n, 1), SyncMode.FULL, null));
        }
        results.add(throttled("throttled (sandbox 8 calls/min), delta", n, SyncOptions.builder(), true));
        results.add(throttled("original plan: 500 per call, no delta", n, SyncOptions.builder()
                .maxRequestsPerCall(500), false));
        return results;
    }

    /** A run at Meta's floor of 8 batch calls per minute, in virtual time shared with the sandbox. */
    private static Result throttled(String name, long n, SyncOptions.Builder options, boolean delta)
            throws Exception {
        try (GraphSandbox slow = GraphSandbox.builder().batchProcessingDelay(Duration.ZERO).build().start()) {
            VirtualTime time = VirtualTime.startingAt(Instant.now()).onAdvance(slow::advanceClock);
            Clock clock = time.clock();
            Instant start = clock.instant();
            AtomicLong throttles = new AtomicLong();
            Sleeper sleeper = time.sleeper();
            SyncOptions o = options.statusPollInitial(Duration.ofSeconds(2)).statusPollMax(Duration.ofSeconds(30))
                    .build();
            SyncStateStore ledger = SyncStateStore.inMemory();
            CatalogSync sync = sync(slow, ledger, o, clock, sleeper, call -> {
                if (call.failure().filter(f -> f == ErrorCategory.RATE_LIMIT).isPresent()) {
                    throttles.incrementAndGet();
                }
            });
            sync.sync(products(n, 0), SyncRequest.full());
            Instant afterFirst = clock.instant();
            CatalogSync second = delta ? sync
                    : sync(slow, SyncStateStore.inMemory(), o, clock, sleeper, c -> { });
            Result r = run(name + ", then 1% changed", second, products(n, 1), SyncMode.FULL, null);
            return new Result(r.name(), r.report(), r.wallMillis(), r.peakHeapMb(), throttles.get(),
                    Duration.between(start, afterFirst));
        }
    }

    /**
     * A million products streamed through a small heap to a sandbox in another process, with the default in-memory
     * ledger: a full sync of an empty catalog, then a second full sync with 1 % changed, which runs while the ledger
     * holds every item and lists them all to find deleted products.
     */
    static java.util.List<Result> streamed(String sandboxUrl, long n) {
        String token = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandboxUrl + "/_sandbox/tokens")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).join().body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        MetaCommerceClient client = MetaCommerceClient.builder().appId(GraphSandbox.DEFAULT_APP_ID)
                .appSecret(GraphSandbox.DEFAULT_APP_SECRET).graphBaseUrl(sandboxUrl).build();
        SyncStateStore ledger = SyncStateStore.inMemory();
        CatalogSync sync = CatalogSync.builder().graph(client.graph(token)).catalogId(GraphSandbox.CATALOG_ID)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger)
                .options(SyncOptions.builder().batchCallsPerMinute(1_000_000).statusPollInitial(Duration.ofMillis(5))
                        .statusPollMax(Duration.ofMillis(200)).maxOutstandingBatches(4).build()).build();
        String heap = "heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, in-memory ledger";
        Result first = run("streamed " + n + " products, full sync, " + heap, sync, products(n, 0), SyncMode.FULL,
                null);
        Result second = run("second full sync, 1% changed, " + heap + " holding "
                + ledger.count(GraphSandbox.CATALOG_ID) + " items", sync, products(n, 1), SyncMode.FULL, null);
        System.gc();
        log.info("heap in use after a full GC, the ledger holding {} items: {} MB of {} MB",
                ledger.count(GraphSandbox.CATALOG_ID), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                        .getUsed() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return java.util.List.of(first, second);
    }

    static Stream<Product> products(long n, int changedPercent) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> SampleProducts.product(SEED, i, INVALID, changedPercent));
    }

    private static CatalogSync sync(GraphSandbox sandbox, SyncStateStore ledger, SyncOptions options, Clock clock,
            Sleeper sleeper, io.github.metacommerce.graph.GraphCallListener listener) {
        MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId()).appSecret(sandbox.appSecret())
                .graphBaseUrl(sandbox.baseUrl()).clock(clock).sleeper(sleeper).callListener(listener).build();
        return CatalogSync.builder().graph(client.graph(sandbox.mintUserToken())).catalogId(GraphSandbox.CATALOG_ID)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).options(options).clock(clock)
                .sleeper(sleeper).build();
    }

    private static Result run(String name, CatalogSync sync, Stream<Product> products, SyncMode mode,
            Consumer<SyncReport> after) {
        resetPeaks();
        long start = System.nanoTime();
        SyncReport report = sync.sync(products, SyncRequest.builder().mode(mode).build());
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (after != null) {
            after.accept(report);
        }
        return new Result(name, report, wall, peakHeapMb(), 0, Duration.ZERO);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static void print(Result r) {
        SyncReport s = r.report();
        double seconds = Math.max(1, r.wallMillis()) / 1000.0;
        log.info(String.format(Locale.ROOT, "%s%n  %s in %.1f s wall (%.0f items/s); items %d: %d created, %d updated, "
                + "%d unchanged, %d deleted, %d failed, %d not attempted; %d API calls (%d batch handles); rate-limit "
                + "wait %s; peak heap %d MB", r.name(), s.outcome(), seconds, s.counts().itemsSeen() / seconds,
                s.counts().itemsSeen(), s.counts().created(), s.counts().updated(), s.counts().unchanged(),
                s.counts().deleted(), s.counts().failed(), s.counts().notAttempted(), s.apiCalls(),
                s.handles().size(), s.rateLimitWait(), r.peakHeapMb()));
        if (!r.virtualTime().isZero()) {
            long minutes = Math.max(1, r.virtualTime().toMinutes());
            log.info(String.format(Locale.ROOT, "  first (full) run took %s of virtual time at 8 batch calls/min; "
                    + "throttle errors seen: %d%n  budget: %d minutes x 8 = %d batch calls allowed", r.virtualTime(),
                    r.throttles(), minutes, minutes * 8));
        }
    }
}
