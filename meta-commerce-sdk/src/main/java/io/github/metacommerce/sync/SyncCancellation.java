package io.github.metacommerce.sync;

/**
 * Cooperative cancellation: call {@link #cancel()} from any thread; the sync stops at the next call boundary,
 * waits for nothing more, and reports what it did not send as not attempted.
 */
public final class SyncCancellation {
    private volatile boolean cancelled;

    /** Requests cancellation. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Returns whether cancellation was requested.
     *
     * @return {@code true} after {@link #cancel()}
     */
    public boolean isCancelled() {
        return cancelled;
    }
}
