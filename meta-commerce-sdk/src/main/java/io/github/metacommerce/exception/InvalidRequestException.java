package io.github.metacommerce.exception;

/**
 * Meta rejected a parameter or the object addressed (code 100 and its relatives): the request must change before it
 * can succeed. Never retryable.
 */
public final class InvalidRequestException extends GraphApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error object
     * @param category the category ({@link ErrorCategory#UNKNOWN} unless the caller knows better)
     */
    public InvalidRequestException(GraphError error, ErrorCategory category) {
        super(error, category);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
