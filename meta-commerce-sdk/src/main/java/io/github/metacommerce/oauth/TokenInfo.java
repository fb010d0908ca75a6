package io.github.metacommerce.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Meta says about a token ({@code GET /debug_token}). Meta asks servers to check tokens they are handed at
 * least daily and never to assume a token was issued for their app: see {@link #issuedFor(String)}.
 *
 * @param valid whether the token is valid now
 * @param appId the app the token was issued for (empty string when Meta did not say)
 * @param userId the user (or system user) the token acts for
 * @param type the token type, e.g. {@code USER}, {@code PAGE}, {@code SYSTEM_USER}
 * @param application the app's name
 * @param scopes the granted permissions
 * @param granularScopes permissions limited to some assets
 * @param expiresAt when the token expires; empty when it never does ({@code expires_at} 0) or Meta did not say
 * @param dataAccessExpiresAt when data access lapses (90 days after the user was last active)
 * @param issuedAt when the token was issued
 * @param error Meta's explanation when the token is invalid
 */
public record TokenInfo(
        boolean valid,
        String appId,
        Optional<String> userId,
        Optional<String> type,
        Optional<String> application,
        List<String> scopes,
        List<GranularScope> granularScopes,
        Optional<Instant> expiresAt,
        Optional<Instant> dataAccessExpiresAt,
        Optional<Instant> issuedAt,
        Optional<String> error) {

    /** Copies the collections. */
    public TokenInfo {
        appId = appId == null ? "" : appId;
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(application, "application");
        scopes = List.copyOf(scopes);
        granularScopes = List.copyOf(granularScopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(dataAccessExpiresAt, "dataAccessExpiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(error, "error");
    }

    /**
     * Returns whether the token is valid and never expires (Meta reports {@code expires_at} 0).
     *
     * @return {@code true} for a valid token without expiry
     */
    public boolean neverExpires() {
        return valid && expiresAt.isEmpty();
    }

    /**
     * Returns whether the token is valid and was issued for the given app.
     *
     * @param expectedAppId this app's id
     * @return {@code true} when valid and the app ids match
     */
    public boolean issuedFor(String expectedAppId) {
        return valid && appId.equals(expectedAppId);
    }

    /**
     * Returns whether every one of these permissions was granted.
     *
     * @param required the permissions needed
     * @return {@code true} when all are in {@link #scopes()}
     */
    public boolean hasScopes(Collection<String> required) {
        return scopes.containsAll(required);
    }

    /**
     * Returns whether the token is unusable now: invalid, or its expiry has passed.
     *
     * @param clock the clock to compare with
     * @return {@code true} when a call with it would fail for auth reasons
     */
    public boolean isExpired(Clock clock) {
        return !valid || expiresAt.map(e -> !clock.instant().isBefore(e)).orElse(false);
    }
}
