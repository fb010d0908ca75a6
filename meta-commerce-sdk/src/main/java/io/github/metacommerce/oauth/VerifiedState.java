package io.github.metacommerce.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A state that passed every check: genuine, fresh, first use, right store. Returned by
 * {@link OAuthStateCodec#verify(String, String)} and {@link OAuthStateCodec#verify(String)}; immutable.
 */
public final class VerifiedState {
    private final String storeId;
    private final String nonce;
    private final Instant expiresAt;

    private VerifiedState(String storeId, String nonce, Instant expiresAt) {
        this.storeId = Objects.requireNonNull(storeId, "storeId");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    static VerifiedState of(String storeId, String nonce, Instant expiresAt) {
        return new VerifiedState(storeId, nonce, expiresAt);
    }

    /**
     * Returns the store the state was issued for.
     *
     * @return the store id given to {@link OAuthStateCodec#issue(String)}
     */
    public String storeId() {
        return storeId;
    }

    /**
     * Returns the store the state was issued for.
     *
     * @return the store id
     * @deprecated the SDK calls it the store id everywhere: use {@link #storeId()}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public String tenantId() {
        return storeId;
    }

    /**
     * Returns the state's random nonce, already recorded as used.
     *
     * @return the nonce
     */
    public String nonce() {
        return nonce;
    }

    /**
     * Returns when the state would have expired.
     *
     * @return the expiry
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedState v && storeId.equals(v.storeId) && nonce.equals(v.nonce)
                && expiresAt.equals(v.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeId, nonce, expiresAt);
    }

    @Override
    public String toString() {
        return "VerifiedState[storeId=" + storeId + ", nonce=" + nonce + ", expiresAt=" + expiresAt + "]";
    }
}
