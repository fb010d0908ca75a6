package io.github.metacommerce.sync;

/**
 * Receives progress while a sync runs, on the sync's thread. Called often (per item while transforming), so keep
 * it cheap: store the latest event, don't do I/O. Exceptions it throws are logged and ignored.
 */
@FunctionalInterface
public interface SyncListener {

    /** A listener that ignores everything. */
    SyncListener NONE = p -> { };

    /**
     * Called on progress.
     *
     * @param progress the event
     */
    void onProgress(SyncProgress progress);
}
