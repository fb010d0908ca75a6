package io.github.metacommerce.admin.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.sync.SyncMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues sync runs: a row in {@code sync_runs} that holds the catalog, and a db-scheduler one-time task that runs
 * it, written in one transaction. The task survives a restart and runs exactly once across the cluster; a second
 * request for a busy catalog gets the run that holds it.
 */
@Component
public class SyncQueue {
    /** The db-scheduler task that executes runs; its instance id is the job id. */
    static final String TASK = "sync-run";
    private static final Logger log = LoggerFactory.getLogger(SyncQueue.class);
    /** Above this many changed products a change-triggered run covers the whole store instead of a list. */
    static final int MAX_SUBSET = 10_000;

    private final SyncRuns runs;
    private final MetaConnections connections;
    private final StoreSettingsTable settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final Clock clock;

    SyncQueue(SyncRuns runs, MetaConnections connections, StoreSettingsTable settings,
            ObjectProvider<SchedulerClient> scheduler, TransactionTemplate tx, Clock clock) {
        this.runs = runs;
        this.connections = connections;
        this.settings = settings;
        this.scheduler = scheduler;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What to run.
     *
     * @param trigger {@code manual}, {@code scheduled}, {@code change} or {@code api}
     * @param mode FULL (also deletes what the store no longer has) or INCREMENTAL
     * @param productIds the products; empty for all
     * @param dryRun only count what would be sent
     * @param requestedBy the user who asked
     */
    public record Request(String trigger, SyncMode mode, List<String> productIds, boolean dryRun,
            Optional<Long> requestedBy) {
        /** Copies the list. */
        public Request {
            productIds = List.copyOf(productIds);
        }
    }

    /**
     * The answer to a request.
     *
     * @param job the queued run, or the one that already holds the catalog
     * @param created whether this request queued it
     */
    public record Enqueued(SyncJob job, boolean created) {
    }

    /**
     * Queues a run now.
     *
     * @param storeId the store
     * @param request what to run
     * @return the new run, or the store's run that already holds the catalog ({@code created == false})
     * @throws ApiException 400 when the store is not connected, must reconnect, has no catalog selected or no store
     *     domain (field {@code storeUrl}: product links are built from it); 409
     *     when another store's run holds the catalog
     */
    public Enqueued enqueue(long storeId, Request request) {
        return enqueueAt(storeId, request, clock.instant(), "Queued");
    }

    Enqueued enqueueAt(long storeId, Request request, Instant when, String message) {
        MetaConnection connection = connections.find(storeId).orElseThrow(() -> ApiException.precondition(
                "authentication_error", "not_connected",
                "This store is not connected to Meta yet: connect with Facebook first."));
        if (!connection.usable()) {
            throw ApiException.precondition("authentication_error", "reconnect_required",
                    "Meta no longer accepts this store's connection ("
                            + connection.statusReason().orElse("token expired or revoked")
                            + "). Reconnect with Facebook, then sync again.");
        }
        String catalogId = connection.catalogId().orElseThrow(() -> ApiException.precondition("catalog_error",
                "no_catalog_selected", "No catalog selected: choose the catalog to sync into first."));
        if (settings.find(storeId).storeUrl().isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown_error", "store_url_required",
                    Optional.of("storeUrl"), "Set the store domain in Settings first: every product's link is "
                            + "built from it.");
        }
        SyncRuns.NewRun run = new SyncRuns.NewRun(UUID.randomUUID().toString(), storeId, catalogId,
                request.trigger(), request.mode().name(), request.productIds(), request.dryRun(),
                request.requestedBy(), message);
        try {
            tx.executeWithoutResult(status -> {
                runs.insert(run);
                connections.syncStatus(storeId, "queued");
                scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, run.id()), when);
            });
        } catch (DuplicateKeyException busy) {
            Optional<SyncJob> holder = runs.activeOn(catalogId);
            if (holder.isPresent() && holder.get().storeId() == storeId) {
                return new Enqueued(holder.get(), false);
            }
            if (holder.isEmpty()) {
                // the holder ended between our insert and this read: try once more
                return enqueueAt(storeId, request, when, message);
            }
            throw new ApiException(HttpStatus.CONFLICT, "catalog_error", "catalog_busy", Optional.empty(),
                    "Another store is syncing into this catalog right now; try again when it has finished.");
        }
        log.info("Store {}: sync run {} queued ({} {}{}, trigger {})", storeId, run.id(), request.mode(),
                request.productIds().isEmpty() ? "all products" : request.productIds().size() + " products",
                request.dryRun() ? ", dry run" : "", request.trigger());
        return new Enqueued(runs.get(run.id()).orElseThrow(), true);
    }
}
