package io.github.metacommerce.internal;

import io.github.metacommerce.oauth.UsedNonceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bounded, thread-safe {@link UsedNonceStore} for one process. */
public final class InMemoryUsedNonceStore implements UsedNonceStore {
    private static final Logger log = LoggerFactory.getLogger(InMemoryUsedNonceStore.class);

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> used = new LinkedHashMap<>();

    /**
     * Creates the store.
     *
     * @param maxEntries capacity, at least 1
     * @param clock time source for expiry
     */
    public InMemoryUsedNonceStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean markUsed(String nonce, Instant expiresAt) {
        if (used.containsKey(nonce)) {
            return false;
        }
        if (used.size() >= maxEntries) {
            Instant now = clock.instant();
            used.values().removeIf(e -> !e.isAfter(now));
            Iterator<String> oldest = used.keySet().iterator();
            while (used.size() >= maxEntries && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
                log.warn("Used-nonce store is full ({} entries); forgetting the oldest unexpired nonce. "
                        + "Raise its capacity or use a shared store.", maxEntries);
            }
        }
        used.put(nonce, expiresAt);
        return true;
    }

    /**
     * Returns how many nonces are remembered.
     *
     * @return the count
     */
    public synchronized int size() {
        return used.size();
    }
}
