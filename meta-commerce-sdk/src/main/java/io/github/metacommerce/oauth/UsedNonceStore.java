package io.github.metacommerce.oauth;

import io.github.metacommerce.internal.InMemoryUsedNonceStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Remembers which OAuth state nonces were used, so a state works once. Implementations must be thread-safe and
 * {@link #markUsed(String, Instant)} atomic; behind a load balancer use a shared store (a database table with a
 * unique key on the nonce), since the in-memory one only protects a single process.
 */
@FunctionalInterface
public interface UsedNonceStore {

    /**
     * Records a nonce as used, atomically.
     *
     * @param nonce the nonce
     * @param expiresAt when the state carrying it expires; the record may be dropped after that
     * @return {@code true} on first use, {@code false} if it was used before
     */
    boolean markUsed(String nonce, Instant expiresAt);

    /**
     * Returns a bounded in-memory store for one process. When full it first drops expired nonces, then the
     * oldest ones (logging a warning).
     *
     * @param maxEntries how many nonces to remember, at least 1
     * @param clock the clock used to drop expired nonces
     * @return the store
     */
    static UsedNonceStore inMemory(int maxEntries, Clock clock) {
        return new InMemoryUsedNonceStore(maxEntries, clock);
    }
}
