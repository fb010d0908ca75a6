package io.github.metacommerce.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Meta says about a token ({@code GET /debug_token}). Meta asks servers to check tokens they are handed at
 * least daily and never to assume a token was issued for their app: see {@link #issuedFor(String)}.
 *
 * <p>Immutable. {@link OAuthClient#inspectToken(String)} returns them; tests and fakes create one with
 * {@link #builder()}.
 */
public final class TokenInfo {
    private final boolean valid;
    private final String appId;
    private final Optional<String> userId;
    private final Optional<String> type;
    private final Optional<String> application;
    private final List<String> scopes;
    private final List<GranularScope> granularScopes;
    private final Optional<Instant> expiresAt;
    private final Optional<Instant> dataAccessExpiresAt;
    private final Optional<Instant> issuedAt;
    private final Optional<String> error;

    private TokenInfo(Builder b) {
        this.valid = b.valid;
        this.appId = b.appId == null ? "" : b.appId;
        this.userId = Optional.ofNullable(b.userId);
        this.type = Optional.ofNullable(b.type);
        this.application = Optional.ofNullable(b.application);
        this.scopes = List.copyOf(b.scopes);
        this.granularScopes = List.copyOf(b.granularScopes);
        this.expiresAt = Optional.ofNullable(b.expiresAt);
        this.dataAccessExpiresAt = Optional.ofNullable(b.dataAccessExpiresAt);
        this.issuedAt = Optional.ofNullable(b.issuedAt);
        this.error = Optional.ofNullable(b.error);
    }

    /**
     * Starts a builder: an invalid token with nothing known about it, until told otherwise.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this token info's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().valid(valid).appId(appId).scopes(scopes).granularScopes(granularScopes);
        b.userId = userId.orElse(null);
        b.type = type.orElse(null);
        b.application = application.orElse(null);
        b.expiresAt = expiresAt.orElse(null);
        b.dataAccessExpiresAt = dataAccessExpiresAt.orElse(null);
        b.issuedAt = issuedAt.orElse(null);
        b.error = error.orElse(null);
        return b;
    }

    /**
     * Returns whether the token is valid now.
     *
     * @return Meta's {@code is_valid}
     */
    public boolean valid() {
        return valid;
    }

    /**
     * Returns the app the token was issued for.
     *
     * @return the app id; an empty string when Meta did not say
     */
    public String appId() {
        return appId;
    }

    /**
     * Returns the user (or system user) the token acts for.
     *
     * @return the user id, when Meta said
     */
    public Optional<String> userId() {
        return userId;
    }

    /**
     * Returns the token type.
     *
     * @return e.g. {@code USER}, {@code PAGE}, {@code SYSTEM_USER}, when Meta said
     */
    public Optional<String> type() {
        return type;
    }

    /**
     * Returns the app's name.
     *
     * @return the name, when Meta said
     */
    public Optional<String> application() {
        return application;
    }

    /**
     * Returns the granted permissions.
     *
     * @return the permissions, possibly empty
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Returns the permissions limited to some assets.
     *
     * @return the granular scopes, possibly empty
     */
    public List<GranularScope> granularScopes() {
        return granularScopes;
    }

    /**
     * Returns when the token expires.
     *
     * @return the expiry; empty when it never does ({@code expires_at} 0) or Meta did not say
     */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /**
     * Returns when data access lapses (90 days after the user was last active).
     *
     * @return the time, when Meta said
     */
    public Optional<Instant> dataAccessExpiresAt() {
        return dataAccessExpiresAt;
    }

    /**
     * Returns when the token was issued.
     *
     * @return the time, when Meta said
     */
    public Optional<Instant> issuedAt() {
        return issuedAt;
    }

    /**
     * Returns Meta's explanation when the token is invalid.
     *
     * @return the explanation, without any token
     */
    public Optional<String> error() {
        return error;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenInfo t && valid == t.valid && appId.equals(t.appId) && userId.equals(t.userId)
                && type.equals(t.type) && application.equals(t.application) && scopes.equals(t.scopes)
                && granularScopes.equals(t.granularScopes) && expiresAt.equals(t.expiresAt)
                && dataAccessExpiresAt.equals(t.dataAccessExpiresAt) && issuedAt.equals(t.issuedAt)
                && error.equals(t.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(valid, appId, userId, type, application, scopes, granularScopes, expiresAt,
                dataAccessExpiresAt, issuedAt, error);
    }

    @Override
    public String toString() {
        return "TokenInfo[valid=" + valid + ", appId=" + appId + ", userId=" + userId + ", type=" + type
                + ", application=" + application + ", scopes=" + scopes + ", granularScopes=" + granularScopes
                + ", expiresAt=" + expiresAt + ", dataAccessExpiresAt=" + dataAccessExpiresAt + ", issuedAt="
                + issuedAt + ", error=" + error + "]";
    }

    /** Builds a {@link TokenInfo}; every option but {@link #valid(boolean)} may stay unset. */
    public static final class Builder {
        private boolean valid;
        private String appId = "";
        private String userId;
        private String type;
        private String application;
        private final List<String> scopes = new ArrayList<>();
        private final List<GranularScope> granularScopes = new ArrayList<>();
        private Instant expiresAt;
        private Instant dataAccessExpiresAt;
        private Instant issuedAt;
        private String error;

        private Builder() {
        }

        /**
         * Sets whether the token is valid now.
         *
         * @param valid Meta's {@code is_valid}
         * @return this builder
         */
        public Builder valid(boolean valid) {
            this.valid = valid;
            return this;
        }

        /**
         * Sets the app the token was issued for.
         *
         * @param appId the app id; {@code null} means Meta did not say
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = appId == null ? "" : appId;
            return this;
        }

        /**
         * Sets the user the token acts for.
         *
         * @param userId the user id; {@code null} for unknown
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Sets the token type.
         *
         * @param type e.g. {@code USER}; {@code null} for unknown
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the app's name.
         *
         * @param application the name; {@code null} for unknown
         * @return this builder
         */
        public Builder application(String application) {
            this.application = application;
            return this;
        }

        /**
         * Replaces the granted permissions.
         *
         * @param scopes the permissions
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            this.scopes.clear();
            this.scopes.addAll(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * Replaces the granular scopes.
         *
         * @param granularScopes the permissions limited to some assets
         * @return this builder
         */
        public Builder granularScopes(Collection<GranularScope> granularScopes) {
            this.granularScopes.clear();
            this.granularScopes.addAll(Objects.requireNonNull(granularScopes, "granularScopes"));
            return this;
        }

        /**
         * Sets when the token expires.
         *
         * @param expiresAt the expiry; {@code null} when it never does or is unknown
         * @return this builder
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * Sets when data access lapses.
         *
         * @param dataAccessExpiresAt the time; {@code null} for unknown
         * @return this builder
         */
        public Builder dataAccessExpiresAt(Instant dataAccessExpiresAt) {
            this.dataAccessExpiresAt = dataAccessExpiresAt;
            return this;
        }

        /**
         * Sets when the token was issued.
         *
         * @param issuedAt the time; {@code null} for unknown
         * @return this builder
         */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /**
         * Sets Meta's explanation of why the token is invalid.
         *
         * @param error the explanation, without any token; {@code null} for none
         * @return this builder
         */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /**
         * Builds the token info.
         *
         * @return the token info
         */
        public TokenInfo build() {
            return new TokenInfo(this);
        }
    }
}
