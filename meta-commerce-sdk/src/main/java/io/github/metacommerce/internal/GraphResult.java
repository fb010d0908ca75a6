package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.GraphResponse;
import java.util.Optional;

/**
 * A successful call's decoded body and metadata.
 *
 * @param body the JSON body
 * @param status the HTTP status
 * @param usage the usage headers
 * @param apiVersion the {@code facebook-api-version} header
 * @param traceId the {@code x-fb-trace-id} header
 */
public record GraphResult(
        JsonNode body, int status, ApiUsage usage, Optional<String> apiVersion, Optional<String> traceId) {

    /**
     * Converts to the public response type.
     *
     * @return the response
     */
    public GraphResponse<JsonNode> toResponse() {
        return GraphResponse.of(body, status, usage, apiVersion, traceId);
    }
}
