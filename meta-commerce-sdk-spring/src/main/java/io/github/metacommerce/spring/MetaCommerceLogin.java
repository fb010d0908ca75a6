package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.OAuthCallback;
import io.github.metacommerce.oauth.OAuthStateCodec;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth connection of a store in two calls, from {@code meta.commerce.oauth.*}: the login URL with a signed
 * state, and the callback that verifies it and returns a long-lived token.
 *
 * <pre>{@code
 * return "redirect:" + login.loginUrl(storeId);                       // "Connect to Meta"
 * AccessToken token = login.complete(storeId, request.getQueryString()); // the redirect URI's handler
 * }</pre>
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
     * @param storeId the store connecting
     * @return where to send the merchant's browser
     * @throws IllegalStateException if no redirect URI is configured
     */
    public URI loginUrl(String storeId) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder().redirectUri(requireRedirectUri())
                .state(states.issue(storeId)).scopes(scopes);
        configId.ifPresent(b::configId);
        return client.oauth().authorizationUrl(b.build());
    }

    /**
     * Completes the connection: verifies the state for this store, exchanges the code and then the short-lived
     * token for a long-lived one.
     *
     * @param storeId the store completing the connection
     * @param callbackQuery the raw query string Meta sent to the redirect URI
     * @return the long-lived token
     * @throws io.github.metacommerce.exception.OAuthStateException if the state is forged, expired, replayed or for
     *     another store
     * @throws IllegalStateException if the merchant cancelled
     */
    public AccessToken complete(String storeId, String callbackQuery) {
        OAuthCallback callback = OAuthCallback.parse(callbackQuery);
        if (callback instanceof OAuthCallback.Denied denied) {
            throw new IllegalStateException("The merchant cancelled the connection (" + denied.error()
                    + denied.reason().map(r -> ": " + r).orElse("") + ")");
        }
        OAuthCallback.Authorized ok = (OAuthCallback.Authorized) callback;
        states.verify(ok.state(), storeId);
        AccessToken shortLived = client.oauth().exchangeCode(ok.code(), requireRedirectUri());
        return client.oauth().exchangeForLongLivedToken(shortLived.value());
    }

    private String requireRedirectUri() {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new IllegalStateException("Property meta.commerce.oauth.redirect-uri is not set: set it (or the "
                    + "environment variable META_OAUTH_REDIRECT_URI) to the callback URL registered with the app.");
        }
        return redirectUri;
    }
}
