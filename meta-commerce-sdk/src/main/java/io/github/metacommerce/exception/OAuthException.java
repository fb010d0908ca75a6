package io.github.metacommerce.exception;

import java.util.Optional;

/**
 * The access token was refused: invalid, expired, revoked, or the user must act (codes 102 and 190).
 * Category {@link ErrorCategory#AUTH}; never retryable. The merchant has to connect again.
 */
public final class OAuthException extends GraphApiException {
    private static final long serialVersionUID = 1L;

    /** Why Meta refused the token, from code 190's subcodes. */
    public enum Reason {
        /** 458: the user removed the app. */
        APP_NOT_INSTALLED,
        /** 459: the user must log in at facebook.com to pass a security checkpoint. */
        USER_CHECKPOINTED,
        /** 460: the user changed the password. */
        PASSWORD_CHANGED,
        /** 463: the token expired. */
        EXPIRED,
        /** 464: the user is not confirmed. */
        UNCONFIRMED_USER,
        /** 467: the token is invalid (logged out, revoked). */
        INVALID_TOKEN,
        /** 452: session mismatch. */
        SESSION_MISMATCH,
        /** 465: sessions not allowed (wrong business, or a deleted system user). */
        SESSIONS_NOT_ALLOWED,
        /** 492: invalid Page session. */
        INVALID_PAGE_SESSION,
        /** Any other subcode, or none. */
        OTHER;

        static Reason ofSubcode(Optional<Integer> subcode) {
            if (subcode.isEmpty()) {
                return OTHER;
            }
            switch (subcode.get()) {
                case 452: return SESSION_MISMATCH;
                case 458: return APP_NOT_INSTALLED;
                case 459: return USER_CHECKPOINTED;
                case 460: return PASSWORD_CHANGED;
                case 463: return EXPIRED;
                case 464: return UNCONFIRMED_USER;
                case 465: return SESSIONS_NOT_ALLOWED;
                case 467: return INVALID_TOKEN;
                case 492: return INVALID_PAGE_SESSION;
                default: return OTHER;
            }
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param error the error object
     */
    public OAuthException(GraphError error) {
        super(error, ErrorCategory.AUTH);
        this.reason = Reason.ofSubcode(error.subcode());
    }

    /**
     * Returns why the token was refused.
     *
     * @return the reason derived from the subcode
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
