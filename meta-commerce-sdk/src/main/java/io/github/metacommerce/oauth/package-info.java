/**
 * OAuth helpers: the login dialog URL, signed single-use state, callback parsing, code and long-lived token
 * exchanges, token inspection and revocation.
 *
 * <p>The value types ({@link io.github.metacommerce.oauth.AccessToken}, {@link io.github.metacommerce.oauth.TokenInfo},
 * {@link io.github.metacommerce.oauth.AuthorizationRequest}, {@link io.github.metacommerce.oauth.VerifiedState},
 * {@link io.github.metacommerce.oauth.GranularScope}) are immutable final classes created through builders and
 * static factories, so they can gain fields without breaking callers. A connection belongs to a store, named by
 * the application's own store id.
 */
package io.github.metacommerce.oauth;
