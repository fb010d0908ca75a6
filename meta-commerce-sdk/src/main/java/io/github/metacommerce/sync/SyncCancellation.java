package io.github.metacommerce.sync;

/**
 * Cooperative cancellation: call {@link #cancel()} from any thread; the sync stops at the next call boundary,
 * waits for nothing more, and reports what it did not send as not attempted.
 */
public final class SyncCancellation {
    private volatile boolean cancelled;

    private SyncCancellation() {
    }

    /**
     * Creates a token that is not cancelled yet; hand it to {@link SyncRequest.Builder#cancellation}.
     *
     * @return a new token
     */
    public static SyncCancellation create() {
        return new SyncCancellation();
    }

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
