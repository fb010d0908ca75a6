package io.github.metacommerce.sync;

/**
 * The item counts of a sync. Every item seen ends in exactly one of created, updated, unchanged, deleted, failed,
 * not attempted, or (in a dry run) would send, so {@link #isBalanced()} always holds.
 *
 * @param productsSeen store products handed in (within the subset, if any)
 * @param itemsSeen items derived from them (one per variant), plus ledger items deleted in a FULL sync
 * @param created items Meta confirmed that the ledger did not know
 * @param updated items Meta confirmed that the ledger knew
 * @param unchanged items skipped because Meta already has this exact payload (or nothing to delete)
 * @param deleted items Meta confirmed deleted
 * @param failed items with an error (see the report's errors)
 * @param notAttempted items not sent because the sync was cancelled or stopped
 * @param wouldSend in a dry run: items that would have been sent
 */
public record SyncCounts(long productsSeen, long itemsSeen, long created, long updated, long unchanged, long deleted,
        long failed, long notAttempted, long wouldSend) {

    /**
     * Returns whether every item seen is accounted for exactly once.
     *
     * @return {@code true} when the counts add up
     */
    public boolean isBalanced() {
        return itemsSeen == created + updated + unchanged + deleted + failed + notAttempted + wouldSend;
    }

    /**
     * Returns the items Meta confirmed (created, updated or deleted).
     *
     * @return the count
     */
    public long synced() {
        return created + updated + deleted;
    }
}
