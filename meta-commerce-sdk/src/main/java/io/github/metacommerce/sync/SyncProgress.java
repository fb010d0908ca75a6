package io.github.metacommerce.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A progress event, made by the sync for a {@link SyncListener}; the builder is for tests. */
public final class SyncProgress {
    private final String syncId;
    private final SyncStage stage;
    private final long done;
    private final Optional<Long> total;
    private final Optional<Instant> waitingUntil;
    private final long settled;

    private SyncProgress(Builder b) {
        this.syncId = Objects.requireNonNull(b.syncId, "syncId must not be null");
        this.stage = Objects.requireNonNull(b.stage, "stage must not be null");
        this.done = b.done;
        this.total = Objects.requireNonNull(b.total, "total must not be null");
        this.waitingUntil = Objects.requireNonNull(b.waitingUntil, "waitingUntil must not be null");
        if (b.settled < 0) {
            throw new IllegalArgumentException("settled must not be negative, was " + b.settled);
        }
        this.settled = b.settled;
    }

    /**
     * Starts a builder; sync id and stage are required, total and wait default to empty.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the sync's id.
     *
     * @return the value
     */
    public String syncId() {
        return syncId;
    }

    /**
     * Returns what the sync is doing.
     *
     * @return the value
     */
    public SyncStage stage() {
        return stage;
    }

    /**
     * Returns how many items were handled so far.
     *
     * @return the value
     */
    public long done() {
        return done;
    }

    /**
     * Returns how many items are expected, when known (after reading, or when the caller said).
     *
     * @return the value
     */
    public Optional<Long> total() {
        return total;
    }

    /**
     * Returns until when the sync waits for the rate limit, when it does.
     *
     * @return the value
     */
    public Optional<Instant> waitingUntil() {
        return waitingUntil;
    }

    /**
     * Returns how many of the items seen so far are settled: counted created, updated, unchanged, deleted, failed,
     * unconfirmed, not attempted or would send (see {@link SyncCounts}). With {@link #total()} after reading, it
     * tells how far the whole run is: an item sent but not yet confirmed by Meta is not settled.
     *
     * @return the value
     */
    public long settled() {
        return settled;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncProgress o)) {
            return false;
        }
        return syncId.equals(o.syncId)
                && stage.equals(o.stage)
                && done == o.done
                && total.equals(o.total)
                && waitingUntil.equals(o.waitingUntil)
                && settled == o.settled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(syncId, stage, done, total, waitingUntil, settled);
    }

    @Override
    public String toString() {
        return "SyncProgress[" + "syncId=" + syncId + ", stage=" + stage + ", done=" + done + ", total=" + total
                + ", waitingUntil=" + waitingUntil + ", settled=" + settled + "]";
    }

    /** Builds a {@link SyncProgress}. */
    public static final class Builder {
        private String syncId;
        private SyncStage stage;
        private long done;
        private Optional<Long> total = Optional.empty();
        private Optional<Instant> waitingUntil = Optional.empty();
        private long settled;

        private Builder() {
        }

        /**
         * Sets the sync's id.
         *
         * @param syncId the value
         * @return this builder
         */
        public Builder syncId(String syncId) {
            this.syncId = syncId;
            return this;
        }

        /**
         * Sets what the sync is doing.
         *
         * @param stage the value
         * @return this builder
         */
        public Builder stage(SyncStage stage) {
            this.stage = stage;
            return this;
        }

        /**
         * Sets how many items were handled so far.
         *
         * @param done the value
         * @return this builder
         */
        public Builder done(long done) {
            this.done = done;
            return this;
        }

        /**
         * Sets how many items are expected, when known (after reading, or when the caller said).
         *
         * @param total the value
         * @return this builder
         */
        public Builder total(Optional<Long> total) {
            this.total = total;
            return this;
        }

        /**
         * Sets until when the sync waits for the rate limit, when it does.
         *
         * @param waitingUntil the value
         * @return this builder
         */
        public Builder waitingUntil(Optional<Instant> waitingUntil) {
            this.waitingUntil = waitingUntil;
            return this;
        }

        /**
         * Sets how many of the items seen so far are settled.
         *
         * @param settled the value, 0 or more
         * @return this builder
         */
        public Builder settled(long settled) {
            this.settled = settled;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         */
        public SyncProgress build() {
            return new SyncProgress(this);
        }
    }
}
