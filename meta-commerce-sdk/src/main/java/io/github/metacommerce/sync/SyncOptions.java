package io.github.metacommerce.sync;

import io.github.metacommerce.RetrySettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CatalogSync} packs, paces, retries and confirms batches. Defaults follow Meta's documented limits.
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder().batchCallsPerMinute(20).maxRequestsPerCall(2000).build();
 * }</pre>
 */
public final class SyncOptions {
    private final int maxRequestsPerCall;
    private final long maxBytesPerCall;
    private final int batchCallsPerMinute;
    private final int slowdownThreshold;
    private final Duration maxRateLimitWait;
    private final RetrySettings retry;
    private final Duration statusPollInitial;
    private final Duration statusPollMax;
    private final Duration statusTimeout;
    private final int maxOutstandingBatches;
    private final int maxListedNotAttempted;

    /** Meta's cap on requests per call. */
    public static final int META_MAX_REQUESTS = 5000;
    /** Meta's cap on the payload of a call: 28 MB. */
    public static final long META_MAX_BYTES = 28L * 1024 * 1024;
    /** Default requests per call: 3,000, Meta's recommendation. */
    public static final int DEFAULT_MAX_REQUESTS = 3000;
    /** Default payload per call: 20 MB of requests, below Meta's 28 MB with room for the JSON body's other fields. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** Default batch calls per minute: 8, Meta's floor. */
    public static final int DEFAULT_BATCH_CALLS_PER_MINUTE = 8;

    private SyncOptions(int maxRequestsPerCall, long maxBytesPerCall, int batchCallsPerMinute, int slowdownThreshold,
            Duration maxRateLimitWait, RetrySettings retry, Duration statusPollInitial, Duration statusPollMax,
            Duration statusTimeout, int maxOutstandingBatches, int maxListedNotAttempted) {
        if (maxRequestsPerCall < 1 || maxRequestsPerCall > META_MAX_REQUESTS) {
            throw new IllegalArgumentException("maxRequestsPerCall must be between 1 and 5000, was "
                    + maxRequestsPerCall);
        }
        if (maxBytesPerCall < 1024 || maxBytesPerCall > META_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytesPerCall must be between 1 KB and 28 MB, was "
                    + maxBytesPerCall);
        }
        if (batchCallsPerMinute < 1) {
            throw new IllegalArgumentException("batchCallsPerMinute must be at least 1, was " + batchCallsPerMinute);
        }
        if (slowdownThreshold < 1 || slowdownThreshold > 100) {
            throw new IllegalArgumentException("slowdownThreshold must be a percentage from 1 to 100");
        }
        requirePositive(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(retry, "retry must not be null");
        requirePositive(statusPollInitial, "statusPollInitial");
        requirePositive(statusPollMax, "statusPollMax");
        requirePositive(statusTimeout, "statusTimeout");
        if (maxOutstandingBatches < 1) {
            throw new IllegalArgumentException("maxOutstandingBatches must be at least 1");
        }
        if (maxListedNotAttempted < 0) {
            throw new IllegalArgumentException("maxListedNotAttempted must not be negative");
        }
        this.maxRequestsPerCall = maxRequestsPerCall;
        this.maxBytesPerCall = maxBytesPerCall;
        this.batchCallsPerMinute = batchCallsPerMinute;
        this.slowdownThreshold = slowdownThreshold;
        this.maxRateLimitWait = maxRateLimitWait;
        this.retry = retry;
        this.statusPollInitial = statusPollInitial;
        this.statusPollMax = statusPollMax;
        this.statusTimeout = statusTimeout;
        this.maxOutstandingBatches = maxOutstandingBatches;
        this.maxListedNotAttempted = maxListedNotAttempted;
    }

    /**
     * Returns the requests per items_batch call (1 to 5,000; Meta recommends at most 3,000).
     *
     * @return the value
     */
    public int maxRequestsPerCall() {
        return maxRequestsPerCall;
    }

    /**
     * Returns the serialised size of the requests per call (at most 28 MB, Meta's cap).
     *
     * @return the value
     */
    public long maxBytesPerCall() {
        return maxBytesPerCall;
    }

