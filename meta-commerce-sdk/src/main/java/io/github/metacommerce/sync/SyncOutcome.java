package io.github.metacommerce.sync;

/** How a sync ended. */
public enum SyncOutcome {
    /** Every product was handled (some may have failed individually). */
    COMPLETED,
    /** Cancelled; what was not sent is listed as not attempted. */
    CANCELLED,
    /** Stopped by an error that affects the whole sync (auth, permission, catalog, rate limit); see the report. */
    STOPPED
}
