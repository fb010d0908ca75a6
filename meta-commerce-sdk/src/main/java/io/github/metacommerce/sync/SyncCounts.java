package io.github.metacommerce.sync;

import java.util.Objects;

/**
 * The item and translation counts of a sync. Every item seen ends in exactly one of created, updated, unchanged,
 * deleted, failed, unconfirmed, not attempted, or (in a dry run) would send; every translation seen ends in exactly one of sent,
 * unchanged, failed, not attempted or would send; so {@link #isBalanced()} always holds.
 *
 * <p>A translation is one item's override for one language ({@code localized_items_batch}). It is sent only when
 * it changed since Meta last accepted it, or when its item is new to the ledger; a translation whose item failed is
 * not attempted and is sent with its item next time. A translation counts as sent only once the ledger has recorded
 * it: one Meta accepted but the ledger could not record (the ledger threw) is failed, with a
 * {@code TRANSLATION_UNCONFIRMED} translation error, and is sent again next time.
 *
 * <p>An item is <em>unconfirmed</em> when it was sent and Meta most likely has it, but its fate is not known: the
 * sync stopped or was cancelled before Meta's batch status came back, Meta did not finish the batch in time, or
 * Meta's answer could not be read. It is not failed (a merchant is never told a live product failed), it is not
 * recorded in the ledger either, so the next sync sends it again (an upsert per retailer id is safe to repeat).
 *
 * <p>Instances are immutable and made by the SDK; {@link #builder()} is for tests and for code that merges
 * reports.
 */
public final class SyncCounts {
    private final long productsSeen;
    private final long itemsSeen;
    private final long created;
    private final long updated;
    private final long unchanged;
    private final long deleted;
    private final long failed;
    private final long notAttempted;
    private final long unconfirmed;
    private final long wouldSend;
    private final long translationsSeen;
    private final long translationsSent;
    private final long translationsUnchanged;
    private final long translationsFailed;
    private final long translationsNotAttempted;
    private final long translationsWouldSend;

    private SyncCounts(Builder b) {
        this.productsSeen = b.productsSeen;
        this.itemsSeen = b.itemsSeen;
        this.created = b.created;
        this.updated = b.updated;
        this.unchanged = b.unchanged;
        this.deleted = b.deleted;
        this.failed = b.failed;
        this.notAttempted = b.notAttempted;
        this.unconfirmed = b.unconfirmed;
        this.wouldSend = b.wouldSend;
        this.translationsSeen = b.translationsSeen;
        this.translationsSent = b.translationsSent;
        this.translationsUnchanged = b.translationsUnchanged;
        this.translationsFailed = b.translationsFailed;
        this.translationsNotAttempted = b.translationsNotAttempted;
        this.translationsWouldSend = b.translationsWouldSend;
    }

    /**
     * Starts a builder with every count at zero.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these counts.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.productsSeen = productsSeen;
        b.itemsSeen = itemsSeen;
        b.created = created;
        b.updated = updated;
        b.unchanged = unchanged;
        b.deleted = deleted;
        b.failed = failed;
        b.notAttempted = notAttempted;
        b.unconfirmed = unconfirmed;
        b.wouldSend = wouldSend;
        b.translationsSeen = translationsSeen;
        b.translationsSent = translationsSent;
        b.translationsUnchanged = translationsUnchanged;
        b.translationsFailed = translationsFailed;
        b.translationsNotAttempted = translationsNotAttempted;
        b.translationsWouldSend = translationsWouldSend;
        return b;
    }

    /**
     * Returns the store products handed in (within the subset, if any).
     *
     * @return the value
     */
    public long productsSeen() {
        return productsSeen;
    }

    /**
     * Returns the items derived from them (one per variant), plus ledger items deleted in a FULL sync.
     *
     * @return the value
     */
    public long itemsSeen() {
        return itemsSeen;
    }

    /**
     * Returns the items Meta confirmed that the ledger did not know.
     *
     * @return the value
     */
    public long created() {
        return created;
    }

    /**
     * Returns the items Meta confirmed that the ledger knew.
     *
     * @return the value
     */
    public long updated() {
        return updated;
    }

