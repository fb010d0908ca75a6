package io.github.metacommerce.exception;

/**
 * Meta (or something in between, such as a proxy) answered with a body that is not the JSON expected: an HTML
 * error page, an empty body, truncated JSON, or JSON of the wrong shape. The message gives the HTTP status and a
 * short, token-free snippet of the body.
 *
 * <p>Category {@link ErrorCategory#NETWORK} for 5xx statuses (a gateway page) and retryable then; otherwise
 * {@link ErrorCategory#UNKNOWN}.
 */
public final class GraphResponseParseException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String snippet;

    /**
     * Creates the exception.
     *
     * @param problem what was wrong, e.g. "not JSON"
     * @param httpStatus the HTTP status
     * @param snippet a short, token-free excerpt of the body
     * @param cause the parser's exception, or {@code null}
     */
    public GraphResponseParseException(String problem, int httpStatus, String snippet, Throwable cause) {
        super(problem + "; http_status=" + httpStatus + "; body=\"" + snippet + "\"",
                httpStatus >= 500 ? ErrorCategory.NETWORK : ErrorCategory.UNKNOWN, cause);
        this.httpStatus = httpStatus;
        this.snippet = snippet;
    }

    /**
     * Returns the HTTP status of the response.
     *
     * @return the status
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the start of the body, with secrets removed and whitespace collapsed.
     *
     * @return the snippet, at most a couple of hundred characters
     */
    public String snippet() {
        return snippet;
    }

    @Override
    public boolean isRetryable() {
        return httpStatus >= 500;
    }
}
