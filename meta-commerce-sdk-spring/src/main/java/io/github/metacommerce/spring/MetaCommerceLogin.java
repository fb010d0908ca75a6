package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.exception.OAuthDeniedException;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.OAuthCallback;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.VerifiedState;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth connection of a store in two calls, from {@code meta.commerce.oauth.*}: the login URL with a signed
 * state, and the callback that verifies it and returns the store and its long-lived token.
 *
 * <pre>{@code
 * if (!access.mayConnect(user, storeId)) return forbidden();           // your own check, then
 * return "redirect:" + login.loginUrl(storeId);                       // "Connect to Meta"
 *
 * StoreConnection c = login.complete(request.getQueryString());       // the redirect URI's handler
 * if (!access.mayConnect(user, c.storeId())) return forbidden();       // the same check again
 * tokens.save(c.storeId(), c.token());
 * }</pre>
 *
 * <h2>The store must be one the signed-in user may connect</h2>
 * The SDK signs the store id into the state, but it cannot know who may connect which store: that is the
 * application's rule. Check it twice. Before {@link #loginUrl(String)}, take the store from the authenticated
 * user (or check that the user may manage the store asked for); never issue a login URL for a store id taken from
 * the request alone, or anyone could start a connection for another merchant's store and attach their own Meta
 * catalog to it. In the callback, check again that the signed-in user may connect the store, with
 * {@link StoreConnection#storeId()} after {@link #complete(String)} (dropping the token if not), or by passing the
 * store the session knows to {@link #complete(String, String)}, which refuses a state issued for another store; a
 * valid state alone proves only that the SDK issued it, not that this user may use it.
 *
 * <h2>What a callback can meet</h2>
 * All are unchecked; none is retryable, so the page should offer "Connect to Meta" again.
 * <ul>
 *   <li>The merchant pressed Cancel, or Meta refused: {@link OAuthDeniedException}, {@code reason()}
 *       {@code "user_denied"} (Meta's {@code error_reason}), {@code error()} {@code "access_denied"}. Not an
 *       error of the app: show "Connection cancelled".</li>
 *   <li>The state is forged or altered: {@link io.github.metacommerce.exception.OAuthStateException} with
 *       {@code reason()} {@code BAD_SIGNATURE}; missing, truncated or not the SDK's format: {@code MALFORMED}
 *       (also a code without a state).</li>
 *   <li>The merchant took longer than {@code meta.commerce.oauth.state-ttl}: {@code OAuthStateException}
 *       {@code EXPIRED}.</li>
 *   <li>The callback URL was opened twice (reload, back button, a replayed link): {@code OAuthStateException}
 *       {@code REPLAYED}.</li>
 *   <li>{@link #complete(String, String)} only: the state belongs to another store: {@code OAuthStateException}
 *       {@code WRONG_STORE}.</li>
 *   <li>A request that did not come from Meta's dialog (neither {@code code} nor {@code error}):
 *       {@link IllegalArgumentException}.</li>
 *   <li>The code or token exchange failed: a {@link io.github.metacommerce.exception.MetaCommerceException}
 *       from Meta's answer, e.g. {@link io.github.metacommerce.exception.InvalidRequestException} for a used or
 *       expired code, {@link io.github.metacommerce.exception.OAuthException} (with its own {@code reason()}) for
 *       a refused app secret, {@link io.github.metacommerce.exception.GraphTransportException} when Meta could not
 *       be reached.</li>
 * </ul>
 * The state and denial cases are the browser's request going wrong: a handler maps
 * {@code OAuthStateException} and {@link IllegalArgumentException} to 400, {@code OAuthDeniedException} to a
 * normal page, and an exchange failure to 502, with a try/catch in the handler or an
 * {@code @ExceptionHandler}; no {@code @ControllerAdvice} is needed.
 */
public final class MetaCommerceLogin {
    private final MetaCommerceClient client;
    private final OAuthStateCodec states;
    private final String redirectUri;
    private final List<String> scopes;
    private final Optional<String> configId;

    /**
     * Creates the helper.
     *
     * @param client the client
     * @param states the state codec
     * @param redirectUri the registered redirect URI
     * @param scopes the permissions to request
     * @param configId a Facebook Login for Business configuration id, used instead of scopes
     */
    public MetaCommerceLogin(MetaCommerceClient client, OAuthStateCodec states, String redirectUri,
            List<String> scopes, Optional<String> configId) {
        this.client = client;
        this.states = states;
        this.redirectUri = redirectUri;
        this.scopes = List.copyOf(scopes);
        this.configId = configId;
    }

    /**
     * Returns the login dialog URL for a store.
     *
     * Issue it only for a store the signed-in user may connect (see the type's description).
     *
     * @param storeId the store connecting, one the signed-in user may connect; {@link #complete(String)} gives it
     *     back
     * @return where to send the merchant's browser
     * @throws MetaCommerceConfigurationException if no redirect URI is configured
     */
    public URI loginUrl(String storeId) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder().redirectUri(requireRedirectUri())
                .state(states.issue(storeId)).scopes(scopes);
        configId.ifPresent(b::configId);
        return client.oauth().authorizationUrl(b.build());
    }

    /**
     * Completes the connection of whichever store the state was issued for: verifies the state, exchanges the
     * code and then the short-lived token for a long-lived one. The store id comes from the signed state; before
     * keeping the token, check that the signed-in user may connect {@link StoreConnection#storeId()} (or use
     * {@link #complete(String, String)} with the store the session knows).
     *
     * @param callbackQuery the raw query string Meta sent to the redirect URI
     * @return the store and its long-lived token
     * @throws OAuthDeniedException if the merchant cancelled or Meta refused ({@code reason()} e.g. user_denied)
     * @throws io.github.metacommerce.exception.OAuthStateException if the state is forged or altered
     *     ({@code BAD_SIGNATURE}), missing or malformed ({@code MALFORMED}), expired ({@code EXPIRED}) or
     *     already used ({@code REPLAYED})
     * @throws IllegalArgumentException if the query carries neither a code nor an error
     * @throws io.github.metacommerce.exception.MetaCommerceException if a token exchange fails
     */
    public StoreConnection complete(String callbackQuery) {
        return verify(callbackQuery).exchange();
    }

    /**
     * The first half of {@link #complete(String)}: verifies the callback's state (using it up) without exchanging
     * the code yet, so that the app can check that the signed-in user may connect {@link VerifiedCallback#storeId()}
     * before any token exists:
     * <pre>{@code
     * MetaCommerceLogin.VerifiedCallback callback = login.verify(request.getQueryString());
     * if (!members.mayConnect(user, callback.storeId())) {
     *     return "redirect:/connect?error=foreign_store";      // the code is never exchanged
     * }
     * StoreConnection c = callback.exchange();
     * }</pre>
     *
     * @param callbackQuery the raw query string Meta sent to the redirect URI
     * @return the verified callback, naming its store
     * @throws OAuthDeniedException if the merchant cancelled or Meta refused
     * @throws io.github.metacommerce.exception.OAuthStateException as {@link #complete(String)}
     * @throws IllegalArgumentException if the query carries neither a code nor an error
     */
    public VerifiedCallback verify(String callbackQuery) {
        OAuthCallback.Authorized ok = authorized(callbackQuery);
        VerifiedState state = states.verify(ok.state());
        return new VerifiedCallback(state.storeId(), ok);
    }

    /**
     * A callback whose state was verified (and used up) and whose code is not exchanged yet. Its code works once:
     * {@link #exchange()} may be called once.
     */
    public final class VerifiedCallback {
        private final String storeId;
        private final OAuthCallback.Authorized callback;
        private final java.util.concurrent.atomic.AtomicBoolean exchanged = new java.util.concurrent.atomic.AtomicBoolean();

        private VerifiedCallback(String storeId, OAuthCallback.Authorized callback) {
            this.storeId = storeId;
            this.callback = callback;
        }

        /**
         * Returns the store the state was issued for.
         *
         * @return the store id, from the signed state
         */
        public String storeId() {
            return storeId;
        }

        /**
         * Exchanges the code, then the short-lived token for a long-lived one.
         *
         * @return the store and its long-lived token
         * @throws IllegalStateException if called a second time
         * @throws io.github.metacommerce.exception.MetaCommerceException if a token exchange fails
         */
        public StoreConnection exchange() {
            if (!exchanged.compareAndSet(false, true)) {
                throw new IllegalStateException("This callback's code was exchanged already; a code works once");
            }
            return StoreConnection.of(storeId, MetaCommerceLogin.this.exchange(callback));
        }

        @Override
        public String toString() {
            return "VerifiedCallback[storeId=" + storeId + ", code=<redacted>]";
        }
    }

    /**
     * Completes the connection of a store the callback already knows (from a session): as
     * {@link #complete(String)}, and the state must have been issued for this store.
     *
     * @param storeId the store completing the connection, one the signed-in user may connect
     * @param callbackQuery the raw query string Meta sent to the redirect URI
     * @return the long-lived token
     * @throws OAuthDeniedException if the merchant cancelled or Meta refused
     * @throws io.github.metacommerce.exception.OAuthStateException as {@link #complete(String)}, and
     *     {@code WRONG_STORE} if the state was issued for another store
     * @throws IllegalArgumentException if the query carries neither a code nor an error
     * @throws io.github.metacommerce.exception.MetaCommerceException if a token exchange fails
     */
    public AccessToken complete(String storeId, String callbackQuery) {
        OAuthCallback.Authorized ok = authorized(callbackQuery);
        states.verify(ok.state(), storeId);
        return exchange(ok);
    }

    private static OAuthCallback.Authorized authorized(String callbackQuery) {
        OAuthCallback callback = OAuthCallback.parse(callbackQuery);
        if (callback instanceof OAuthCallback.Denied denied) {
            throw new OAuthDeniedException(denied.error(), denied.reason().orElse(null),
                    denied.description().orElse(null));
        }
        return (OAuthCallback.Authorized) callback;
    }

    private AccessToken exchange(OAuthCallback.Authorized ok) {
        AccessToken shortLived = client.oauth().exchangeCode(ok.code(), requireRedirectUri());
        return client.oauth().exchangeForLongLivedToken(shortLived.value());
    }

    private String requireRedirectUri() {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw MetaCommerceConfigurationException.missing("meta.commerce.oauth.redirect-uri",
                    "META_OAUTH_REDIRECT_URI", "the callback URL registered in the app's Valid OAuth Redirect URIs");
        }
        return redirectUri;
    }
}
