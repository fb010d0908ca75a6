package io.github.metacommerce.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * Meta's error object as sent in an error response, plus the HTTP status it came with.
 *
 * @param httpStatus HTTP status of the response
 * @param message {@code error.message} (token-free; empty when absent)
 * @param type {@code error.type}, e.g. {@code OAuthException}
 * @param code {@code error.code}, 0 when absent
 * @param subcode {@code error.error_subcode}
 * @param userTitle {@code error.error_user_title}
 * @param userMessage {@code error.error_user_msg}
 * @param fbtraceId {@code error.fbtrace_id}
 * @param isTransient {@code error.is_transient}
 */
public record GraphError(
        int httpStatus,
        String message,
        Optional<String> type,
        int code,
        Optional<Integer> subcode,
        Optional<String> userTitle,
        Optional<String> userMessage,
        Optional<String> fbtraceId,
        boolean isTransient) {

    /** Validates the components. */
    public GraphError {
        message = message == null ? "" : message;
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subcode, "subcode");
        Objects.requireNonNull(userTitle, "userTitle");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(fbtraceId, "fbtraceId");
    }
}
