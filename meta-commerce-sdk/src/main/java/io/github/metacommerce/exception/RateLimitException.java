package io.github.metacommerce.exception;

import io.github.metacommerce.graph.ApiUsage;
import java.time.Duration;
import java.util.Optional;

/**
 * Meta throttled the call (codes 4, 17, 32, 341, 613, 80000-80014, or HTTP 429). Category
 * {@link ErrorCategory#RATE_LIMIT}.
 *
 * <p>Calling again at once extends the block, so this is not {@link #isRetryable() retryable} in the back-off
 * sense: wait {@link #retryAfter()} (Meta's {@code estimated_time_to_regain_access}) first.
 */
public final class RateLimitException extends GraphApiException {
    private static final long serialVersionUID = 1L;

    private final transient ApiUsage usage;
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param error the error object
     * @param usage the usage headers of the response
     * @param retryAfter how long Meta says to wait, or {@code null} when it did not say
     */
    public RateLimitException(GraphError error, ApiUsage usage, Duration retryAfter) {
        super(error, ErrorCategory.RATE_LIMIT);
        this.usage = usage == null ? ApiUsage.none() : usage;
        this.retryAfter = retryAfter;
    }

    /**
     * Returns how long Meta asks callers to wait before the next call, from the largest
     * {@code estimated_time_to_regain_access} in {@code X-Business-Use-Case-Usage}.
     *
     * @return the wait, or empty when Meta gave none (callers then choose their own back-off)
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Returns the parsed usage headers sent with the error.
     *
     * @return the usage, possibly {@link ApiUsage#none()}
     */
    public ApiUsage usage() {
        return usage == null ? ApiUsage.none() : usage;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
