package io.github.metacommerce.admin.connection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store's connection to Meta, as stored (the token stays encrypted in this object; {@link #toString()} never
 * shows it).
 *
 * @param storeId the store
 * @param encryptedToken the token in {@link TokenCipher}'s stored form
 * @param tokenExpiresAt when the token expires, empty when it never does
 * @param scopes the granted permissions
 * @param metaUserId the Meta user who connected
 * @param businessId the selected business
 * @param businessName its name, from Meta
 * @param catalogId the selected catalog
 * @param catalogName its name, from Meta
 * @param status {@code connected} or {@code reconnect_required}
 * @param statusReason why a reconnect is required
 * @param syncStatus the last run's status, {@code never} before the first
 * @param lastSyncAt when the last run finished
 * @param syncError the last run's error
 * @param connectedAt when the token was stored
 */
public record MetaConnection(
        long storeId,
        String encryptedToken,
        Optional<Instant> tokenExpiresAt,
        List<String> scopes,
        Optional<String> metaUserId,
        Optional<String> businessId,
        Optional<String> businessName,
        Optional<String> catalogId,
        Optional<String> catalogName,
        String status,
        Optional<String> statusReason,
        String syncStatus,
        Optional<Instant> lastSyncAt,
        Optional<String> syncError,
        Instant connectedAt) {

    /** The status of a usable connection. */
    public static final String CONNECTED = "connected";
    /** The status of a connection whose token Meta no longer accepts. */
    public static final String RECONNECT_REQUIRED = "reconnect_required";

    /** @return whether Meta accepted the token the last time it was used */
    public boolean usable() {
        return CONNECTED.equals(status);
    }

    @Override
    public String toString() {
        return "MetaConnection[storeId=" + storeId + ", status=" + status + ", businessId=" + businessId.orElse("-")
                + ", catalogId=" + catalogId.orElse("-") + ", token=<redacted>]";
    }
}
