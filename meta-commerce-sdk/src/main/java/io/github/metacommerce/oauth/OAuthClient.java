package io.github.metacommerce.oauth;

import java.net.URI;

/**
 * Meta's OAuth flow for connecting a merchant: the login dialog URL, code and token exchanges, token inspection
 * and revocation. Obtain it from {@link io.github.metacommerce.MetaCommerceClient#oauth()}; immutable and
 * thread-safe.
 *
 * <pre>{@code
 * OAuthClient oauth = client.oauth();
 * URI login = oauth.authorizationUrl(AuthorizationRequest.builder()
 *         .redirectUri(redirectUri).state(stateCodec.issue(storeId)).build());
 * // ... Meta redirects back with ?code=...&state=...
 * AccessToken shortLived = oauth.exchangeCode(code, redirectUri);
 * AccessToken longLived = oauth.exchangeForLongLivedToken(shortLived.value());
 * TokenInfo info = oauth.inspectToken(longLived.value());
 * }</pre>
 *
 * <p>The exchanges are sent as form POSTs to {@code /oauth/access_token}, so the app secret, the code and tokens
 * never appear in a URL (Meta's documentation shows GET with a query string; its token endpoint also takes the
 * OAuth 2.0 form POST). Failures throw {@link io.github.metacommerce.exception.MetaCommerceException} subclasses;
 * a used or wrong code is an {@link io.github.metacommerce.exception.InvalidRequestException}.
 */
public interface OAuthClient {

    /**
     * Builds the login dialog URL, {@code {dialog}/{version}/dialog/oauth?client_id&redirect_uri&state&
     * response_type=code&scope|config_id}. Makes no call.
     *
     * @param request what to ask for
     * @return the URL to send the merchant's browser to
     */
    URI authorizationUrl(AuthorizationRequest request);

    /**
     * Exchanges the callback's code for a (short-lived) user token. The code works once, and the redirect URI must
     * be the one used in the dialog.
     *
     * @param code the code from {@link OAuthCallback.Authorized#code()}
     * @param redirectUri the redirect URI of the dialog, exactly
     * @return the token, with its expiry when Meta sent {@code expires_in}
     */
    AccessToken exchangeCode(String code, String redirectUri);

    /**
     * Exchanges a short-lived user token for a long-lived one (about 60 days; {@code grant_type=fb_exchange_token}).
     *
     * @param shortLivedToken the short-lived token
     * @return the long-lived token
     */
    AccessToken exchangeForLongLivedToken(String shortLivedToken);

    /**
     * Asks Meta about a token ({@code GET /debug_token}, authenticated with the app token). An invalid token is
     * reported as {@link TokenInfo#valid()} {@code false}, not as an exception.
     *
     * <p>Meta takes the inspected token only as the {@code input_token} query parameter, so this one call puts a
     * token in a URL; the SDK never logs URLs.
     *
     * @param token the token to inspect
     * @return what Meta says about it
     */
    TokenInfo inspectToken(String token);

    /**
     * Revokes every permission the token's user granted the app ({@code DELETE /me/permissions}).
     *
     * @param token the user's token
     */
    void revoke(String token);
}