    /**
     * Returns the batch calls per catalog per minute (Meta's floor is 8; it grows with the catalog's traffic).
     *
     * @return the value
     */
    public int batchCallsPerMinute() {
        return batchCallsPerMinute;
    }

    /**
     * Returns the {@code X-Business-Use-Case-Usage} percentage from which calls are spread out more.
     *
     * @return the value
     */
    public int slowdownThreshold() {
        return slowdownThreshold;
    }

    /**
     * Returns the longest throttle wait accepted before the sync stops with RATE_LIMIT.
     *
     * @return the value
     */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * Returns how transient failures of a call are retried.
     *
     * @return the value
     */
    public RetrySettings retry() {
        return retry;
    }

    /**
     * Returns the wait from sending the first batch of a sync's first run to its first status poll (default
     * 250 ms). Later batches, and the first batch of later runs of the same {@code CatalogSync}, are first polled
     * after about as long as Meta took for the earlier ones, from 50 ms (or
     * this wait, if shorter) up to {@link #statusPollMax()}; polls of one batch then wait twice as long each time,
     * up to {@link #statusPollMax()}. Sending never waits for polls, as long as fewer than
     * {@link #maxOutstandingBatches()} batches are unconfirmed.
     *
     * @return the value
     */
    public Duration statusPollInitial() {
        return statusPollInitial;
    }

    /**
     * Returns the longest wait between polls.
     *
     * @return the value
     */
    public Duration statusPollMax() {
        return statusPollMax;
    }

    /**
     * Returns how long Meta may take to finish one batch, counted from when it was sent, before its items are
     * reported unconfirmed; batches that are stuck together time out together.
     *
     * @return the value
     */
    public Duration statusTimeout() {
        return statusTimeout;
    }

    /**
     * Returns how many batches may be sent but not yet confirmed (bounds memory and how far the ledger may lag the
     * catalog after a crash); the next batch waits only when this many are open.
     *
     * @return the value
     */
    public int maxOutstandingBatches() {
        return maxOutstandingBatches;
    }

