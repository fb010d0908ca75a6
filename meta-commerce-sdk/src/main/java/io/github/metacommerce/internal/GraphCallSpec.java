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
 * @param params parameters: query string for GET and DELETE, form body for POST; with a {@code jsonBody}, string
 *        fields added to it
 * @param token the access token, or {@code null} for calls authenticated by the app secret alone
 * @param context what the call addresses
 * @param retryable whether transient failures are retried
 * @param jsonBody for a POST sent as {@code application/json}: the body's UTF-8 bytes without the closing
 *        {@code }}, so that the transport can add {@code appsecret_proof} and {@code params} as fields;
 *        {@code null} for a form or no body
 */
public record GraphCallSpec(
        HttpMethod method,
        String path,
        Optional<URI> absolute,
        Map<String, String> params,
        String token,
        ErrorContext context,
        boolean retryable,
        byte[] jsonBody) {

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
        return new GraphCallSpec(method, path, Optional.empty(), params, token, context, method == HttpMethod.GET,
                null);
    }

    /**
     * A POST whose body is a JSON object (not retried).
     *
     * @param path the path without version
     * @param openJsonObject the body's UTF-8 bytes: a JSON object with at least one field, without its closing
     *        brace; not copied
     * @param token the token
     * @param context the context
     * @return the spec
     */
    public static GraphCallSpec jsonPost(String path, byte[] openJsonObject, String token, ErrorContext context) {
        return new GraphCallSpec(HttpMethod.POST, path, Optional.empty(), Map.of(), token, context, false,
                java.util.Objects.requireNonNull(openJsonObject, "openJsonObject"));
    }

    /**
     * The same call at an absolute URL (a paging link).
     *
     * @param uri the URL, credentials removed
     * @return the spec
     */
    public GraphCallSpec at(URI uri) {
        return new GraphCallSpec(method, path, Optional.of(uri), Map.of(), token, context, retryable, null);
    }

    @Override
    public String toString() {
        return "GraphCallSpec[" + method + " " + absolute.map(URI::getRawPath).orElse(path) + ", params="
                + params.keySet() + (jsonBody == null ? "" : ", json body of " + jsonBody.length + " bytes") + "]";
    }
}
