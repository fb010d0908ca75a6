package io.github.metacommerce.benchmarks;

import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.APINodeList;
import com.facebook.ads.sdk.CheckBatchRequestStatus;
import com.facebook.ads.sdk.ProductCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.Sleeper;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Side by side, in one process against one in-process Graph sandbox: the same generated products synced by
 * {@link CatalogSync} with its default options (as a new user would write it) and by Meta's own
 * {@code facebook-java-business-sdk} driven the way its documentation shows ({@code ProductCatalog.createItemsBatch()}
 * with the requests built by hand, 3,000 a call, then {@code check_batch_request_status} polled until each batch is
 * finished; a re-sync resends everything). Prints its figures; nothing here passes or fails on timing.
 *
 * <p>Two scenarios, each with its own sandbox (reset before every run, and a fresh catalog for every run):
 * <ol>
 * <li><b>fast</b>: the sandbox's batch limit off (1,000,000 calls a minute) and batches processed during the call,
 * real time. Full sync into an empty catalog, then a re-sync with 1 % of the products changed, for each client;
 * the order alternates over the rounds (ours first, Meta's first, ours first, ...). Per run: wall time, batch
 * calls, status polls, process CPU time (and the part of it spent on the sandbox's threads), items in the catalog.
 * Then medians and the ratios ours/Meta's. Our sync keeps its default options except the one that describes the
 * catalog: it is told the sandbox's budget, {@code batchCallsPerMinute(1_000_000)}, as a user tells it the
 * catalog's real budget; left at its default of 8 a minute (Meta's floor) its own pacer, not its engine, would
 * set the figure ({@code --ours-calls-per-minute 0} shows that: 72 calls for 100,000 products take at least nine
 * minutes, and a re-sync within a minute of the full sync waits for the window).</li>
 * <li><b>floor</b>: Meta's floor of 8 batch calls per catalog per minute and a processing delay per batch (20 s
 * by default), on virtual time: our sync gets a {@link VirtualTime} clock and sleeper, and the hand-written loop
 * around Meta's SDK sleeps between its status polls on the same virtual sleeper (Meta's SDK itself never waits,
 * so it runs on virtual time as it is); every virtual sleep moves the sandbox's clock by as much. Reported:
 * virtual time, throttle errors (Graph error 80014), items confirmed, items missing from the catalog, changed
 * items left stale. Our sync runs with {@link SyncOptions#defaults()} untouched; the re-sync starts an hour (of
 * virtual time) after the full sync, as a scheduled re-sync would. The sandbox's own clock is fixed, so only the
 * virtual sleeps move it and the figures do not depend on the machine.</li>
 * </ol>
 *
 * <p>Meta's SDK needs one thing to reach the sandbox: its synchronous executor casts every connection to
 * {@code HttpsURLConnection}, so {@code execute()} fails on {@code http://127.0.0.1}; its asynchronous executor
 * (OkHttp) takes any URL, so every call here is {@code executeAsync().get()}, with an {@code APIContext} built with
 * its full constructor (endpoint base = the sandbox's URL, crash reports off so nothing is sent to Meta).
 *
 * <p>Both clients get the same items: the SDK's transformer turns each product into items and the SDK's validator
 * keeps the valid ones; Meta's side sends their {@link CatalogItem#toData()} maps serialised with Jackson (its
 * time includes that preparation, as a user's would). Meta's side sends no translations; ours also sends its
 * {@code localized_items_batch} calls, counted apart.
 *
 * <pre>
 * mvn -B -ntp -pl examples/benchmarks -am package -DskipTests
 * java -Xmx8g -cp examples/benchmarks/target/benchmarks.jar io.github.metacommerce.benchmarks.MetaSdkComparison \
 *     --products 100000 --rounds 3 --floor-products 100000 --floor-delay 20s
 * </pre>
 *
 * <p>Options: {@code --products N} (default 100,000), {@code --rounds R} (3), {@code --floor-products N} (same as
 * {@code --products}; 0 skips the floor scenario), {@code --floor-delay D} (20s; {@code 500ms}, {@code 2m} or an ISO
 * duration), {@code --meta-chunk N} (3,000 requests a call), {@code --meta-poll D} (2s between two polls of an
 * unfinished batch), {@code --ours-calls-per-minute N} (the budget our sync is told in the fast scenario,
 * 1,000,000; 0 keeps the default of 8), {@code --floor-gap D} (1 hour between the floor's full sync and re-sync).
 * The harness ends the JVM when it is done (Meta's SDK keeps OkHttp's non-daemon threads for a minute).
 */
public final class MetaSdkComparison {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MetaSdkComparison.class);

    private static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl("https://shop.example")
            .currency("EUR").build();
    private static final String ITEMS_BATCH = "POST /{v}/{id}/items_batch";
    private static final String LOCALIZED_BATCH = "POST /{v}/{id}/localized_items_batch";
    private static final String STATUS = "GET /{v}/{id}/check_batch_request_status";
    private static final int META_THROTTLE_CODE = 80014;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetaSdkComparison() {
    }

    /**
     * What to run.
     *
     * @param products products in the fast scenario
     * @param rounds rounds of the fast scenario
     * @param floorProducts products in the floor scenario, 0 to skip it
     * @param floorDelay how long the floor sandbox keeps a batch in progress
     * @param metaChunk requests per items_batch call on Meta's side
     * @param metaPoll wait between two polls of an unfinished batch on Meta's side
     * @param oursFastCallsPerMinute the batch budget our sync is told in the fast scenario (the sandbox's, so
     *     1,000,000); 0 leaves {@link SyncOptions#defaults()} untouched (8 a minute, Meta's floor)
     * @param floorGap virtual time between the full sync and the re-sync in the floor scenario
     */
    record Config(long products, int rounds, long floorProducts, Duration floorDelay, int metaChunk,
            Duration metaPoll, int oursFastCallsPerMinute, Duration floorGap) {
        static Config defaults() {
            return new Config(100_000, 3, 100_000, Duration.ofSeconds(20), 3000, Duration.ofSeconds(2),
                    FAST_BUDGET, Duration.ofHours(1));
        }

        /** Our options in a scenario: the defaults, told the catalog's budget where the sandbox has lifted it. */
        SyncOptions oursOptions(boolean fast) {
            return fast && oursFastCallsPerMinute > 0
                    ? SyncOptions.defaults().toBuilder().batchCallsPerMinute(oursFastCallsPerMinute).build()
                    : SyncOptions.defaults();
        }
    }

    /** The fast sandbox's batch budget per catalog per minute ("limit off"). */
    static final int FAST_BUDGET = 1_000_000;

    /** What one client did in one phase (full sync or re-sync). */
    record Run(String client, String phase, long wallMillis, long cpuMillis, long sandboxCpuMillis, long itemsBatch,
            long localizedBatch, long statusPolls, long throttleErrors, long otherErrors, long requestsSent,
            long confirmed, long itemsInCatalog, long expectedItems, long staleChanged, long changedItems,
            boolean virtual, Duration virtualTime, Duration rateLimitWait) {

        long missing() {
            return Math.max(0, expectedItems - itemsInCatalog);
        }

        boolean complete() {
            return itemsInCatalog == expectedItems && staleChanged == 0;
        }
    }

    /** One round of the fast scenario: the four runs in the order they ran. */
    record Round(int number, List<Run> runs) {
        Run get(String client, String phase) {
            return runs.stream().filter(r -> r.client().equals(client) && r.phase().equals(phase)).findFirst()
                    .orElseThrow();
        }
    }

    /** The whole comparison: the generated catalog, the fast rounds and the floor runs. */
    record Result(Config config, Items fastItems, List<Round> rounds, Items floorItems, List<Run> floor) {

        double median(String client, String phase, ToLongFunction<Run> f) {
            long[] v = rounds.stream().mapToLong(r -> f.applyAsLong(r.get(client, phase))).sorted().toArray();
            if (v.length == 0) {
                return 0;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        }

        /** Every run of both scenarios left its catalog holding every valid item, changed ones up to date. */
        boolean fastComplete() {
            return rounds.stream().allMatch(r -> r.runs().stream().allMatch(Run::complete));
        }

        /** The report as printed. */
        String format() {
            StringBuilder s = new StringBuilder();
            Runtime rt = Runtime.getRuntime();
            s.append(String.format(Locale.ROOT, "MetaSdkComparison: Java %s, %d cores, max heap %d MB; Meta's SDK "
                    + "facebook-java-business-sdk %s%n", System.getProperty("java.version"),
                    rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), metaSdkVersion()));
            s.append(String.format(Locale.ROOT, "ours: CatalogSync, in-memory ledger, SyncRequest.full(), default "
                    + "SyncOptions%s; meta: createItemsBatch, %d requests a call, then check_batch_request_status "
                    + "every %s until finished; re-sync resends everything%n", config.oursFastCallsPerMinute() > 0
                    ? String.format(Locale.ROOT, " (in the fast scenario told the sandbox's budget: "
                            + "batchCallsPerMinute(%d), nothing else changed)", config.oursFastCallsPerMinute())
                    : " untouched (batchCallsPerMinute 8, Meta's floor, also in the fast scenario)",
                    config.metaChunk(), human(config.metaPoll())));
            if (!rounds.isEmpty()) {
                s.append(String.format(Locale.ROOT, "%nscenario fast: sandbox batch limit off (1,000,000 calls/min), "
                        + "batches processed during the call, real time%n"));
                s.append(fastItems.describe()).append('\n');
                for (Round r : rounds) {
                    s.append(String.format(Locale.ROOT, "round %d (%s first)%n", r.number(),
                            r.runs().get(0).client()));
                    r.runs().forEach(run -> s.append(line(run)).append('\n'));
                }
                s.append(String.format(Locale.ROOT, "medians over %d round(s)%n", rounds.size()));
                appendMedians(s, "full");
                appendMedians(s, "resync");
                s.append(String.format(Locale.ROOT, "  goals: full sync ours/meta <= 0.80 with no more batch calls;"
                        + " re-sync meta/ours >= 10x%n"));
                s.append(String.format(Locale.ROOT, "  every catalog complete (all valid items, changed ones up to "
                        + "date): %s%n", fastComplete() ? "yes" : "NO"));
            }
            if (!floor.isEmpty()) {
                s.append(String.format(Locale.ROOT, "%nscenario floor: sandbox at Meta's floor (8 batch calls per "
                        + "catalog per minute), %s processing delay per batch, virtual time shared by client and "
                        + "sandbox; the re-sync starts %s after the full sync%n", human(config.floorDelay()),
                        human(config.floorGap())));
                s.append(floorItems.describe()).append('\n');
                floor.forEach(run -> s.append(line(run)).append('\n'));
                for (Run run : floor) {
                    s.append(String.format(Locale.ROOT, "  %s %s: %s%n", run.client(), run.phase(), verdict(run)));
                }
            }
            return s.toString();
        }

        private void appendMedians(StringBuilder s, String phase) {
            double ours = median("ours", phase, Run::wallMillis);
            double meta = median("meta", phase, Run::wallMillis);
            double oursCpu = median("ours", phase, Run::cpuMillis);
            double metaCpu = median("meta", phase, Run::cpuMillis);
            s.append(String.format(Locale.ROOT, "  %-6s wall ours %.2f s, meta %.2f s, ratio ours/meta %.2f "
                    + "(meta/ours %.1fx); cpu ours %.2f s, meta %.2f s, ratio ours/meta %.2f; items_batch calls ours "
                    + "%.0f (+%.0f localized), meta %.0f; status polls ours %.0f, meta %.0f%n", phase,
                    ours / 1000, meta / 1000, ours / Math.max(1, meta), meta / Math.max(1, ours), oursCpu / 1000,
                    metaCpu / 1000, oursCpu / Math.max(1, metaCpu), median("ours", phase, Run::itemsBatch),
                    median("ours", phase, Run::localizedBatch), median("meta", phase, Run::itemsBatch),
                    median("ours", phase, Run::statusPolls), median("meta", phase, Run::statusPolls)));
        }
    }

    /** The generated catalog of a scenario: how many products, items, valid items and changed items. */
    record Items(long products, long items, long valid, Map<String, String> changedPrices) {
        String describe() {
            return String.format(Locale.ROOT, "catalog: %d products (seed %d, %.0f %% invalid) -> %d items, %d valid "
                    + "(sent by both clients); re-sync: %d items changed (1 %% of products)", products,
                    SyncBenchmark.SEED, SyncBenchmark.INVALID * 100, items, valid, changedPrices.size());
        }
    }

    public static void main(String[] args) throws Exception {
        Config d = Config.defaults();
        long products = d.products();
        int rounds = d.rounds();
        Long floorProducts = null;
        Duration floorDelay = d.floorDelay();
        int chunk = d.metaChunk();
        Duration poll = d.metaPoll();
        int oursBudget = d.oursFastCallsPerMinute();
        Duration gap = d.floorGap();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--products": products = Long.parseLong(args[++i]); break;
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--floor-products": floorProducts = Long.parseLong(args[++i]); break;
                case "--floor-delay": floorDelay = duration(args[++i]); break;
                case "--meta-chunk": chunk = Integer.parseInt(args[++i]); break;
                case "--meta-poll": poll = duration(args[++i]); break;
                case "--ours-calls-per-minute": oursBudget = Integer.parseInt(args[++i]); break;
                case "--floor-gap": gap = duration(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + "; options: --products N "
                        + "--rounds R --floor-products N --floor-delay D --meta-chunk N --meta-poll D "
                        + "--ours-calls-per-minute N --floor-gap D");
            }
        }
        Config config = new Config(products, rounds, floorProducts == null ? products : floorProducts, floorDelay,
                chunk, poll, oursBudget, gap);
        Result result = run(config, log::info);
        log.info("\n{}", result.format());
        // Meta's SDK keeps OkHttp's non-daemon threads alive for a minute after the last call
        System.exit(0);
    }

    /**
     * Runs the comparison.
     *
     * @param config what to run
     * @param progress receives one line per run as it finishes
     * @return the figures
     */
    static Result run(Config config, java.util.function.Consumer<String> progress) throws Exception {
        List<Round> rounds = new ArrayList<>();
        Items fastItems = null;
        if (config.rounds() > 0 && config.products() > 0) {
            fastItems = items(config.products());
            try (GraphSandbox sandbox = GraphSandbox.builder().batchCallsPerMinute(FAST_BUDGET)
                    .batchProcessingDelay(Duration.ZERO).build().start()) {
                for (int k = 1; k <= config.rounds(); k++) {
                    int round = k;
                    boolean oursFirst = round % 2 == 1;
                    List<Run> runs = new ArrayList<>();
                    for (String client : oursFirst ? List.of("ours", "meta") : List.of("meta", "ours")) {
                        Env env = Env.real(sandbox, "round " + round + " " + client);
                        List<Run> two = client.equals("ours") ? ours(env, fastItems, config.oursOptions(true),
                                Duration.ZERO) : meta(env, fastItems, config, Duration.ZERO);
                        two.forEach(r -> progress.accept("round " + round + ": " + line(r)));
                        runs.addAll(two);
                    }
                    rounds.add(new Round(round, runs));
                }
            }
        }
        List<Run> floor = new ArrayList<>();
        Items floorItems = null;
        if (config.floorProducts() > 0) {
            floorItems = config.floorProducts() == config.products() && fastItems != null ? fastItems
                    : items(config.floorProducts());
            // the sandbox's own clock stands still: only the clients' virtual sleeps move it
            Instant epoch = Instant.now();
            try (GraphSandbox sandbox = GraphSandbox.builder().batchCallsPerMinute(8)
                    .batchProcessingDelay(config.floorDelay()).clock(Clock.fixed(epoch, java.time.ZoneOffset.UTC))
                    .build().start()) {
                for (String client : List.of("ours", "meta")) {
                    Env env = Env.virtual(sandbox, "floor " + client, epoch);
                    List<Run> two = client.equals("ours")
                            ? ours(env, floorItems, config.oursOptions(false), config.floorGap())
                            : meta(env, floorItems, config, config.floorGap());
                    two.forEach(r -> progress.accept("floor: " + line(r)));
                    floor.addAll(two);
                }
            }
        }
        return new Result(config, fastItems, rounds, floorItems, floor);
    }

    /** One run's surroundings: a reset sandbox, a fresh catalog, a token, and real or virtual time. */
    private static final class Env {
        final GraphSandbox sandbox;
        final String token;
        final String catalogId;
        final Clock clock;
        final Sleeper sleeper;
        final VirtualTime time;

        private Env(GraphSandbox sandbox, String catalogName, VirtualTime time) {
            this.sandbox = sandbox;
            sandbox.reset();
            this.token = sandbox.mintUserToken();
            this.time = time;
            this.clock = time == null ? Clock.systemUTC() : time.clock();
            this.sleeper = time == null ? Sleeper.system() : time.sleeper();
            this.catalogId = graph(c -> { }).createCatalog(GraphSandbox.BUSINESS_ID, catalogName).id();
        }

        static Env real(GraphSandbox sandbox, String name) {
            return new Env(sandbox, name, null);
        }

        /** Virtual time from the sandbox's (fixed) start; reset() puts the sandbox's clock back there. */
        static Env virtual(GraphSandbox sandbox, String name, Instant sandboxStart) {
            return new Env(sandbox, name, VirtualTime.startingAt(sandboxStart).onAdvance(sandbox::advanceClock));
        }

        GraphClient graph(io.github.metacommerce.graph.GraphCallListener listener) {
            return MetaCommerceClient.builder().appId(sandbox.appId()).appSecret(sandbox.appSecret())
                    .graphBaseUrl(sandbox.baseUrl()).clock(clock).sleeper(sleeper).callListener(listener).build()
                    .graph(token);
        }

        Instant now() {
            return time == null ? Instant.now() : time.now();
        }
    }

    /** Counters read before and after a run. */
    private record Mark(long nanos, Instant time, long cpu, long sandboxCpu, long itemsBatch, long localized,
            long status) {
        static Mark take(Env env) {
            return new Mark(System.nanoTime(), env.now(), processCpuNanos(), sandboxCpuNanos(),
                    env.sandbox.callCount(ITEMS_BATCH), env.sandbox.callCount(LOCALIZED_BATCH),
                    env.sandbox.callCount(STATUS));
        }
    }

    private static Run finish(String client, String phase, Env env, Mark start, long throttles, long otherErrors,
            long sent, long confirmed, Items items, boolean resync, Duration rateLimitWait) {
        Mark end = Mark.take(env);
        long inCatalog = env.sandbox.itemCount(env.catalogId);
        long stale = resync ? staleChanged(env, items) : 0;
        return new Run(client, phase, (end.nanos() - start.nanos()) / 1_000_000,
                (end.cpu() - start.cpu()) / 1_000_000, (end.sandboxCpu() - start.sandboxCpu()) / 1_000_000,
                end.itemsBatch() - start.itemsBatch(), end.localized() - start.localized(),
                end.status() - start.status(), throttles, otherErrors, sent, confirmed, inCatalog, items.valid(),
                stale, resync ? items.changedPrices().size() : 0,
                env.time != null, env.time == null ? Duration.ZERO : Duration.between(start.time(), end.time()),
                rateLimitWait);
    }

    // ---------------------------------------------------------------- ours

    /** CatalogSync as a new user writes it: default options, in-memory ledger, full sync, then the same again. */
    private static List<Run> ours(Env env, Items items, SyncOptions options, Duration gap) {
        AtomicLong throttles = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        GraphClient graph = env.graph(call -> {
            if (call.failure().filter(f -> f == ErrorCategory.RATE_LIMIT).isPresent()) {
                throttles.incrementAndGet();
            } else if (call.failure().isPresent()) {
                errors.incrementAndGet();
            }
        });
        CatalogSync.Builder b = CatalogSync.builder().graph(graph).catalogId(env.catalogId)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(SyncStateStore.inMemory()).options(options);
        if (env.time != null) {
            b.clock(env.clock).sleeper(env.sleeper);
        }
        CatalogSync sync = b.build();
        List<Run> runs = new ArrayList<>();
        for (String phase : List.of("full", "resync")) {
            boolean resync = phase.equals("resync");
            if (resync && env.time != null && !gap.isZero()) {
                env.time.advance(gap);
            }
            gc();
            long t0 = throttles.get();
            long e0 = errors.get();
            Mark start = Mark.take(env);
            SyncReport report = sync.sync(SyncBenchmark.products(items.products(), resync ? 1 : 0),
                    SyncRequest.full());
            long sent = report.counts().created() + report.counts().updated();
            long confirmed = report.counts().created() + report.counts().updated() + report.counts().unchanged();
            runs.add(finish("ours", phase, env, start, throttles.get() - t0, errors.get() - e0, sent, confirmed,
                    items, resync, report.rateLimitWait()));
        }
        return runs;
    }

    // ---------------------------------------------------------------- Meta's SDK

    /**
     * Meta's SDK the simple way: build every request by hand, send them 3,000 a call with createItemsBatch, then
     * poll each handle until it is finished. No pacing, no retry, no delta: a re-sync sends everything again.
     */
    private static List<Run> meta(Env env, Items items, Config config, Duration gap) throws Exception {
        APIContext context = new APIContext(env.sandbox.baseUrl(), env.sandbox.baseUrl(), "v24.0", env.token,
                env.sandbox.appSecret(), env.sandbox.appId(), false);
        ProductCatalog catalog = new ProductCatalog(env.catalogId, context);
        ProductTransformer transformer = ProductTransformer.of(SETTINGS);
        ProductValidator validator = ProductValidator.of(SETTINGS);
        List<Run> runs = new ArrayList<>();
        for (String phase : List.of("full", "resync")) {
            boolean resync = phase.equals("resync");
            if (resync && env.time != null && !gap.isZero()) {
                env.time.advance(gap);
            }
            gc();
            Mark start = Mark.take(env);
            MetaOutcome out = new MetaOutcome();
            List<Map<String, Object>> chunk = new ArrayList<>(config.metaChunk());
            Iterator<Product> it = SyncBenchmark.products(items.products(), resync ? 1 : 0).iterator();
            while (it.hasNext()) {
                for (TransformedItem t : transformer.transform(it.next())) {
                    if (t.action() != ItemAction.UPSERT || t.item().isEmpty() || !validator.validate(t).isValid()) {
                        continue;
                    }
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("method", "UPDATE");
                    request.put("data", t.item().get().toData());
                    chunk.add(request);
                    if (chunk.size() == config.metaChunk()) {
                        send(catalog, chunk, out);
                        chunk = new ArrayList<>(config.metaChunk());
                    }
                }
            }
            if (!chunk.isEmpty()) {
                send(catalog, chunk, out);
            }
            for (Map.Entry<String, Integer> h : out.handles.entrySet()) {
                poll(catalog, h.getKey(), h.getValue(), env.sleeper, config.metaPoll(), out);
            }
            runs.add(finish("meta", phase, env, start, out.throttles, out.errors, out.sent, out.confirmed, items,
                    resync, Duration.ZERO));
        }
        return runs;
    }

    /** What the hand-written loop around Meta's SDK saw. */
    private static final class MetaOutcome {
        final Map<String, Integer> handles = new LinkedHashMap<>();
        long throttles;
        long errors;
        long sent;
        long confirmed;
    }

    private static void send(ProductCatalog catalog, List<Map<String, Object>> chunk, MetaOutcome out)
            throws JsonProcessingException, InterruptedException {
        String requests = JSON.writeValueAsString(chunk);
        JsonObject answer;
        try {
            // execute() would cast the connection to HttpsURLConnection; the async executor takes http://
            answer = catalog.createItemsBatch().setItemType("PRODUCT_ITEM").setRequests(requests).executeAsync().get()
                    .getRawResponseAsJsonObject();
        } catch (ExecutionException | com.facebook.ads.sdk.APIException e) {
            countError(String.valueOf(e.getMessage()), out);
            return;
        }
        JsonElement handles = answer == null ? null : answer.get("handles");
        if (handles == null || !handles.isJsonArray() || handles.getAsJsonArray().isEmpty()) {
            countError(String.valueOf(answer), out);
            return;
        }
        out.sent += chunk.size();
        out.handles.put(handles.getAsJsonArray().get(0).getAsString(), chunk.size());
    }

    private static void countError(String answer, MetaOutcome out) {
        if (answer.contains("\"code\":" + META_THROTTLE_CODE) || answer.contains("(#" + META_THROTTLE_CODE + ")")) {
            out.throttles++;
        } else {
            out.errors++;
        }
    }

    private static void poll(ProductCatalog catalog, String handle, int requests, Sleeper sleeper, Duration every,
            MetaOutcome out) throws InterruptedException {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            CheckBatchRequestStatus status;
            try {
                APINodeList<CheckBatchRequestStatus> list = catalog.getCheckBatchRequestStatus().setHandle(handle)
                        .executeAsync().get();
                status = list.isEmpty() ? null : list.get(0);
            } catch (ExecutionException | com.facebook.ads.sdk.APIException e) {
                countError(String.valueOf(e.getMessage()), out);
                return;
            }
            if (status != null && "finished".equals(status.getFieldStatus())) {
                long errors = status.getFieldErrorsTotalCount() == null ? 0 : status.getFieldErrorsTotalCount();
                out.confirmed += Math.max(0, requests - errors);
                return;
            }
            sleeper.sleep(every);
        }
    }

    // ---------------------------------------------------------------- the catalog both must reach

    /** Generates the products once, untimed: how many items, how many valid, and the changed items' new prices. */
    static Items items(long n) {
        ProductTransformer transformer = ProductTransformer.of(SETTINGS);
        ProductValidator validator = ProductValidator.of(SETTINGS);
        long items = 0;
        long valid = 0;
        Map<String, String> changed = new HashMap<>();
        Iterator<Product> before = SyncBenchmark.products(n, 0).iterator();
        Iterator<Product> after = SyncBenchmark.products(n, 1).iterator();
        while (before.hasNext()) {
            List<TransformedItem> a = transformer.transform(before.next());
            List<TransformedItem> b = transformer.transform(after.next());
            for (int k = 0; k < a.size(); k++) {
                TransformedItem t = a.get(k);
                items++;
                if (t.action() != ItemAction.UPSERT || t.item().isEmpty() || !validator.validate(t).isValid()) {
                    continue;
                }
                valid++;
                Map<String, Object> oldData = t.item().get().toData();
                Map<String, Object> newData = b.get(k).item().map(CatalogItem::toData).orElse(Map.of());
                if (!oldData.equals(newData) && b.get(k).item().isPresent() && validator.validate(b.get(k)).isValid()) {
                    changed.put(t.retailerId(), String.valueOf(newData.get("price")));
                }
            }
        }
        return new Items(n, items, valid, Map.copyOf(changed));
    }

    /** Changed items whose price in the catalog is not the new one (read back through the sandbox's Graph API). */
    private static long staleChanged(Env env, Items items) {
        GraphClient graph = env.graph(c -> { });
        List<String> ids = new ArrayList<>(items.changedPrices().keySet());
        long upToDate = 0;
        for (int from = 0; from < ids.size(); from += 100) {
            String[] part = ids.subList(from, Math.min(ids.size(), from + 100)).toArray(String[]::new);
            for (CatalogItemSnapshot s : graph.products(env.catalogId, ProductQuery.builder()
                    .fields("retailer_id", "price").retailerIds(part).pageSize(100).build())) {
                if (Objects.equals(s.price().orElse(null), items.changedPrices().get(s.retailerId()))) {
                    upToDate++;
                }
            }
        }
        return ids.size() - upToDate;
    }

    // ---------------------------------------------------------------- measuring and printing

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** CPU time of the sandbox's server and batch threads (they live as long as the sandbox). */
    private static long sandboxCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("graph-sandbox")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    private static void gc() {
        System.gc();
    }

    static String line(Run r) {
        String time = !r.virtual() ? String.format(Locale.ROOT, "wall %7.2f s", r.wallMillis() / 1000.0)
                : String.format(Locale.ROOT, "virtual %s (wall %.2f s)", human(r.virtualTime()),
                        r.wallMillis() / 1000.0);
        return String.format(Locale.ROOT, "  %-4s %-6s %s  cpu %.2f s (sandbox threads %.2f s)  items_batch %d  "
                + "localized %d  status polls %d  throttle errors %d  other errors %d  requests sent %d  confirmed %d  "
                + "catalog %d/%d  missing %d  stale %d/%d  own rate-limit wait %s", r.client(), r.phase(), time, r.cpuMillis() / 1000.0,
                r.sandboxCpuMillis() / 1000.0, r.itemsBatch(), r.localizedBatch(), r.statusPolls(),
                r.throttleErrors(), r.otherErrors(), r.requestsSent(), r.confirmed(), r.itemsInCatalog(),
                r.expectedItems(), r.missing(), r.staleChanged(), r.changedItems(),
                r.client().equals("ours") ? human(r.rateLimitWait()) : "none (no pacing)");
    }

    private static String verdict(Run r) {
        if (r.throttleErrors() == 0 && r.complete() && r.confirmed() >= r.expectedItems()) {
            return "0 throttle errors, every item confirmed and in the catalog";
        }
        return String.format(Locale.ROOT, "%d throttle errors; %d of %d valid items confirmed (%d not confirmed); "
                + "%d missing from the catalog; %d of %d changed items stale", r.throttleErrors(), r.confirmed(),
                r.expectedItems(), Math.max(0, r.expectedItems() - r.confirmed()), r.missing(), r.staleChanged(),
                r.changedItems());
    }

    private static String metaSdkVersion() {
        Package p = APIContext.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "24.0.1";
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    static Duration duration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        throw new IllegalArgumentException("not a duration: " + s + " (use 500ms, 20s, 2m or PT20S)");
    }
}
