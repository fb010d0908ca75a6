package io.github.metacommerce.admin.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sync run as stored in {@code sync_runs}: what was asked, how far it got, and how it ended.
 *
 * @param id the job id (a UUID), also the db-scheduler task instance
 * @param storeId the store
 * @param catalogId the catalog it writes to
 * @param trigger {@code manual}, {@code scheduled}, {@code change} or {@code api}
 * @param mode {@code FULL} or {@code INCREMENTAL}
 * @param productIds the products it covers; empty for all
 * @param dryRun whether it only counts what it would send
 * @param status {@code queued}, {@code running}, {@code completed}, {@code partial}, {@code failed} or
 *     {@code cancelled}
 * @param stage the SDK's stage in lower case ({@code queued} before it starts)
 * @param percent 0 to 100
 * @param message a line for the merchant
 * @param counts the SDK's counts, by name
 * @param productsTotal how many products it covers, once known
 * @param apiCalls Graph calls made
 * @param rateLimitWaitMillis time spent waiting for Meta's rate limit
 * @param throttledUntil while waiting for the rate limit: until when
 * @param eta the estimated end
 * @param queuedAt when it was requested
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param errorCategory the contract's category of the failure that stopped it
 * @param errorMessage what stopped it
 * @param requestedBy the user who asked, empty for scheduled and change-triggered runs
 * @param cancelRequested whether cancel was asked for
 * @param attempts how many times an instance started it (more than 1 after a crash)
 */
public record SyncJob(
        String id,
        long storeId,
        String catalogId,
        String trigger,
        String mode,
        List<String> productIds,
        boolean dryRun,
        String status,
        String stage,
        int percent,
        Optional<String> message,
        Map<String, Long> counts,
        Optional<Long> productsTotal,
        long apiCalls,
        long rateLimitWaitMillis,
        Optional<Instant> throttledUntil,
        Optional<Instant> eta,
        Instant queuedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<String> errorCategory,
        Optional<String> errorMessage,
        Optional<Long> requestedBy,
        boolean cancelRequested,
        int attempts) {

    /** Statuses of a run that has not ended. */
    public static final List<String> ACTIVE = List.of("queued", "running");

    /** @return whether the run has not ended yet */
    public boolean active() {
        return ACTIVE.contains(status);
    }
}