    /**
     * Returns the items skipped because Meta already has this exact payload (or nothing to delete).
     *
     * @return the value
     */
    public long unchanged() {
        return unchanged;
    }

    /**
     * Returns the items Meta confirmed deleted.
     *
     * @return the value
     */
    public long deleted() {
        return deleted;
    }

    /**
     * Returns the items with an error (see the report's errors).
     *
     * @return the value
     */
    public long failed() {
        return failed;
    }

    /**
     * Returns the items not sent because the sync was cancelled or stopped.
     *
     * @return the value
     */
    public long notAttempted() {
        return notAttempted;
    }

    /**
     * Returns the items sent whose fate Meta did not confirm (see the type's description); they are sent again
     * next time.
     *
     * @return the value
     */
    public long unconfirmed() {
        return unconfirmed;
    }

    /**
     * Returns, in a dry run, the items that would have been sent.
     *
     * @return the value
     */
    public long wouldSend() {
        return wouldSend;
    }

    /**
     * Returns the translations (one per item and language) of the valid items of this sync.
     *
     * @return the value
     */
    public long translationsSeen() {
        return translationsSeen;
    }

    /**
     * Returns the translations Meta accepted in this sync.
     *
     * @return the value
     */
    public long translationsSent() {
        return translationsSent;
    }

    /**
     * Returns the translations skipped because Meta already has them.
     *
     * @return the value
     */
    public long translationsUnchanged() {
        return translationsUnchanged;
    }

    /**
     * Returns the translations Meta refused or that could not be sent (see the report's translation errors).
     *
     * @return the value
     */
    public long translationsFailed() {
        return translationsFailed;
    }

    /**
     * Returns the translations not sent because their item failed, or the sync was cancelled or stopped.
     *
     * @return the value
     */
    public long translationsNotAttempted() {
        return translationsNotAttempted;
    }

