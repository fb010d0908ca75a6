package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync did: counts, per-item errors and warnings, API calls, time spent waiting on rate limits, batch
 * handles, and how it ended.
 *
 * @param syncId the sync's id (also in the log's MDC as {@code syncId})
 * @param catalogId the catalog
 * @param mode FULL or INCREMENTAL
 * @param dryRun whether calls were skipped
 * @param outcome completed, cancelled or stopped
 * @param stopCategory when stopped: why (AUTH, PERMISSION, CATALOG, RATE_LIMIT)
 * @param stopReason when stopped: the error's message
 * @param counts the item counts
 * @param errors per-item errors (the item was not synced)
 * @param warnings per-item warnings (the item was synced)
 * @param notAttemptedProductIds product ids not attempted, up to the configured limit
 * @param apiCalls Graph calls made (attempts, including retries and status polls)
 * @param rateLimitWait time spent waiting for the rate limit
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param handles the batch handles Meta returned
 */
public record SyncReport(
        String syncId,
        String catalogId,
        SyncMode mode,
        boolean dryRun,
        SyncOutcome outcome,
        Optional<ErrorCategory> stopCategory,
        Optional<String> stopReason,
        SyncCounts counts,
        List<SyncIssue> errors,
        List<SyncIssue> warnings,
        List<String> notAttemptedProductIds,
        long apiCalls,
        Duration rateLimitWait,
        Instant startedAt,
        Instant finishedAt,
        List<String> handles) {

    /** Copies the lists. */
    public SyncReport {
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stopCategory, "stopCategory");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(counts, "counts");
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        notAttemptedProductIds = List.copyOf(notAttemptedProductIds);
        Objects.requireNonNull(rateLimitWait, "rateLimitWait");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        handles = List.copyOf(handles);
    }

    /**
     * Returns how long the sync took.
     *
     * @return the duration
     */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * Returns whether it completed with no item errors.
     *
     * @return {@code true} for a clean run
     */
    public boolean isClean() {
        return outcome == SyncOutcome.COMPLETED && errors.isEmpty();
    }
}
