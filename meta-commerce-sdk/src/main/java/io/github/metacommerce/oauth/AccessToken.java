package io.github.metacommerce.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and when it expires. {@link #toString()} masks the value, so a token logged by mistake does not
 * leak. Immutable; create one with {@link #of(String, Optional)} (the SDK's exchanges return them).
 *
 * <p>Short-lived user tokens last hours; long-lived user tokens about 60 days; system-user (BISU) tokens usually
 * never expire. Meta's exchange answers carry {@code expires_in}; when they do not, {@link #expiresAt()} is empty,
 * meaning Meta gave no expiry (use {@link OAuthClient#inspectToken(String)} to learn more).
 */
public final class AccessToken {
    private final String value;
    private final Optional<Instant> expiresAt;

    private AccessToken(String value, Optional<Instant> expiresAt) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("access token value must not be null or blank");
        }
        this.value = value;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Creates a token, for example one read back from the app's own storage.
     *
     * @param value the token itself; keep it secret
     * @param expiresAt when it expires, empty when no expiry is known
     * @return the token
     * @throws IllegalArgumentException if the value is null or blank
     */
    public static AccessToken of(String value, Optional<Instant> expiresAt) {
        return new AccessToken(value, expiresAt);
    }

    /**
     * Creates a token without a known expiry.
     *
     * @param value the token itself; keep it secret
     * @return the token
     * @throws IllegalArgumentException if the value is null or blank
     */
    public static AccessToken of(String value) {
        return new AccessToken(value, Optional.empty());
    }

    /**
     * Returns the token itself; keep it secret (send it only in the {@code Authorization} header).
     *
     * @return the token value
     */
    public String value() {
        return value;
    }

    /**
     * Returns when the token expires.
     *
     * @return the expiry, empty when Meta gave none
     */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /**
     * Returns whether the token has expired.
     *
     * @param clock the clock to compare with
     * @return {@code true} when an expiry is known and has passed
     */
    public boolean isExpired(Clock clock) {
        return expiresAt.map(e -> !clock.instant().isBefore(e)).orElse(false);
    }

    /**
     * Returns the time left before expiry.
     *
     * @param clock the clock to compare with
     * @return the time left (negative once expired), empty when no expiry is known
     */
    public Optional<Duration> timeLeft(Clock clock) {
        return expiresAt.map(e -> Duration.between(clock.instant(), e));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken t && value.equals(t.value) && expiresAt.equals(t.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    /**
     * Returns the token with its value masked.
     *
     * @return e.g. {@code AccessToken[value=****, expiresAt=2027-01-28T10:00:00Z]}
     */
    @Override
    public String toString() {
        return "AccessToken[value=****, expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
    }
}
