package io.github.metacommerce.quickstart;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncCounts;
import io.github.metacommerce.sync.SyncIssue;
import io.github.metacommerce.sync.SyncIssueGroup;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncProgress;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// The README's "Syncing a catalog" example is this class, between the markers; ReadmeSyncExampleTest keeps the
// two identical and runs it.
// tag::sync[]
public final class SyncCatalog {
    private static final Logger log = LoggerFactory.getLogger(SyncCatalog.class);
    private final CatalogSync sync;
    private final AtomicReference<SyncProgress> latest = new AtomicReference<>();

    public SyncCatalog(MetaCommerceClient client, String token, String catalogId, StoreSettings settings,
            SyncStateStore ledger) {
        sync = CatalogSync.builder()                // keep one per catalog: its runs share the rate limit
                .graph(client.graph(token))
                .catalogId(catalogId)
                .transformer(ProductTransformer.of(settings))
                .stateStore(ledger)                 // remembers what Meta accepted: the next run sends only changes
                .options(SyncOptions.builder().batchCallsPerMinute(8).build())
                .build();                           // waits for rate limits and batch status in real time
    }

    public SyncReport syncAll(Stream<Product> storeProducts) {
        SyncReport report = sync.sync(storeProducts, SyncRequest.builder()
                .mode(SyncMode.FULL)                // also deletes what the store no longer has
                .listener(latest::set)              // progress: stage, done, total, waiting until
                .build());

        SyncCounts counts = report.counts();        // created, updated, unchanged, deleted, failed, translations...
        log.info("{} synced, {} unchanged, {} failed", counts.synced(), counts.unchanged(), counts.failed());
        for (SyncIssue error : report.errors()) {   // per item: retailer id, category, field, message, source
            log.warn("{} not synced: {} ({})", error.retailerId(), error.message(), error.field());
        }
        for (SyncIssueGroup warning : report.warningSummary()) { // one line per kind of warning, with a count
            log.info("{}", warning.describe());
        }
        return report;
    }

    /** The last progress event, for a progress bar. */
    public Optional<SyncProgress> progress() {
        return Optional.ofNullable(latest.get());
    }
}
// end::sync[]
