package io.github.metacommerce.exception;

/**
 * The token is valid but lacks a permission or a role on the asset (codes 3, 10 and 200-299).
 * Category {@link ErrorCategory#PERMISSION}; never retryable.
 */
public final class PermissionException extends GraphApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error object
     */
    public PermissionException(GraphError error) {
        super(error, ErrorCategory.PERMISSION);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
