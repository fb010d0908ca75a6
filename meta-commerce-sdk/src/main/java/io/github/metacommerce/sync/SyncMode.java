package io.github.metacommerce.sync;

/** How much of the catalog a sync reconciles. */
public enum SyncMode {
    /** Send what changed; never delete items the store did not mention. */
    INCREMENTAL,
    /**
     * Send what changed and delete items the sync ledger knows but the store no longer has. Use it with the whole
     * product list (not a subset).
     */
    FULL
}
