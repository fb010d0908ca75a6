package io.github.metacommerce.spring;

import io.github.metacommerce.oauth.AccessToken;
import java.util.Objects;

/**
 * A store just connected to Meta: the store the verified OAuth state was issued for, and its long-lived token.
 * Returned by {@link MetaCommerceLogin#complete(String)}; immutable. {@link #toString()} masks the token.
 */
public final class StoreConnection {
    private final String storeId;
    private final AccessToken token;

    private StoreConnection(String storeId, AccessToken token) {
        this.storeId = Objects.requireNonNull(storeId, "storeId");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Creates a connection, for example in a test of the host app's callback handler.
     *
     * @param storeId the store
     * @param token its long-lived token
     * @return the connection
     */
    public static StoreConnection of(String storeId, AccessToken token) {
        return new StoreConnection(storeId, token);
    }

    /**
     * Returns the store that connected, as given to {@link MetaCommerceLogin#loginUrl(String)}.
     *
     * @return the store id, taken from the signed state
     */
    public String storeId() {
        return storeId;
    }

    /**
     * Returns the store's long-lived token; keep it secret.
     *
     * @return the token
     */
    public AccessToken token() {
        return token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreConnection c && storeId.equals(c.storeId) && token.equals(c.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeId, token);
    }

    @Override
    public String toString() {
        return "StoreConnection[storeId=" + storeId + ", token=" + token + "]";
    }
}
