package io.github.metacommerce.exception;

import java.util.Optional;

/**
 * Meta answered with its error object ({@code {"error":{"message","type","code","error_subcode",...}}}).
 *
 * <p>The subclasses narrow the cause: {@link OAuthException}, {@link PermissionException},
 * {@link RateLimitException}, {@link InvalidRequestException} and {@link CatalogAccessException}. This class itself
 * covers every other code. The message reads {@code "<Meta's message>; code=190; subcode=463; type=OAuthException;
 * fbtrace_id=..."} so that one log line is enough for a bug report.
 */
public class GraphApiException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    private final GraphError error;

    /**
     * Creates the exception for an error object.
     *
     * @param error the parsed error object and HTTP status
     * @param category the category
     */
    public GraphApiException(GraphError error, ErrorCategory category) {
        super(describe(error), category, null);
        this.error = error;
    }

    /**
     * Returns the parsed error object.
     *
     * @return the error object, with HTTP status
     */
    public GraphError error() {
        return error;
    }

    /**
     * Returns the HTTP status of the response.
     *
     * @return the status, e.g. 400
     */
    public int httpStatus() {
        return error.httpStatus();
    }

    /**
     * Returns Meta's error code ({@code error.code}).
     *
     * @return the code, or 0 when Meta sent none
     */
    public int code() {
        return error.code();
    }

    /**
     * Returns Meta's error subcode ({@code error.error_subcode}).
     *
     * @return the subcode, if any
     */
    public Optional<Integer> subcode() {
        return error.subcode();
    }

    /**
     * Returns Meta's trace id, to quote in a bug report to Meta.
     *
     * @return the {@code fbtrace_id}, if any
     */
    public Optional<String> fbtraceId() {
        return error.fbtraceId();
    }

    /**
     * Returns the message Meta wrote for end users ({@code error_user_msg}), when there is one.
     *
     * @return the user-facing message, if any
     */
    public Optional<String> userMessage() {
        return error.userMessage();
    }

    @Override
    public boolean isRetryable() {
        return error.isTransient() || error.code() == 1 || error.code() == 2 || error.httpStatus() >= 500;
    }

    private static String describe(GraphError e) {
        StringBuilder b = new StringBuilder(e.message().isEmpty() ? "Graph API error" : e.message());
        b.append("; http_status=").append(e.httpStatus()).append("; code=").append(e.code());
        e.subcode().ifPresent(s -> b.append("; subcode=").append(s));
        e.type().ifPresent(t -> b.append("; type=").append(t));
        if (e.isTransient()) {
            b.append("; is_transient=true");
        }
        e.fbtraceId().ifPresent(t -> b.append("; fbtrace_id=").append(t));
        return b.toString();
    }
}
