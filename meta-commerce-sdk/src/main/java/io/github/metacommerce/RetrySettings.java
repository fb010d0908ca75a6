package io.github.metacommerce;

import java.time.Duration;
import java.util.Objects;

/**
 * How idempotent Graph calls (GETs) are retried on transient failures: Meta codes 1 and 2, {@code is_transient},
 * HTTP 5xx, I/O errors and timeouts. Waits grow exponentially with random jitter, up to a cap. Auth, permission,
 * invalid-request and rate-limit errors are never retried here.
 *
 * <pre>{@code
 * RetrySettings.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1)).build();
 * }</pre>
 */
public final class RetrySettings {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;

    /** Default attempts in all. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default first wait. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default growth factor. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default cap on one wait. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    /** Default jitter. */
    public static final double DEFAULT_JITTER = 0.5;

    /** Validates the settings, naming the bad option. */
    private RetrySettings(
            int maxAttempts,
            Duration initialBackoff,
            double multiplier,
            Duration maxBackoff,
            double jitter) {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("retry maxAttempts must be between 1 and 20, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "retry initialBackoff must not be null");
        Objects.requireNonNull(maxBackoff, "retry maxBackoff must not be null");
        if (initialBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("retry initialBackoff must be at least 1 ms, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry maxBackoff (" + maxBackoff
                    + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1.0, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.multiplier = multiplier;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
    }

    /**
     * Returns attempts in all, including the first (1 disables retries).
     *
     * @return attempts in all, including the first (1 disables retries)
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns wait before the first retry.
     *
     * @return wait before the first retry
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Returns growth factor of the wait per retry.
     *
     * @return growth factor of the wait per retry
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Returns cap on any single wait.
     *
     * @return cap on any single wait
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Returns randomisation factor in [0, 1): each wait is drawn from {@code wait * (1 +/- jitter)}.
     *
     * @return randomisation factor in [0, 1): each wait is drawn from {@code wait * (1 +/- jitter)}
     */
    public double jitter() {
        return jitter;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetrySettings that)) {
            return false;
        }
        return maxAttempts == that.maxAttempts
                && Objects.equals(initialBackoff, that.initialBackoff)
                && Double.compare(multiplier, that.multiplier) == 0
                && Objects.equals(maxBackoff, that.maxBackoff)
                && Double.compare(jitter, that.jitter) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
    }

    @Override
    public String toString() {
        return "RetrySettings[maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff
                + ", multiplier=" + multiplier
                + ", maxBackoff=" + maxBackoff
                + ", jitter=" + jitter + "]";
    }

    /**
     * Returns the default settings: 3 attempts, 500 ms doubling to at most 10 s, 50 % jitter.
     *
     * @return the defaults
     */
    public static RetrySettings defaults() {
        return builder().build();
    }

    /**
     * Returns settings that never retry.
     *
     * @return one attempt only
     */
    public static RetrySettings none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).multiplier(multiplier)
                .maxBackoff(maxBackoff).jitter(jitter);
    }

    /** Builds {@link RetrySettings}. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = DEFAULT_JITTER;

        private Builder() {
        }

        /**
         * Sets the attempts in all, including the first.
         *
         * @param maxAttempts 1 to 20
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the first wait.
         *
         * @param initialBackoff at least 1 ms
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Sets the growth factor.
         *
         * @param multiplier at least 1.0
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the cap on one wait.
         *
         * @param maxBackoff not shorter than the initial wait
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * Sets the jitter.
         *
         * @param jitter in [0, 1)
         * @return this builder
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the bad option
         */
        public RetrySettings build() {
            return new RetrySettings(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
        }
    }
}
