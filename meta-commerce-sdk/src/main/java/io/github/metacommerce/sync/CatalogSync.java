package io.github.metacommerce.sync;

import io.github.metacommerce.Sleeper;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.internal.Args;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Syncs a store's products into one Meta catalog: counts unchanged the products whose fingerprint the ledger
 * recorded, transforms and validates the others, skips what Meta already has, packs the rest into items_batch calls
 * by count and size, paces the calls within the catalog's rate limit (and slows down as Meta's usage header nears
 * 100 %), retries transient failures, reads {@code validation_status}, polls {@code check_batch_request_status}
 * for each batch on its own schedule while the next batches go out, and records in the ledger what Meta accepted
 * as soon as Meta confirms it. Nothing is lost: every item ends synced, unchanged, deleted, failed (with a
 * category), unconfirmed (sent, fate not known: sent again next time) or not attempted.
 *
 * <pre>{@code
 * CatalogSync sync = CatalogSync.builder()
 *         .graph(client.graph(token))
 *         .catalogId(catalogId)
 *         .transformer(ProductTransformer.of(settings))
 *         .validator(ProductValidator.of(settings))
 *         .stateStore(ledger)
 *         .build();
 * SyncReport report = sync.sync(products.stream(), SyncRequest.full());
 * }</pre>
 *
 * <p>A {@code CatalogSync} is thread-safe and reusable; runs on one instance take turns (at most one call in flight
 * per catalog: a run makes its calls on one send thread of its own while its caller's thread plans the next batch
 * and polls), and they share its rate limiter, so keep one instance per catalog. Products are read from the
 * stream one by one and never held all at once. {@link #sync} throws only for bad arguments; every failure of the
 * sync itself is in the report.
 */
public final class CatalogSync {
    private final GraphClient graph;
    private final String catalogId;
    private final ProductTransformer transformer;
    private final ProductValidator validator;
    private final SyncStateStore stateStore;
    private final SyncOptions options;
    private final Clock clock;
    /** The sleeper a sync uses unless the builder is given another: real waits ({@link Sleeper#system()}). */
    static final Sleeper SYSTEM_SLEEPER = Sleeper.system();
    private final Sleeper sleeper;
    private final RateLimiter rateLimiter;
    private final java.util.function.Consumer<SyncReport> reportListener;
    private final java.util.concurrent.locks.Lock oneRunAtATime;
    private final int mappingVersion;
    /** How long Meta took for batches of the last run, for the first status poll of the next one. */
    private final java.util.concurrent.atomic.AtomicReference<Duration> learnedFirstPoll =
            new java.util.concurrent.atomic.AtomicReference<>();

    private CatalogSync(Builder b) {
        this.graph = b.graph;
        this.catalogId = b.catalogId;
        this.transformer = b.transformer;
        this.validator = b.validator != null ? b.validator : ProductValidator.of(b.transformer.settings());
        this.stateStore = b.stateStore;
        this.options = b.options;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : defaultRateLimiter(b.catalogId, b.options, b.clock);
        this.reportListener = b.reportListener;
        this.oneRunAtATime = b.runLock != null ? b.runLock : new ReentrantLock(true);
        this.mappingVersion = b.mappingVersion;
    }

    /**
     * A limiter of {@code batchCallsPerMinute} per rolling minute on the injected clock, so tests that advance the
     * clock in their sleeper never wait.
     */
    private static RateLimiter defaultRateLimiter(String catalogId, SyncOptions options, Clock clock) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(options.batchCallsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(options.maxRateLimitWait())
                .build();
        return new AtomicRateLimiter("catalog-" + catalogId, config, () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one sync. Blocks until it ends; call {@link SyncCancellation#cancel()} from another thread to stop it at
     * the next call boundary.
     *
     * @param products the store's products, read once, one at a time (the stream is closed at the end)
     * @param request mode, subset, dry run, listener, cancellation
     * @return the report
     * @throws IllegalArgumentException if an argument is null
     */
    public SyncReport sync(Stream<Product> products, SyncRequest request) {
        if (products == null) {
            throw new IllegalArgumentException("products must not be null; pass Stream.empty() for none");
        }
        if (request == null) {
            throw new IllegalArgumentException("request must not be null; use SyncRequest.incremental()");
        }
        SyncReport report;
        oneRunAtATime.lock();
        try {
            report = new SyncRun(this, request).execute(products);
        } finally {
            oneRunAtATime.unlock();
        }
        try {
            reportListener.accept(report);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CatalogSync.class).warn("Sync report listener threw {}; ignored",
                    e.getClass().getName());
        }
        return report;
    }

    GraphClient graph() {
        return graph;
    }

    /**
     * Returns the catalog this sync writes to.
     *
     * @return the catalog id
     */
    public String catalogId() {
        return catalogId;
    }

    ProductTransformer transformer() {
        return transformer;
    }

    /** The mapping version the product fingerprints are taken with ({@link Fingerprints#MAPPING_VERSION}). */
    int mappingVersion() {
        return mappingVersion;
    }

    /** The first-poll wait the last run ended with, if one ran. */
    java.util.Optional<Duration> learnedFirstPoll() {
        return java.util.Optional.ofNullable(learnedFirstPoll.get());
    }

    void learnedFirstPoll(Duration wait) {
        learnedFirstPoll.set(wait);
    }

    ProductValidator validator() {
        return validator;
    }

    SyncStateStore stateStore() {
        return stateStore;
    }

    /**
     * Returns the options.
     *
     * @return the options
     */
    public SyncOptions options() {
        return options;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String toString() {
        return "CatalogSync[catalogId=" + catalogId + ", options=" + options + "]";
    }

    /** Builds a {@link CatalogSync}; graph, catalog id, transformer and state store are required. */
    public static final class Builder {
        private GraphClient graph;
        private String catalogId;
        private ProductTransformer transformer;
        private ProductValidator validator;
        private SyncStateStore stateStore;
        private SyncOptions options = SyncOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = SYSTEM_SLEEPER;
        private RateLimiter rateLimiter;
        private java.util.function.Consumer<SyncReport> reportListener = r -> { };
        private java.util.concurrent.locks.Lock runLock;
        private int mappingVersion = Fingerprints.MAPPING_VERSION;

        private Builder() {
        }

        /**
         * Shares the lock that lets one run at a time touch the catalog, across several {@code CatalogSync}
         * instances of the same catalog (by default each instance has its own).
         *
         * @param lock the lock
         * @return this builder
         */
        public Builder runLock(java.util.concurrent.locks.Lock lock) {
            this.runLock = Objects.requireNonNull(lock, "runLock must not be null");
            return this;
        }

        /**
         * Sets a listener told about every finished run's report (for metrics or persistence). Exceptions it throws
         * are logged and ignored.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder reportListener(java.util.function.Consumer<SyncReport> listener) {
            this.reportListener = Objects.requireNonNull(listener, "reportListener must not be null");
            return this;
        }

        /**
         * Sets the Graph client bound to the merchant's token (required).
         *
         * @param graph from {@code MetaCommerceClient.graph(token)}
         * @return this builder
         */
        public Builder graph(GraphClient graph) {
            this.graph = Objects.requireNonNull(graph, "graph must not be null");
            return this;
        }

        /**
         * Sets the catalog to write to (required).
         *
         * @param catalogId the catalog id
         * @return this builder
         */
        public Builder catalogId(String catalogId) {
            this.catalogId = Args.requireId(catalogId, "catalogId");
            return this;
        }

        /**
         * Sets the transformer (required).
         *
         * @param transformer the store's transformer
         * @return this builder
         */
        public Builder transformer(ProductTransformer transformer) {
            this.transformer = Objects.requireNonNull(transformer, "transformer must not be null");
            return this;
        }

        /**
         * Sets the validator (default: one with the transformer's store limits).
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(ProductValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator must not be null");
            return this;
        }

        /**
         * Sets the sync ledger (required).
         *
         * @param stateStore the ledger
         * @return this builder
         */
        public Builder stateStore(SyncStateStore stateStore) {
            this.stateStore = Objects.requireNonNull(stateStore, "stateStore must not be null");
            return this;
        }

        /**
         * Sets the options (default {@link SyncOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(SyncOptions options) {
            this.options = Objects.requireNonNull(options, "options must not be null");
            return this;
        }

        /**
         * Sets the clock (default UTC system clock), used for pacing, timeouts and report times.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** For tests: the mapping version product fingerprints are taken with. */
        Builder mappingVersion(int version) {
            this.mappingVersion = version;
            return this;
        }

        /**
         * Sets how the sync waits (default {@link Sleeper#system()}, which really waits). Leave it unset in
         * production: a sleeper that returns at once turns pacing, throttle waits and status back-off off. Tests
         * pass {@code VirtualTime.sleeper()} together with its clock.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /**
         * Advanced: uses this resilience4j limiter for batch calls, e.g. one shared by several processes' logic.
         * By default each {@code CatalogSync} has its own limiter of {@link SyncOptions#batchCallsPerMinute()}.
         *
         * @param rateLimiter the limiter; its timeout should be at least one refresh period
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter must not be null");
            return this;
        }

        /**
         * Builds the sync.
         *
         * @return the sync
         * @throws IllegalStateException naming the missing option
         */
        public CatalogSync build() {
            if (graph == null) {
                throw new IllegalStateException("graph is required: call graph(client.graph(accessToken))");
            }
            if (catalogId == null) {
                throw new IllegalStateException("catalogId is required: call catalogId(...)");
            }
            if (transformer == null) {
                throw new IllegalStateException("transformer is required: call transformer(ProductTransformer.of("
                        + "settings))");
            }
            if (stateStore == null) {
                throw new IllegalStateException("stateStore is required: call stateStore(SyncStateStore.inMemory())"
                        + " or pass a persistent ledger");
            }
            return new CatalogSync(this);
        }
    }
}
