package io.github.metacommerce.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request for the raw escape hatch {@link GraphClient#raw(GraphRequest)}: any Graph path and parameters the SDK
 * does not model yet. The SDK still adds the version, the token header and {@code appsecret_proof}, maps errors
 * and retries GETs.
 *
 * <pre>{@code
 * GraphResponse<JsonNode> r = graph.raw(GraphRequest.get(catalogId + "/diagnostics")
 *         .param("severities", "[\"MUST_FIX\"]")
 *         .build());
 * }</pre>
 *
 * <p>Parameters go into the query string for GET and DELETE and into a form body for POST. The token must not be
 * passed as a parameter: {@code access_token}, {@code appsecret_proof} and {@code appsecret_time} are refused.
 */
public final class GraphRequest {
    private static final Set<String> RESERVED = Set.of("access_token", "appsecret_proof", "appsecret_time");

    private final HttpMethod method;
    private final String path;
    private final Map<String, String> params;

    private GraphRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    }

    /**
     * Starts a GET request.
     *
     * @param path the node or edge path without version, e.g. {@code "123/products"}
     * @return a builder
     */
    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    /**
     * Starts a POST request.
     *
     * @param path the node or edge path without version
     * @return a builder
     */
    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    /**
     * Starts a DELETE request.
     *
     * @param path the node or edge path without version
     * @return a builder
     */
    public static Builder delete(String path) {
        return new Builder(HttpMethod.DELETE, path);
    }

    /**
     * Returns the HTTP method.
     *
     * @return the method
     */
    public HttpMethod method() {
        return method;
    }

    /**
     * Returns the path without version and without leading slash.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns the parameters in insertion order.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> params() {
        return params;
    }

    @Override
    public String toString() {
        return method + " /" + path + " " + params.keySet();
    }

    /** Builds a {@link GraphRequest}. */
    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder(HttpMethod method, String path) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("path must not be null or blank, e.g. \"me/businesses\"");
            }
            String p = path.strip();
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            if (p.contains("?") || p.contains("://")) {
                throw new IllegalArgumentException(
                        "path must be a Graph path such as \"123/products\", without host or query; pass "
                                + "parameters with param(..), was: " + path);
            }
            this.method = method;
            this.path = p;
        }

        /**
         * Adds a parameter; a second call with the same name replaces the first.
         *
         * @param name the parameter name
         * @param value the value, already JSON-encoded where Meta expects JSON
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or reserved for the SDK's credentials
         */
        public Builder param(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("param name must not be null or blank");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("param '" + name + "' is added by the SDK: the token travels in "
                        + "the Authorization header, never as a parameter");
            }
            if (value == null) {
                throw new IllegalArgumentException("param '" + name + "' must not have a null value");
            }
            params.put(name, value);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public GraphRequest build() {
            return new GraphRequest(this);
        }
    }
}
