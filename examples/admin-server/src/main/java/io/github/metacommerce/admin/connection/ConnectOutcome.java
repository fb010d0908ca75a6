package io.github.metacommerce.admin.connection;

import java.util.Map;

/**
 * The codes the OAuth callback redirects with ({@code ?success=connected} or {@code ?error=<code>}), and what
 * the pages say for each. A code, never Meta's raw text, goes into the URL.
 */
public final class ConnectOutcome {
    /** The merchant pressed Cancel in Meta's dialog, or Meta refused. */
    public static final String ACCESS_DENIED = "access_denied";
    /** The state was forged, altered or missing. */
    public static final String INVALID_STATE = "invalid_state";
    /** The merchant took longer than the state's lifetime. */
    public static final String STATE_EXPIRED = "state_expired";
    /** The callback was opened a second time. */
    public static final String STATE_REPLAYED = "state_replayed";
    /** The state belongs to a store the signed-in user is not a member of (or may not connect). */
    public static final String FOREIGN_STORE = "foreign_store";
    /** The request did not come from Meta's dialog. */
    public static final String INVALID_CALLBACK = "invalid_callback";
    /** Exchanging the code or the token failed at Meta. */
    public static final String EXCHANGE_FAILED = "exchange_failed";
    /** Meta reports the new token invalid or issued for another app. */
    public static final String TOKEN_INVALID = "token_invalid";

    private static final Map<String, String> ERRORS = Map.of(
            ACCESS_DENIED, "The connection was cancelled in Facebook's dialog. Nothing was changed; connect again "
                    + "when you are ready.",
            INVALID_STATE, "This connection link is not valid (it was altered or is incomplete). Start again with "
                    + "\"Connect with Facebook\".",
            STATE_EXPIRED, "This connection link expired. Start again with \"Connect with Facebook\".",
            STATE_REPLAYED, "This connection link was already used (a reload or the back button). Start again with "
                    + "\"Connect with Facebook\" if the store is not connected.",
            FOREIGN_STORE, "This connection was started for a store you may not connect. Sign in as an owner of "
                    + "that store and start again.",
            INVALID_CALLBACK, "Facebook's answer was incomplete. Start again with \"Connect with Facebook\".",
            EXCHANGE_FAILED, "Facebook could not complete the connection (the code could not be exchanged for a "
                    + "token). Try again in a minute; if it keeps failing, check the app's settings.",
            TOKEN_INVALID, "Facebook returned a token that is not valid for this app. Try again; if it keeps "
                    + "failing, check that META_APP_ID is the app you log in with.");

    private ConnectOutcome() {
    }

    /**
     * What a page says for an error code.
     *
     * @param code the code from the URL (untrusted)
     * @return the message; a generic one for an unknown code
     */
    public static String errorMessage(String code) {
        return ERRORS.getOrDefault(code, "The connection did not complete. Start again with \"Connect with "
                + "Facebook\".");
    }

    /**
     * What a page says for a success code.
     *
     * @param code the code from the URL (untrusted)
     * @return the message
     */
    public static String successMessage(String code) {
        return switch (code) {
            case "connected" -> "Connected to Meta. Next, select your business and catalog.";
            case "disconnected" -> "Disconnected from Meta. The token was deleted.";
            default -> "Done.";
        };
    }
}
