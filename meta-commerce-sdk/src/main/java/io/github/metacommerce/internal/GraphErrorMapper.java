package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphApiException;
import io.github.metacommerce.exception.GraphError;
import io.github.metacommerce.exception.InvalidRequestException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.graph.ApiUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where Meta's error object and HTTP status become an SDK exception. Codes follow Meta's
 * error-handling and rate-limiting references (see docs/meta-graph-api.md, sections 7 and 8).
 */
public final class GraphErrorMapper {
    /** Throttling codes: app (4), user (17), Pages (32), application limit (341), custom (613), BUC 80000-80014. */
    private static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 32, 341, 613);
    private static final int BUC_THROTTLE_MIN = 80000;
    private static final int BUC_THROTTLE_MAX = 80014;
    /** Code 100 subcode 33: "object does not exist, cannot be loaded due to missing permissions". */
    private static final int SUBCODE_OBJECT_NOT_FOUND = 33;

    private GraphErrorMapper() {
    }

    /**
     * Reads Meta's error object.
     *
     * @param status the HTTP status
     * @param error the {@code error} node
     * @param redactor removes secrets from Meta's texts
     * @return the parsed error
     */
    public static GraphError parse(int status, JsonNode error, Redactor redactor) {
        if (error.isTextual()) {
            // OAuth-style {"error":"invalid_request","error_description":"..."}: keep the text as message
            return GraphError.of(status, redactor.redact(error.asText()), Optional.empty(), 0, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
        JsonNode transientNode = error.get("is_transient");
        return GraphError.of(
                status,
                redactor.redact(Json.text(error, "message").orElse("")),
                Json.text(error, "type"),
                Json.number(error, "code").map(Long::intValue).orElse(0),
                Json.number(error, "error_subcode").map(Long::intValue),
                Json.text(error, "error_user_title").map(redactor::redact),
                Json.text(error, "error_user_msg").map(redactor::redact),
                Json.text(error, "fbtrace_id"),
                transientNode != null && transientNode.asBoolean(false));
    }

    /**
     * Maps an error object to the exception for it.
     *
     * @param error the parsed error
     * @param usage the usage headers of the response
     * @param retryAfterHeader the {@code Retry-After} header in seconds, if any
     * @param context what the call addressed
     * @return the exception to throw
     */
    public static GraphApiException toException(
            GraphError error, ApiUsage usage, Optional<Duration> retryAfterHeader, ErrorContext context) {
        int code = error.code();
        if (isThrottle(code) || error.httpStatus() == 429) {
            Duration wait = usage.longestWaitToRegainAccess().or(() -> retryAfterHeader).orElse(null);
            return new RateLimitException(error, usage, wait);
        }
        if (code == 102 || code == 190) {
            return new OAuthException(error);
        }
        if (code == 3 || code == 10 || (code >= 200 && code <= 299)) {
            return new PermissionException(error);
        }
        if (context == ErrorContext.CATALOG && (code == 803
                || (code == 100 && error.subcode().orElse(0) == SUBCODE_OBJECT_NOT_FOUND)
                || (code == 0 && error.httpStatus() == 404))) {
            return new CatalogAccessException(error);
        }
        if (code == 100) {
            return new InvalidRequestException(error, ErrorCategory.UNKNOWN);
        }
        return new GraphApiException(error, ErrorCategory.UNKNOWN);
    }

    /**
     * Returns whether a code means throttling.
     *
     * @param code Meta's error code
     * @return whether it is a rate-limit code
     */
    public static boolean isThrottle(int code) {
        return THROTTLE_CODES.contains(code) || (code >= BUC_THROTTLE_MIN && code <= BUC_THROTTLE_MAX);
    }
}
