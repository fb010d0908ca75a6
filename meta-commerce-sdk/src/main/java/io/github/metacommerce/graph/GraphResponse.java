package io.github.metacommerce.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful Graph API response: the decoded body plus what the headers tell about it.
 *
 * @param <T> the body type
 * @param body the decoded body
 * @param httpStatus the HTTP status (2xx)
 * @param usage the parsed rate-limit usage headers
 * @param apiVersion the version that served the call ({@code facebook-api-version} header), if sent
 * @param traceId Meta's {@code x-fb-trace-id} header, for bug reports, if sent
 */
public record GraphResponse<T>(
        T body, int httpStatus, ApiUsage usage, Optional<String> apiVersion, Optional<String> traceId) {

    /** Validates the components. */
    public GraphResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(traceId, "traceId");
    }
}
