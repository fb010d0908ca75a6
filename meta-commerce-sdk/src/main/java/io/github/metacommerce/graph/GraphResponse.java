package io.github.metacommerce.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful Graph API response: the decoded body plus what the headers tell about it.
 *
 * @param <T> the body type
 */
public final class GraphResponse<T> {
    private final T body;
    private final int httpStatus;
    private final ApiUsage usage;
    private final Optional<String> apiVersion;
    private final Optional<String> traceId;

    /** Validates the components. */
    private GraphResponse(
            T body,
            int httpStatus,
            ApiUsage usage,
            Optional<String> apiVersion,
            Optional<String> traceId) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(traceId, "traceId");
        this.body = body;
        this.httpStatus = httpStatus;
        this.usage = usage;
        this.apiVersion = apiVersion;
        this.traceId = traceId;
    }

    /**
     * Creates a {@code GraphResponse}.
     *
     * @param body the decoded body
     * @param httpStatus the HTTP status (2xx)
     * @param usage the parsed rate-limit usage headers
     * @param apiVersion the version that served the call ({@code facebook-api-version} header), if sent
     * @param traceId Meta's {@code x-fb-trace-id} header, for bug reports, if sent
     * @return the value
     */
    public static <T> GraphResponse<T> of(
            T body,
            int httpStatus,
            ApiUsage usage,
            Optional<String> apiVersion,
            Optional<String> traceId) {
        return new GraphResponse<>(body, httpStatus, usage, apiVersion, traceId);
    }

    /**
     * Returns the decoded body.
     *
     * @return the decoded body
     */
    public T body() {
        return body;
    }

    /**
     * Returns the HTTP status (2xx).
     *
     * @return the HTTP status (2xx)
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the parsed rate-limit usage headers.
     *
     * @return the parsed rate-limit usage headers
     */
    public ApiUsage usage() {
        return usage;
    }

    /**
     * Returns the version that served the call ({@code facebook-api-version} header), if sent.
     *
     * @return the version that served the call ({@code facebook-api-version} header), if sent
     */
    public Optional<String> apiVersion() {
        return apiVersion;
    }

    /**
     * Returns meta's {@code x-fb-trace-id} header, for bug reports, if sent.
     *
     * @return Meta's {@code x-fb-trace-id} header, for bug reports, if sent
     */
    public Optional<String> traceId() {
        return traceId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GraphResponse<?> that)) {
            return false;
        }
        return Objects.equals(body, that.body)
                && httpStatus == that.httpStatus
                && Objects.equals(usage, that.usage)
                && Objects.equals(apiVersion, that.apiVersion)
                && Objects.equals(traceId, that.traceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(body, httpStatus, usage, apiVersion, traceId);
    }

    @Override
    public String toString() {
        return "GraphResponse[body=" + body
                + ", httpStatus=" + httpStatus
                + ", usage=" + usage
                + ", apiVersion=" + apiVersion
                + ", traceId=" + traceId + "]";
    }
}
