package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.connection.TokenCipher;
import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.settings.SettingsRow;
import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.spring.CatalogSyncFactory;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Executes one queued sync run (the body of the db-scheduler task): reads the store's connection, settings and
 * products, runs the SDK's {@link CatalogSync} with progress and cancel wired to the run's row, and hands the
 * report to {@link RunRecorder}. Idempotent: a run that already ended is left alone, and a run started again after
 * its instance died resumes from the ledger, which holds only what Meta confirmed.
 */
@Component
class SyncRunner implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncRuns runs;
    private final RunRecorder recorder;
    private final Products products;
    private final MetaConnections connections;
    private final TokenCipher cipher;
    private final StoreSettingsTable settings;
    private final CatalogSyncFactory syncs;
    private final SyncStateStore ledger;
    private final Clock clock;
    private final Duration tick;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-progress");
        t.setDaemon(true);
        return t;
    });

    SyncRunner(SyncRuns runs, RunRecorder recorder, Products products, MetaConnections connections,
            TokenCipher cipher, StoreSettingsTable settings, CatalogSyncFactory syncs, SyncStateStore ledger,
            Clock clock, @Value("${admin.sync.progress-interval:1s}") Duration tick) {
        this.runs = runs;
        this.recorder = recorder;
        this.products = products;
        this.connections = connections;
        this.cipher = cipher;
        this.settings = settings;
        this.syncs = syncs;
        this.ledger = ledger;
        this.clock = clock;
        this.tick = tick;
    }

    /**
     * Runs a queued run to its end.
     *
     * @param jobId the run
     */
    void run(String jobId) {
        Optional<SyncJob> found = runs.get(jobId);
        if (found.isEmpty() || !found.get().active()) {
            log.debug("Sync run {} has nothing left to do", jobId);
            return;
        }
        SyncJob job = found.get();
        if (!runs.start(jobId)) {
            return;
        }
        MDC.put("storeId", Long.toString(job.storeId()));
        MDC.put("catalogId", job.catalogId());
        MDC.put("jobId", jobId);
        try {
            if (job.attempts() > 0) {
                log.info("Sync run {} resumes (attempt {}): its instance stopped before it ended", jobId,
                        job.attempts() + 1);
            }
            connections.syncStatus(job.storeId(), "running");
            execute(job);
        } catch (RuntimeException e) {
            log.error("Sync run {} failed unexpectedly", jobId, e);
            recorder.failed(job, "unknown_error", "The run failed on the server (" + e.getClass().getSimpleName()
                    + "); nothing Meta confirmed is lost. Start it again.");
        } finally {
            MDC.remove("storeId");
            MDC.remove("catalogId");
            MDC.remove("jobId");
        }
    }

    private void execute(SyncJob job) {
        Optional<MetaConnection> connection = connections.find(job.storeId());
        if (connection.isEmpty()) {
            recorder.failed(job, "authentication_error", "The store was disconnected from Meta before the run "
                    + "started.");
            return;
        }
        MetaConnection c = connection.get();
        if (!c.usable()) {
            recorder.failed(job, "authentication_error", "Meta no longer accepts this store's connection ("
                    + c.statusReason().orElse("token expired or revoked") + "). Reconnect with Facebook.");
            return;
        }
        if (!c.catalogId().equals(Optional.of(job.catalogId()))) {
            recorder.failed(job, "catalog_error", "The store selected another catalog after this run was queued; "
                    + "start a new run.");
            return;
        }
        SettingsRow s = settings.find(job.storeId());
        if (s.storeUrl().isEmpty()) {
            recorder.failed(job, "unknown_error", "The store domain was removed from Settings after this run was "
                    + "queued; every product's link is built from it. Set it and sync again.");
            return;
        }
        long total = products.count(job.storeId(), job.productIds());
        runs.total(job.id(), total);
        Instant started = clock.instant();
        try (RunControl control = new RunControl(job.id(), runs, clock, total).start(ticker, tick)) {
            CatalogSync sync = syncs.create(cipher.decrypt(c.encryptedToken(), job.storeId()), job.catalogId(),
                    storeSettings(s), ledger);
            SyncRequest request = SyncRequest.builder()
                    .storeId(Long.toString(job.storeId()))
                    .mode(SyncMode.valueOf(job.mode()))
                    .productIds(job.productIds())
                    .dryRun(job.dryRun())
                    .listener(control)
                    .cancellation(control.cancellation())
                    .expectedTotal(total)
                    .build();
            Stream<Product> stream = products.stream(job.storeId(), job.productIds());
            if (!s.languages().isEmpty()) {
                List<Locale> languages = s.languages().stream().map(Locale::forLanguageTag).toList();
                stream = stream.map(p -> onlyLanguages(p, languages));
            }
            SyncReport report = sync.sync(stream, request);
            recorder.finished(job, report, started, control.lastWaitingUntil());
        }
    }

    static StoreSettings storeSettings(SettingsRow s) {
        StoreSettings.Builder b = StoreSettings.builder().currency(s.currency())
                .outOfStockPolicy(s.outOfStockPolicy());
        s.storeUrl().ifPresent(b::storeUrl);
        s.defaultBrand().ifPresent(b::defaultBrand);
        return b.build();
    }

    /** The product with only the translations in the store's languages (a tag such as {@code fr} takes fr-CA too). */
    static Product onlyLanguages(Product p, List<Locale> languages) {
        Map<Locale, ProductTranslation> kept = new LinkedHashMap<>();
        p.translations().forEach((locale, t) -> {
            if (languages.stream().anyMatch(l -> l.equals(locale)
                    || (l.getCountry().isEmpty() && l.getLanguage().equals(locale.getLanguage())))) {
                kept.put(locale, t);
            }
        });
        Product.Builder b = p.toBuilder().translations(kept);
        if (p.hasVariants()) {
            b.variants(p.variants().stream().map(v -> onlyLanguages(v, languages)).toList());
        }
        return b.build();
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
