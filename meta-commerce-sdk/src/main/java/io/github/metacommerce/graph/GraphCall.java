package io.github.metacommerce.graph;

import io.github.metacommerce.exception.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one HTTP attempt against the Graph API did, reported to a {@link GraphCallListener}. It never contains a
 * token, a secret or a query string.
 *
 * @param method the HTTP method
 * @param path the path with version and without query, e.g. {@code /v27.0/123/items_batch}
 * @param attempt the attempt number, 1 for the first
 * @param httpStatus the HTTP status, or 0 when no response arrived
 * @param duration how long the attempt took
 * @param usage the parsed usage headers ({@link ApiUsage#none()} without a response)
 * @param failure the category of the failure, empty on success
 */
public record GraphCall(
        HttpMethod method,
        String path,
        int attempt,
        int httpStatus,
        Duration duration,
        ApiUsage usage,
        Optional<ErrorCategory> failure) {

    /** Validates the components. */
    public GraphCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * Returns whether the attempt succeeded.
     *
     * @return {@code true} for a 2xx response with a readable body
     */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
