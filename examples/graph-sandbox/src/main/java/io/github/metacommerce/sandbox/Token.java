package io.github.metacommerce.sandbox;

import java.time.Instant;
import java.util.List;

/** An access token the sandbox issued. Mutable only in its revoked/expired flags. */
final class Token {
    final String value;
    final String userId;
    final String appId;
    volatile List<String> scopes;
    final Instant issuedAt;
    volatile Instant expiresAt;
    final Instant dataAccessExpiresAt;
    volatile boolean revoked;

    Token(String value, String userId, String appId, List<String> scopes, Instant issuedAt, Instant expiresAt,
            Instant dataAccessExpiresAt) {
        this.value = value;
        this.userId = userId;
        this.appId = appId;
        this.scopes = List.copyOf(scopes);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.dataAccessExpiresAt = dataAccessExpiresAt;
    }

    void dropScope(String scope) {
        List<String> kept = new java.util.ArrayList<>(scopes);
        kept.remove(scope);
        scopes = List.copyOf(kept);
    }

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
