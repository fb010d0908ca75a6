package io.github.metacommerce.exception;

/**
 * An OAuth {@code state} value failed verification. {@link #reason()} says how, so the callback handler can show
 * "the link expired, start again" rather than a generic error. Category {@link ErrorCategory#AUTH}; never
 * retryable: the merchant must start the connection again.
 */
public final class OAuthStateException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    /** How a state failed verification. */
    public enum Reason {
        /** Missing, or not in the SDK's format (possibly truncated). */
        MALFORMED,
        /** The signature does not match the payload: forged or tampered with. */
        BAD_SIGNATURE,
        /** Older than its time to live. */
        EXPIRED,
        /** Already used once. */
        REPLAYED,
        /** Issued for another store than the one completing the flow. */
        WRONG_STORE
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason how verification failed
     * @param message a description that contains no part of the key
     */
    public OAuthStateException(Reason reason, String message) {
        super(message, ErrorCategory.AUTH, null);
        this.reason = reason;
    }

    /**
     * Returns how verification failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
