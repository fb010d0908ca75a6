package io.github.metacommerce.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Graph API error answer: Meta's error object and HTTP status, thrown inside handlers. */
final class GraphFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final int code;
    final Integer subcode;
    final String type;
    final boolean isTransient;
    final Map<String, String> headers = new LinkedHashMap<>();

    GraphFailure(int status, int code, Integer subcode, String type, String message, boolean isTransient) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.isTransient = isTransient;
    }

    GraphFailure header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static GraphFailure invalidParameter(String message) {
        return new GraphFailure(400, 100, null, "OAuthException", "(#100) " + message, false);
    }

    static GraphFailure unknownObject(String id) {
        return new GraphFailure(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '"
                + id + "' does not exist, cannot be loaded due to missing permissions, or does not support this "
                + "operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                false);
    }

    static GraphFailure unsupportedPath(String method, String path) {
        return new GraphFailure(400, 100, null, "GraphMethodException", "Unsupported " + method.toLowerCase(
                java.util.Locale.ROOT) + " request: " + path, false);
    }

    static GraphFailure permission(String permission) {
        return new GraphFailure(403, 200, null, "OAuthException", "(#200) Requires " + permission
                + " permission to manage the object", false);
    }

    static GraphFailure invalidToken() {
        return new GraphFailure(400, 190, null, "OAuthException",
                "Invalid OAuth access token - Cannot parse access token", false);
    }

    static GraphFailure noToken() {
        return new GraphFailure(400, 2500, null, "OAuthException",
                "An active access token must be used to query information about the current user.", false);
    }
}
