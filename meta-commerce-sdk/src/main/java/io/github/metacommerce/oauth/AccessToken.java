package io.github.metacommerce.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and when it expires. {@link #toString()} masks the value, so a token logged by mistake does not
 * leak.
 *
 * <p>Short-lived user tokens last hours; long-lived user tokens about 60 days; system-user (BISU) tokens usually
 * never expire. Meta's exchange answers carry {@code expires_in}; when they do not, {@link #expiresAt()} is empty,
 * meaning Meta gave no expiry (use {@link OAuthClient#inspectToken(String)} to learn more).
 *
 * @param value the token itself; keep it secret
 * @param expiresAt when it expires, empty when Meta gave no expiry
 */
public record AccessToken(String value, Optional<Instant> expiresAt) {

    /** Validates the components. */
    public AccessToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("access token value must not be null or blank");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
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
