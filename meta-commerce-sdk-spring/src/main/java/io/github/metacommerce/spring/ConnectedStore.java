package io.github.metacommerce.spring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store connected to Meta, as far as the health indicator needs to know. Immutable; create one with
 * {@link #of(String, Optional)}.
 */
public final class ConnectedStore {
    private final String storeId;
    private final Optional<Instant> tokenExpiresAt;

    private ConnectedStore(String storeId, Optional<Instant> tokenExpiresAt) {
        this.storeId = Objects.requireNonNull(storeId, "storeId");
        this.tokenExpiresAt = Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }

    /**
     * Creates a connected store.
     *
     * @param storeId the store id
     * @param tokenExpiresAt when its token expires; empty when it never does
     * @return the connected store
     */
    public static ConnectedStore of(String storeId, Optional<Instant> tokenExpiresAt) {
        return new ConnectedStore(storeId, tokenExpiresAt);
    }

    /**
     * Returns the store id.
     *
     * @return the store id
     */
    public String storeId() {
        return storeId;
    }

    /**
     * Returns when the store's token expires.
     *
     * @return the expiry; empty when it never does
     */
    public Optional<Instant> tokenExpiresAt() {
        return tokenExpiresAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectedStore c && storeId.equals(c.storeId) && tokenExpiresAt.equals(c.tokenExpiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeId, tokenExpiresAt);
    }

    @Override
    public String toString() {
        return "ConnectedStore[storeId=" + storeId + ", tokenExpiresAt=" + tokenExpiresAt + "]";
    }
}
