package io.github.metacommerce.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A progress event.
 *
 * @param syncId the sync's id
 * @param stage what the sync is doing
 * @param done items handled so far
 * @param total items expected, when known (after reading, or when the caller said)
 * @param waitingUntil when waiting for the rate limit: until when
 */
public record SyncProgress(String syncId, SyncStage stage, long done, Optional<Long> total,
        Optional<Instant> waitingUntil) {

    /** Validates the components. */
    public SyncProgress {
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(waitingUntil, "waitingUntil");
    }
}
