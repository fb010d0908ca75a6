package io.github.metacommerce.sync;

/** What a sync is doing now. */
public enum SyncStage {
    /** Reading products from the store. */
    READING,
    /** Mapping and validating products. */
    TRANSFORMING,
    /** Sending items_batch calls. */
    UPLOADING,
    /** Waiting for Meta to finish processing batches. */
    CONFIRMING,
    /** Waiting for the rate limit to allow the next call. */
    WAITING_FOR_RATE_LIMIT,
    /** Finished. */
    DONE
}