    /**
     * Returns how many not-attempted product ids the report lists by id (all are counted).
     *
     * @return the value
     */
    public int maxListedNotAttempted() {
        return maxListedNotAttempted;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncOptions o)) {
            return false;
        }
        return maxRequestsPerCall == o.maxRequestsPerCall
                && maxBytesPerCall == o.maxBytesPerCall
                && batchCallsPerMinute == o.batchCallsPerMinute
                && slowdownThreshold == o.slowdownThreshold
                && maxRateLimitWait.equals(o.maxRateLimitWait)
                && retry.equals(o.retry)
                && statusPollInitial.equals(o.statusPollInitial)
                && statusPollMax.equals(o.statusPollMax)
                && statusTimeout.equals(o.statusTimeout)
                && maxOutstandingBatches == o.maxOutstandingBatches
                && maxListedNotAttempted == o.maxListedNotAttempted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRequestsPerCall, maxBytesPerCall, batchCallsPerMinute, slowdownThreshold,
                maxRateLimitWait, retry, statusPollInitial, statusPollMax, statusTimeout, maxOutstandingBatches,
                maxListedNotAttempted);
    }

    @Override
    public String toString() {
        return "SyncOptions[" + "maxRequestsPerCall=" + maxRequestsPerCall + ", maxBytesPerCall=" + maxBytesPerCall
                + ", batchCallsPerMinute=" + batchCallsPerMinute + ", slowdownThreshold=" + slowdownThreshold
                + ", maxRateLimitWait=" + maxRateLimitWait + ", retry=" + retry + ", statusPollInitial="
                + statusPollInitial + ", statusPollMax=" + statusPollMax + ", statusTimeout=" + statusTimeout
                + ", maxOutstandingBatches=" + maxOutstandingBatches + ", maxListedNotAttempted="
                + maxListedNotAttempted + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    /**
     * Returns the defaults.
     *
     * @return the default options
     */
    public static SyncOptions defaults() {
        return builder().build();
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
     * Returns a builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRequestsPerCall = maxRequestsPerCall;
        b.maxBytesPerCall = maxBytesPerCall;
        b.batchCallsPerMinute = batchCallsPerMinute;
        b.slowdownThreshold = slowdownThreshold;
        b.maxRateLimitWait = maxRateLimitWait;
        b.retry = retry;
        b.statusPollInitial = statusPollInitial;
        b.statusPollMax = statusPollMax;
        b.statusTimeout = statusTimeout;
        b.maxOutstandingBatches = maxOutstandingBatches;
        b.maxListedNotAttempted = maxListedNotAttempted;
        return b;
    }

    /** Builds {@link SyncOptions}. */
    public static final class Builder {
        private int maxRequestsPerCall = DEFAULT_MAX_REQUESTS;
        private long maxBytesPerCall = DEFAULT_MAX_BYTES;
        private int batchCallsPerMinute = DEFAULT_BATCH_CALLS_PER_MINUTE;
        private int slowdownThreshold = 75;
        private Duration maxRateLimitWait = Duration.ofMinutes(15);
        private RetrySettings retry = RetrySettings.builder().maxAttempts(4).initialBackoff(Duration.ofSeconds(2))
                .maxBackoff(Duration.ofSeconds(30)).build();
        private Duration statusPollInitial = Duration.ofMillis(250);
        private Duration statusPollMax = Duration.ofSeconds(30);
        private Duration statusTimeout = Duration.ofMinutes(20);
        private int maxOutstandingBatches = 8;
        private int maxListedNotAttempted = 10_000;

        private Builder() {
        }

        /**
         * Sets the requests per call.
         *
         * @param n 1 to 5,000
         * @return this builder
         */
        public Builder maxRequestsPerCall(int n) {
            this.maxRequestsPerCall = n;
            return this;
        }

        /**
         * Sets the payload per call.
         *
         * @param bytes 1 KB to 28 MB
         * @return this builder
         */
        public Builder maxBytesPerCall(long bytes) {
            this.maxBytesPerCall = bytes;
            return this;
        }

        /**
         * Sets the batch calls per catalog per minute.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder batchCallsPerMinute(int n) {
            this.batchCallsPerMinute = n;
            return this;
        }

        /**
         * Sets the usage percentage from which calls are spread out more.
         *
         * @param percent 1 to 100
         * @return this builder
         */
        public Builder slowdownThreshold(int percent) {
            this.slowdownThreshold = percent;
            return this;
        }

        /**
         * Sets the longest throttle wait accepted.
         *
         * @param wait positive
         * @return this builder
         */
        public Builder maxRateLimitWait(Duration wait) {
            this.maxRateLimitWait = wait;
            return this;
        }

        /**
         * Sets how transient failures of a call are retried.
         *
         * @param retry the settings
         * @return this builder
         */
        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Sets the wait before the first status poll of a run's first batch (see
         * {@link SyncOptions#statusPollInitial()}).
         *
         * @param wait positive
         * @return this builder
         */
        public Builder statusPollInitial(Duration wait) {
            this.statusPollInitial = wait;
            return this;
        }

        /**
         * Sets the longest wait between status polls.
         *
         * @param wait positive
         * @return this builder
         */
        public Builder statusPollMax(Duration wait) {
            this.statusPollMax = wait;
            return this;
        }

        /**
         * Sets how long to wait for one batch to finish.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder statusTimeout(Duration timeout) {
            this.statusTimeout = timeout;
            return this;
        }

        /**
         * Sets how many batches may await confirmation at once.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxOutstandingBatches(int n) {
            this.maxOutstandingBatches = n;
            return this;
        }

        /**
         * Sets how many not-attempted product ids the report lists.
         *
         * @param n zero or more
         * @return this builder
         */
        public Builder maxListedNotAttempted(int n) {
            this.maxListedNotAttempted = n;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException naming the bad option
         */
        public SyncOptions build() {
            return new SyncOptions(maxRequestsPerCall, maxBytesPerCall, batchCallsPerMinute, slowdownThreshold,
                    maxRateLimitWait, retry, statusPollInitial, statusPollMax, statusTimeout, maxOutstandingBatches,
                    maxListedNotAttempted);
        }
    }
}
