package io.github.metacommerce.exception;

/**
 * The catalog addressed does not exist or cannot be reached with this token (code 100 subcode 33, code 803, or
 * HTTP 404 on a catalog call). Category {@link ErrorCategory#CATALOG}; never retryable: pick another catalog or
 * ask the business admin to assign it.
 */
public final class CatalogAccessException extends GraphApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error object
     */
    public CatalogAccessException(GraphError error) {
        super(error, ErrorCategory.CATALOG);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