    /**
     * Returns, in a dry run, the translations that would have been sent.
     *
     * @return the value
     */
    public long translationsWouldSend() {
        return translationsWouldSend;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncCounts o)) {
            return false;
        }
        return productsSeen == o.productsSeen
                && itemsSeen == o.itemsSeen
                && created == o.created
                && updated == o.updated
                && unchanged == o.unchanged
                && deleted == o.deleted
                && failed == o.failed
                && notAttempted == o.notAttempted
                && unconfirmed == o.unconfirmed
                && wouldSend == o.wouldSend
                && translationsSeen == o.translationsSeen
                && translationsSent == o.translationsSent
                && translationsUnchanged == o.translationsUnchanged
                && translationsFailed == o.translationsFailed
                && translationsNotAttempted == o.translationsNotAttempted
                && translationsWouldSend == o.translationsWouldSend;
    }

    @Override
    public int hashCode() {
        return Objects.hash(productsSeen, itemsSeen, created, updated, unchanged, deleted, failed, notAttempted,
                unconfirmed, wouldSend, translationsSeen, translationsSent, translationsUnchanged, translationsFailed,
                translationsNotAttempted, translationsWouldSend);
    }

    @Override
    public String toString() {
        return "SyncCounts[" + "productsSeen=" + productsSeen + ", itemsSeen=" + itemsSeen + ", created=" + created
                + ", updated=" + updated + ", unchanged=" + unchanged + ", deleted=" + deleted + ", failed=" + failed
                + ", notAttempted=" + notAttempted + ", unconfirmed=" + unconfirmed + ", wouldSend=" + wouldSend + ", translationsSeen="
                + translationsSeen + ", translationsSent=" + translationsSent + ", translationsUnchanged="
                + translationsUnchanged + ", translationsFailed=" + translationsFailed + ", translationsNotAttempted="
                + translationsNotAttempted + ", translationsWouldSend=" + translationsWouldSend + "]";
    }


    /**
     * Returns whether every item and every translation seen is accounted for exactly once.
     *
     * @return {@code true} when the counts add up
     */
    public boolean isBalanced() {
        return itemsSeen == created + updated + unchanged + deleted + failed + notAttempted + unconfirmed
                + wouldSend
                && translationsSeen == translationsSent + translationsUnchanged + translationsFailed
                        + translationsNotAttempted + translationsWouldSend;
    }

    /**
     * Returns the items Meta confirmed (created, updated or deleted).
     *
     * @return the count
     */
    public long synced() {
        return created + updated + deleted;
    }

    /** Builds {@link SyncCounts}; every count starts at zero and must not be negative. */
    public static final class Builder {
        private long productsSeen;
        private long itemsSeen;
        private long created;
        private long updated;
        private long unchanged;
        private long deleted;
        private long failed;
        private long notAttempted;
        private long unconfirmed;
        private long wouldSend;
        private long translationsSeen;
        private long translationsSent;
        private long translationsUnchanged;
        private long translationsFailed;
        private long translationsNotAttempted;
        private long translationsWouldSend;

        private Builder() {
        }

        /**
         * Sets the store products handed in (within the subset, if any).
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder productsSeen(long n) {
            this.productsSeen = nonNegative(n, "productsSeen");
            return this;
        }

        /**
         * Sets the items derived from them (one per variant), plus ledger items deleted in a FULL sync.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder itemsSeen(long n) {
            this.itemsSeen = nonNegative(n, "itemsSeen");
            return this;
        }

        /**
         * Sets the items Meta confirmed that the ledger did not know.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder created(long n) {
            this.created = nonNegative(n, "created");
            return this;
        }

        /**
         * Sets the items Meta confirmed that the ledger knew.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder updated(long n) {
            this.updated = nonNegative(n, "updated");
            return this;
        }

        /**
         * Sets the items skipped because Meta already has this exact payload (or nothing to delete).
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder unchanged(long n) {
            this.unchanged = nonNegative(n, "unchanged");
            return this;
        }

        /**
         * Sets the items Meta confirmed deleted.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder deleted(long n) {
            this.deleted = nonNegative(n, "deleted");
            return this;
        }

        /**
         * Sets the items with an error (see the report's errors).
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder failed(long n) {
            this.failed = nonNegative(n, "failed");
            return this;
        }

        /**
         * Sets the items not sent because the sync was cancelled or stopped.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder notAttempted(long n) {
            this.notAttempted = nonNegative(n, "notAttempted");
            return this;
        }

        /**
         * Sets the items sent whose fate Meta did not confirm.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder unconfirmed(long n) {
            this.unconfirmed = nonNegative(n, "unconfirmed");
            return this;
        }

        /**
         * Sets in a dry run, the items that would have been sent.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder wouldSend(long n) {
            this.wouldSend = nonNegative(n, "wouldSend");
            return this;
        }

        /**
         * Sets the translations (one per item and language) of the valid items of this sync.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsSeen(long n) {
            this.translationsSeen = nonNegative(n, "translationsSeen");
            return this;
        }

        /**
         * Sets the translations Meta accepted in this sync.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsSent(long n) {
            this.translationsSent = nonNegative(n, "translationsSent");
            return this;
        }

        /**
         * Sets the translations skipped because Meta already has them.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsUnchanged(long n) {
            this.translationsUnchanged = nonNegative(n, "translationsUnchanged");
            return this;
        }

        /**
         * Sets the translations Meta refused or that could not be sent (see the report's translation errors).
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsFailed(long n) {
            this.translationsFailed = nonNegative(n, "translationsFailed");
            return this;
        }

        /**
         * Sets the translations not sent because their item failed, or the sync was cancelled or stopped.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsNotAttempted(long n) {
            this.translationsNotAttempted = nonNegative(n, "translationsNotAttempted");
            return this;
        }

        /**
         * Sets in a dry run, the translations that would have been sent.
         *
         * @param n the count, 0 or more
         * @return this builder
         */
        public Builder translationsWouldSend(long n) {
            this.translationsWouldSend = nonNegative(n, "translationsWouldSend");
            return this;
        }

        private static long nonNegative(long n, String name) {
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + n);
            }
            return n;
        }

        /**
         * Builds the counts.
         *
         * @return the counts
         */
        public SyncCounts build() {
            return new SyncCounts(this);
        }
    }
}
