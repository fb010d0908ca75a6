package io.github.metacommerce.internal;

import io.github.metacommerce.graph.HttpMethod;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Graph call to make: method, where, parameters and credentials.
 *
 * @param method the HTTP method
 * @param path the path without version (ignored when {@code absolute} is present)
 * @param absolute an absolute URL to call instead, already free of credentials (paging links)
 * @param params parameters: query string for GET and DELETE, form body for POST
 * @param token the access token, or {@code null} for calls authenticated by the app secret alone
 * @param context what the call addresses
 * @param retryable whether transient failures are retried
 */
public record GraphCallSpec(
        HttpMethod method,
        String path,
        Optional<URI> absolute,
        Map<String, String> params,
        String token,
        ErrorContext context,
        boolean retryable) {

    /** Copies the parameters. */
    public GraphCallSpec {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A call on a path; GETs are retryable.
     *
     * @param method the method
     * @param path the path without version
     * @param params the parameters
     * @param token the token, may be null
     * @param context the context
     * @return the spec
     */
    public static GraphCallSpec of(
            HttpMethod method, String path, Map<String, String> params, String token, ErrorContext context) {
        return new GraphCallSpec(method, path, Optional.empty(), params, token, context, method == HttpMethod.GET);
    }

    /**
     * The same call at an absolute URL (a paging link).
     *
     * @param uri the URL, credentials removed
     * @return the spec
     */
    public GraphCallSpec at(URI uri) {
        return new GraphCallSpec(method, path, Optional.of(uri), Map.of(), token, context, retryable);
    }
}
