package io.github.metacommerce.oauth;

import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.internal.FormEncoding;
import java.util.Map;
import java.util.Optional;

/**
 * What Meta sent back to the redirect URI: either an authorization {@link Authorized code} or the merchant's
 * {@link Denied refusal}. Parsing never yields a null code.
 *
 * <pre>{@code
 * OAuthCallback callback = OAuthCallback.parse(request.getQueryString());
 * if (callback instanceof OAuthCallback.Authorized ok) {
 *     stateCodec.verify(ok.state(), storeId);
 *     AccessToken token = client.oauth().exchangeCode(ok.code(), redirectUri);
 * } else if (callback instanceof OAuthCallback.Denied denied) {
 *     show("Connection cancelled: " + denied.description().orElse(denied.error()));
 * }
 * }</pre>
 */
public sealed interface OAuthCallback permits OAuthCallback.Authorized, OAuthCallback.Denied {

    /**
     * Returns the state Meta echoed back, to verify with {@link OAuthStateCodec#verify(String, String)}.
     *
     * @return the state, empty only for a denial without state
     */
    Optional<String> stateValue();

    /**
     * The merchant approved: a single-use code to exchange for a token.
     *
     * @param code the authorization code; keep it secret
     * @param state the state echoed back
     */
    record Authorized(String code, String state) implements OAuthCallback {
        @Override
        public Optional<String> stateValue() {
            return Optional.of(state);
        }

        @Override
        public String toString() {
            return "Authorized[code=****, state=" + state + "]";
        }
    }

    /**
     * The merchant cancelled, or Meta refused ({@code error}, {@code error_reason}, {@code error_description}).
     *
     * @param error Meta's error, e.g. {@code access_denied}
     * @param reason Meta's reason, e.g. {@code user_denied}
     * @param description Meta's description for people
     * @param state the state echoed back, when present
     */
    record Denied(String error, Optional<String> reason, Optional<String> description, Optional<String> state)
            implements OAuthCallback {
        @Override
        public Optional<String> stateValue() {
            return state;
        }
    }

    /**
     * Parses the raw query string of the callback request.
     *
     * @param rawQuery e.g. {@code code=AQB...&state=v1....}
     * @return the callback
     * @throws IllegalArgumentException if it carries neither {@code code} nor {@code error}
     * @throws OAuthStateException with reason MALFORMED if a code arrives without state
     */
    static OAuthCallback parse(String rawQuery) {
        return from(FormEncoding.decode(rawQuery == null ? "" : rawQuery.startsWith("?")
                ? rawQuery.substring(1) : rawQuery));
    }

    /**
     * Parses the callback's parameters, already decoded.
     *
     * @param params the query parameters
     * @return the callback
     * @throws IllegalArgumentException if they carry neither {@code code} nor {@code error}
     * @throws OAuthStateException with reason MALFORMED if a code arrives without state
     */
    static OAuthCallback from(Map<String, String> params) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        Optional<String> state = nonBlank(params.get("state"));
        Optional<String> error = nonBlank(params.get("error"));
        if (error.isPresent()) {
            return new Denied(error.get(), nonBlank(params.get("error_reason")),
                    nonBlank(params.get("error_description")), state);
        }
        Optional<String> code = nonBlank(params.get("code"));
        if (code.isEmpty()) {
            throw new IllegalArgumentException(
                    "OAuth callback has neither a 'code' nor an 'error' parameter; it did not come from Meta's dialog");
        }
        if (state.isEmpty()) {
            throw new OAuthStateException(OAuthStateException.Reason.MALFORMED,
                    "OAuth callback has a code but no 'state' parameter; refusing it (possible CSRF)");
        }
        return new Authorized(code.get(), state.get());
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
