package io.github.metacommerce.exception;

import java.util.Optional;

/**
 * The merchant cancelled Meta's login dialog, or Meta refused the connection: the callback carried
 * {@code error}, {@code error_reason} and {@code error_description} instead of a code. Category
 * {@link ErrorCategory#AUTH}; never retryable: the merchant must start the connection again if they want to.
 */
public final class OAuthDeniedException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String reason;
    private final String description;

    /**
     * Creates the exception.
     *
     * @param error Meta's {@code error}, e.g. {@code access_denied}
     * @param reason Meta's {@code error_reason}, e.g. {@code user_denied}; {@code null} when absent
     * @param description Meta's {@code error_description}; {@code null} when absent
     */
    public OAuthDeniedException(String error, String reason, String description) {
        super("The merchant did not connect the store to Meta (" + error + (reason == null ? "" : ": " + reason)
                + ")", ErrorCategory.AUTH, null);
        this.error = error;
        this.reason = reason;
        this.description = description;
    }

    /**
     * Returns Meta's error.
     *
     * @return e.g. {@code access_denied}
     */
    public String error() {
        return error;
    }

    /**
     * Returns Meta's reason for the error.
     *
     * @return e.g. {@code user_denied} when the merchant pressed Cancel; empty when Meta gave none
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Returns Meta's description for people.
     *
     * @return e.g. {@code Permissions error}; empty when Meta gave none
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
