package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync did: counts, per-item errors and warnings, per-translation errors, API calls, time spent waiting on
 * rate limits, batch handles, and how it ended. Made by the sync; the builder is for tests and for stores that
 * read reports back.
 *
 * <p>{@link #warnings()} keeps every warning of every item; {@link #warningSummary()} groups the same warning
 * repeated over many items into one line with a count, as the sync's log does.
 */
public final class SyncReport {
    private final String syncId;
    private final String catalogId;
    private final SyncMode mode;
    private final boolean dryRun;
    private final SyncOutcome outcome;
    private final Optional<ErrorCategory> stopCategory;
    private final Optional<String> stopReason;
    private final SyncCounts counts;
    private final List<SyncIssue> errors;
    private final List<SyncIssue> warnings;
    private final List<SyncIssue> translationErrors;
    private final List<SyncIssue> unconfirmed;
    private final List<String> notAttemptedProductIds;
    private final long apiCalls;
    private final Duration rateLimitWait;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final List<String> handles;

    private SyncReport(Builder b) {
        this.syncId = Objects.requireNonNull(b.syncId, "syncId must not be null");
        this.catalogId = Objects.requireNonNull(b.catalogId, "catalogId must not be null");
        this.mode = Objects.requireNonNull(b.mode, "mode must not be null");
        this.dryRun = b.dryRun;
        this.outcome = Objects.requireNonNull(b.outcome, "outcome must not be null");
        this.stopCategory = Objects.requireNonNull(b.stopCategory, "stopCategory must not be null");
        this.stopReason = Objects.requireNonNull(b.stopReason, "stopReason must not be null");
        this.counts = Objects.requireNonNull(b.counts, "counts must not be null");
        this.errors = List.copyOf(Objects.requireNonNull(b.errors, "errors must not be null"));
        this.warnings = List.copyOf(Objects.requireNonNull(b.warnings, "warnings must not be null"));
        this.translationErrors = List.copyOf(Objects.requireNonNull(b.translationErrors,
                "translationErrors must not be null"));
        this.unconfirmed = List.copyOf(Objects.requireNonNull(b.unconfirmed, "unconfirmed must not be null"));
        this.notAttemptedProductIds = List.copyOf(Objects.requireNonNull(b.notAttemptedProductIds,
                "notAttemptedProductIds must not be null"));
        this.apiCalls = b.apiCalls;
        this.rateLimitWait = Objects.requireNonNull(b.rateLimitWait, "rateLimitWait must not be null");
        this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt must not be null");
        this.finishedAt = Objects.requireNonNull(b.finishedAt, "finishedAt must not be null");
        this.handles = List.copyOf(Objects.requireNonNull(b.handles, "handles must not be null"));
    }

    /**
     * Starts a builder; id, catalog, mode, outcome, counts and times are required, lists default to empty.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this report.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder()
                .syncId(syncId)
                .catalogId(catalogId)
                .mode(mode)
                .dryRun(dryRun)
                .outcome(outcome)
                .stopCategory(stopCategory.orElse(null))
                .stopReason(stopReason.orElse(null))
                .counts(counts)
                .errors(errors)
                .warnings(warnings)
                .translationErrors(translationErrors)
                .unconfirmed(unconfirmed)
                .notAttemptedProductIds(notAttemptedProductIds)
                .apiCalls(apiCalls)
                .rateLimitWait(rateLimitWait)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .handles(handles);
    }

    /**
     * Returns the sync's id (also in the log's MDC as {@code syncId}).
     *
     * @return the value
     */
    public String syncId() {
        return syncId;
    }

    /**
     * Returns the catalog.
     *
     * @return the value
     */
    public String catalogId() {
        return catalogId;
    }

    /**
     * Returns the mode, FULL or INCREMENTAL.
     *
     * @return the value
     */
    public SyncMode mode() {
        return mode;
    }

    /**
     * Returns whether calls were skipped.
     *
     * @return the value
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Returns how it ended: completed, cancelled or stopped.
     *
     * @return the value
     */
    public SyncOutcome outcome() {
        return outcome;
    }

    /**
     * Returns, when stopped, why (AUTH, PERMISSION, CATALOG, RATE_LIMIT).
     *
     * @return the value
     */
    public Optional<ErrorCategory> stopCategory() {
        return stopCategory;
    }

    /**
     * Returns, when stopped, the error's message.
     *
     * @return the value
     */
    public Optional<String> stopReason() {
        return stopReason;
    }

    /**
     * Returns the item and translation counts.
     *
     * @return the value
     */
    public SyncCounts counts() {
        return counts;
    }

    /**
     * Returns the per-item errors (the item was not synced).
     *
     * @return the value
     */
    public List<SyncIssue> errors() {
        return errors;
    }

    /**
     * Returns the per-item warnings (the item was synced), every one of them; see {@link #warningSummary()}.
     *
     * @return the value
     */
    public List<SyncIssue> warnings() {
        return warnings;
    }

    /**
     * Returns the per-translation errors (the item was synced, this language was not; it is sent again next
     * time).
     *
     * @return the value
     */
    public List<SyncIssue> translationErrors() {
        return translationErrors;
    }

    /**
     * Returns the items sent whose fate Meta did not confirm, one warning each (code {@code UNCONFIRMED}) saying
     * why; they are counted in {@link SyncCounts#unconfirmed()}, not failed, and sent again next time.
     *
     * @return the value
     */
    public List<SyncIssue> unconfirmed() {
        return unconfirmed;
    }

    /**
     * Returns the product ids not attempted, up to the configured limit.
     *
     * @return the value
     */
    public List<String> notAttemptedProductIds() {
        return notAttemptedProductIds;
    }

    /**
     * Returns the Graph calls made (attempts, including retries and status polls).
     *
     * @return the value
     */
    public long apiCalls() {
        return apiCalls;
    }

    /**
     * Returns the time spent waiting for the rate limit.
     *
     * @return the value
     */
    public Duration rateLimitWait() {
        return rateLimitWait;
    }

    /**
     * Returns when it started.
     *
     * @return the value
     */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Returns when it finished.
     *
     * @return the value
     */
    public Instant finishedAt() {
        return finishedAt;
    }

    /**
     * Returns the batch handles Meta returned.
     *
     * @return the value
     */
    public List<String> handles() {
        return handles;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncReport o)) {
            return false;
        }
        return syncId.equals(o.syncId)
                && catalogId.equals(o.catalogId)
                && mode.equals(o.mode)
                && dryRun == o.dryRun
                && outcome.equals(o.outcome)
                && stopCategory.equals(o.stopCategory)
                && stopReason.equals(o.stopReason)
                && counts.equals(o.counts)
                && errors.equals(o.errors)
                && warnings.equals(o.warnings)
                && translationErrors.equals(o.translationErrors)
                && unconfirmed.equals(o.unconfirmed)
                && notAttemptedProductIds.equals(o.notAttemptedProductIds)
                && apiCalls == o.apiCalls
                && rateLimitWait.equals(o.rateLimitWait)
                && startedAt.equals(o.startedAt)
                && finishedAt.equals(o.finishedAt)
                && handles.equals(o.handles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(syncId, catalogId, mode, dryRun, outcome, stopCategory, stopReason, counts, errors,
                warnings, translationErrors, unconfirmed, notAttemptedProductIds, apiCalls, rateLimitWait, startedAt, finishedAt,
                handles);
    }

    @Override
    public String toString() {
        return "SyncReport[" + "syncId=" + syncId + ", catalogId=" + catalogId + ", mode=" + mode + ", dryRun="
                + dryRun + ", outcome=" + outcome + ", stopCategory=" + stopCategory + ", stopReason=" + stopReason
                + ", counts=" + counts + ", errors=" + errors + ", warnings=" + warnings + ", translationErrors="
                + translationErrors + ", unconfirmed=" + unconfirmed + ", notAttemptedProductIds=" + notAttemptedProductIds + ", apiCalls=" + apiCalls
                + ", rateLimitWait=" + rateLimitWait + ", startedAt=" + startedAt + ", finishedAt=" + finishedAt
                + ", handles=" + handles + "]";
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
     * Returns whether it completed with no item error, no translation error and no unconfirmed item.
     *
     * @return {@code true} for a clean run
     */
    public boolean isClean() {
        return outcome == SyncOutcome.COMPLETED && errors.isEmpty() && translationErrors.isEmpty()
                && unconfirmed.isEmpty();
    }

    /**
     * Groups the warnings by source, code, field and message, most frequent first: one line per distinct warning
     * with how many items got it and a few of their retailer ids. {@link #warnings()} still lists each one.
     *
     * @return the groups (empty when there is no warning)
     */
    public List<SyncIssueGroup> warningSummary() {
        return SyncIssueGroup.group(warnings);
    }

    /** Builds a {@link SyncReport}. */
    public static final class Builder {
        private String syncId;
        private String catalogId;
        private SyncMode mode;
        private boolean dryRun;
        private SyncOutcome outcome;
        private Optional<ErrorCategory> stopCategory = Optional.empty();
        private Optional<String> stopReason = Optional.empty();
        private SyncCounts counts;
        private List<SyncIssue> errors = List.of();
        private List<SyncIssue> warnings = List.of();
        private List<SyncIssue> translationErrors = List.of();
        private List<SyncIssue> unconfirmed = List.of();
        private List<String> notAttemptedProductIds = List.of();
        private long apiCalls;
        private Duration rateLimitWait = Duration.ZERO;
        private Instant startedAt;
        private Instant finishedAt;
        private List<String> handles = List.of();

        private Builder() {
        }

        /**
         * Sets the sync's id (also in the log's MDC as {@code syncId}).
         *
         * @param syncId the value
         * @return this builder
         */
        public Builder syncId(String syncId) {
            this.syncId = syncId;
            return this;
        }

        /**
         * Sets the catalog.
         *
         * @param catalogId the value
         * @return this builder
         */
        public Builder catalogId(String catalogId) {
            this.catalogId = catalogId;
            return this;
        }

        /**
         * Sets FULL or INCREMENTAL.
         *
         * @param mode the value
         * @return this builder
         */
        public Builder mode(SyncMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Sets whether calls were skipped.
         *
         * @param dryRun the value
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Sets completed, cancelled or stopped.
         *
         * @param outcome the value
         * @return this builder
         */
        public Builder outcome(SyncOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * Sets when stopped: why (AUTH, PERMISSION, CATALOG, RATE_LIMIT).
         *
         * @param stopCategory the value, or null for none
         * @return this builder
         */
        public Builder stopCategory(ErrorCategory stopCategory) {
            this.stopCategory = Optional.ofNullable(stopCategory);
            return this;
        }

        /**
         * Sets when stopped: the error's message.
         *
         * @param stopReason the value, or null for none
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            this.stopReason = Optional.ofNullable(stopReason);
            return this;
        }

        /**
         * Sets the item and translation counts.
         *
         * @param counts the value
         * @return this builder
         */
        public Builder counts(SyncCounts counts) {
            this.counts = counts;
            return this;
        }

        /**
         * Sets the per-item errors (the item was not synced).
         *
         * @param errors the value
         * @return this builder
         */
        public Builder errors(List<SyncIssue> errors) {
            this.errors = errors;
            return this;
        }

        /**
         * Sets the per-item warnings (the item was synced), every one of them; see {@link #warningSummary()}.
         *
         * @param warnings the value
         * @return this builder
         */
        public Builder warnings(List<SyncIssue> warnings) {
            this.warnings = warnings;
            return this;
        }

        /**
         * Sets the per-translation errors (the item was synced, this language was not; it is sent again next time).
         *
         * @param translationErrors the value
         * @return this builder
         */
        public Builder translationErrors(List<SyncIssue> translationErrors) {
            this.translationErrors = translationErrors;
            return this;
        }

        /**
         * Sets the items sent whose fate Meta did not confirm.
         *
         * @param unconfirmed the value
         * @return this builder
         */
        public Builder unconfirmed(List<SyncIssue> unconfirmed) {
            this.unconfirmed = unconfirmed;
            return this;
        }

        /**
         * Sets the product ids not attempted, up to the configured limit.
         *
         * @param notAttemptedProductIds the value
         * @return this builder
         */
        public Builder notAttemptedProductIds(List<String> notAttemptedProductIds) {
            this.notAttemptedProductIds = notAttemptedProductIds;
            return this;
        }

        /**
         * Sets the Graph calls made (attempts, including retries and status polls).
         *
         * @param apiCalls the value
         * @return this builder
         */
        public Builder apiCalls(long apiCalls) {
            this.apiCalls = apiCalls;
            return this;
        }

        /**
         * Sets the time spent waiting for the rate limit.
         *
         * @param rateLimitWait the value
         * @return this builder
         */
        public Builder rateLimitWait(Duration rateLimitWait) {
            this.rateLimitWait = rateLimitWait;
            return this;
        }

        /**
         * Sets when it started.
         *
         * @param startedAt the value
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets when it finished.
         *
         * @param finishedAt the value
         * @return this builder
         */
        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        /**
         * Sets the batch handles Meta returned.
         *
         * @param handles the value
         * @return this builder
         */
        public Builder handles(List<String> handles) {
            this.handles = handles;
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public SyncReport build() {
            return new SyncReport(this);
        }
    }
}
