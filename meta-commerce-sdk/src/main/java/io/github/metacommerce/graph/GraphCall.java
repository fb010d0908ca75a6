package io.github.metacommerce.graph;

import io.github.metacommerce.exception.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one HTTP attempt against the Graph API did, reported to a {@link GraphCallListener}. It never contains a
 * token, a secret or a query string.
 */
public final class GraphCall {
    private final HttpMethod method;
    private final String path;
    private final int attempt;
    private final int httpStatus;
    private final Duration duration;
    private final ApiUsage usage;
    private final Optional<ErrorCategory> failure;

    /** Validates the components. */
    private GraphCall(
            HttpMethod method,
            String path,
            int attempt,
            int httpStatus,
            Duration duration,
            ApiUsage usage,
            Optional<ErrorCategory> failure) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(failure, "failure");
        this.method = method;
        this.path = path;
        this.attempt = attempt;
        this.httpStatus = httpStatus;
        this.duration = duration;
        this.usage = usage;
        this.failure = failure;
    }

    /**
     * Creates a {@code GraphCall}.
     *
     * @param method the HTTP method
     * @param path the path with version and without query, e.g. {@code /v27.0/123/items_batch}
     * @param attempt the attempt number, 1 for the first
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param duration how long the attempt took
     * @param usage the parsed usage headers ({@link ApiUsage#none()} without a response)
     * @param failure the category of the failure, empty on success
     * @return the value
     */
    public static GraphCall of(
            HttpMethod method,
            String path,
            int attempt,
            int httpStatus,
            Duration duration,
            ApiUsage usage,
            Optional<ErrorCategory> failure) {
        return new GraphCall(method, path, attempt, httpStatus, duration, usage, failure);
    }

    /**
     * Returns the HTTP method.
     *
     * @return the HTTP method
     */
    public HttpMethod method() {
        return method;
    }

    /**
     * Returns the path with version and without query, e.g. {@code /v27.0/123/items_batch}.
     *
     * @return the path with version and without query, e.g. {@code /v27.0/123/items_batch}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the attempt number, 1 for the first.
     *
     * @return the attempt number, 1 for the first
     */
    public int attempt() {
        return attempt;
    }

    /**
     * Returns the HTTP status, or 0 when no response arrived.
     *
     * @return the HTTP status, or 0 when no response arrived
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns how long the attempt took.
     *
     * @return how long the attempt took
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Returns the parsed usage headers ({@link ApiUsage#none()} without a response).
     *
     * @return the parsed usage headers ({@link ApiUsage#none()} without a response)
     */
    public ApiUsage usage() {
        return usage;
    }

    /**
     * Returns the category of the failure, empty on success.
     *
     * @return the category of the failure, empty on success
     */
    public Optional<ErrorCategory> failure() {
        return failure;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GraphCall that)) {
            return false;
        }
        return Objects.equals(method, that.method)
                && Objects.equals(path, that.path)
                && attempt == that.attempt
                && httpStatus == that.httpStatus
                && Objects.equals(duration, that.duration)
                && Objects.equals(usage, that.usage)
                && Objects.equals(failure, that.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, attempt, httpStatus, duration, usage, failure);
    }

    @Override
    public String toString() {
        return "GraphCall[method=" + method
                + ", path=" + path
                + ", attempt=" + attempt
                + ", httpStatus=" + httpStatus
                + ", duration=" + duration
                + ", usage=" + usage
                + ", failure=" + failure + "]";
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
