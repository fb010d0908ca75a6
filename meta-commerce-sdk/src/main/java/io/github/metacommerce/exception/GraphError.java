package io.github.metacommerce.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * Meta's error object as sent in an error response, plus the HTTP status it came with.
 */
public final class GraphError {
    private final int httpStatus;
    private final String message;
    private final Optional<String> type;
    private final int code;
    private final Optional<Integer> subcode;
    private final Optional<String> userTitle;
    private final Optional<String> userMessage;
    private final Optional<String> fbtraceId;
    private final boolean isTransient;

    /** Validates the components. */
    private GraphError(
            int httpStatus,
            String message,
            Optional<String> type,
            int code,
            Optional<Integer> subcode,
            Optional<String> userTitle,
            Optional<String> userMessage,
            Optional<String> fbtraceId,
            boolean isTransient) {
        message = message == null ? "" : message;
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subcode, "subcode");
        Objects.requireNonNull(userTitle, "userTitle");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(fbtraceId, "fbtraceId");
        this.httpStatus = httpStatus;
        this.message = message;
        this.type = type;
        this.code = code;
        this.subcode = subcode;
        this.userTitle = userTitle;
        this.userMessage = userMessage;
        this.fbtraceId = fbtraceId;
        this.isTransient = isTransient;
    }

    /**
     * Creates a {@code GraphError}.
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
     * @return the value
     */
    public static GraphError of(
            int httpStatus,
            String message,
            Optional<String> type,
            int code,
            Optional<Integer> subcode,
            Optional<String> userTitle,
            Optional<String> userMessage,
            Optional<String> fbtraceId,
            boolean isTransient) {
        return new GraphError(httpStatus, message, type, code, subcode, userTitle, userMessage, fbtraceId, isTransient);
    }

    /**
     * Returns hTTP status of the response.
     *
     * @return HTTP status of the response
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns {@code error.message} (token-free; empty when absent).
     *
     * @return {@code error.message} (token-free; empty when absent)
     */
    public String message() {
        return message;
    }

    /**
     * Returns {@code error.type}, e.g. {@code OAuthException}.
     *
     * @return {@code error.type}, e.g. {@code OAuthException}
     */
    public Optional<String> type() {
        return type;
    }

    /**
     * Returns {@code error.code}, 0 when absent.
     *
     * @return {@code error.code}, 0 when absent
     */
    public int code() {
        return code;
    }

    /**
     * Returns {@code error.error_subcode}.
     *
     * @return {@code error.error_subcode}
     */
    public Optional<Integer> subcode() {
        return subcode;
    }

    /**
     * Returns {@code error.error_user_title}.
     *
     * @return {@code error.error_user_title}
     */
    public Optional<String> userTitle() {
        return userTitle;
    }

    /**
     * Returns {@code error.error_user_msg}.
     *
     * @return {@code error.error_user_msg}
     */
    public Optional<String> userMessage() {
        return userMessage;
    }

    /**
     * Returns {@code error.fbtrace_id}.
     *
     * @return {@code error.fbtrace_id}
     */
    public Optional<String> fbtraceId() {
        return fbtraceId;
    }

    /**
     * Returns {@code error.is_transient}.
     *
     * @return {@code error.is_transient}
     */
    public boolean isTransient() {
        return isTransient;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GraphError that)) {
            return false;
        }
        return httpStatus == that.httpStatus
                && Objects.equals(message, that.message)
                && Objects.equals(type, that.type)
                && code == that.code
                && Objects.equals(subcode, that.subcode)
                && Objects.equals(userTitle, that.userTitle)
                && Objects.equals(userMessage, that.userMessage)
                && Objects.equals(fbtraceId, that.fbtraceId)
                && isTransient == that.isTransient;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                httpStatus,
                message,
                type,
                code,
                subcode,
                userTitle,
                userMessage,
                fbtraceId,
                isTransient);
    }

    @Override
    public String toString() {
        return "GraphError[httpStatus=" + httpStatus
                + ", message=" + message
                + ", type=" + type
                + ", code=" + code
                + ", subcode=" + subcode
                + ", userTitle=" + userTitle
                + ", userMessage=" + userMessage
                + ", fbtraceId=" + fbtraceId
                + ", isTransient=" + isTransient + "]";
    }
}
