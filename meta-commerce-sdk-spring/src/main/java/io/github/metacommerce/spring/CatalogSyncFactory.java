package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncStateStore;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Creates a {@link CatalogSync} per (merchant token, catalog) with the configured options. Syncs of one catalog
 * share one rate limiter and one run lock for the life of the application, however many {@code CatalogSync}
 * instances are created, so at most one call is in flight per catalog within this process.
 *
 * <pre>{@code
 * SyncReport report = factory.create(token, catalogId, storeSettings, ledger)
 *         .sync(products, SyncRequest.full());
 * }</pre>
 */
public final class CatalogSyncFactory {
    private final MetaCommerceClient client;
    private final SyncOptions options;
    private final ProductTransformerFactory transformers;
    private final ProductValidatorFactory validators;
    private final Consumer<SyncReport> reportListener;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.locks.Lock> locks = new ConcurrentHashMap<>();

    /**
     * Creates the factory.
     *
     * @param client the client
     * @param options the sync options
     * @param transformers creates transformers
     * @param validators creates validators
     * @param reportListener told about every finished sync
     */
    public CatalogSyncFactory(MetaCommerceClient client, SyncOptions options, ProductTransformerFactory transformers,
            ProductValidatorFactory validators, Consumer<SyncReport> reportListener) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.transformers = Objects.requireNonNull(transformers, "transformers");
        this.validators = Objects.requireNonNull(validators, "validators");
        this.reportListener = Objects.requireNonNull(reportListener, "reportListener");
    }

    /**
     * Creates a sync of one catalog with one merchant's token.
     *
     * @param accessToken the merchant's token
     * @param catalogId the catalog
     * @param settings the store's settings
     * @param ledger the sync ledger
     * @return the sync
     */
    public CatalogSync create(String accessToken, String catalogId, StoreSettings settings, SyncStateStore ledger) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        if (catalogId == null || catalogId.isBlank()) {
            throw new IllegalArgumentException("catalogId must not be null or blank");
        }
        RateLimiter limiter = limiters.computeIfAbsent(catalogId, id -> new AtomicRateLimiter("catalog-" + id,
                RateLimiterConfig.custom().limitForPeriod(options.batchCallsPerMinute())
                        .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(options.maxRateLimitWait())
                        .build()));
        return CatalogSync.builder()
                .graph(client.graph(accessToken))
                .catalogId(catalogId)
                .transformer(transformers.create(settings))
                .validator(validators.create(settings))
                .stateStore(ledger)
                .options(options)
                .clock(client.clock())
                .sleeper(client.sleeper())
                .rateLimiter(limiter)
                .runLock(locks.computeIfAbsent(catalogId, id -> new java.util.concurrent.locks.ReentrantLock(true)))
                .reportListener(reportListener)
                .build();
    }

    /**
     * Returns the options every sync gets.
     *
     * @return the options
     */
    public SyncOptions options() {
        return options;
    }
}
