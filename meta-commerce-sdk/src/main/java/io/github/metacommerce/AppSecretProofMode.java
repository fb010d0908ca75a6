package io.github.metacommerce;

/**
 * How the SDK proves to Meta that a call comes from the app's server ({@code appsecret_proof}).
 *
 * <p>Meta documents two forms: the plain HMAC-SHA256 of the token keyed by the app secret, shown on the Graph API
 * "secure requests" page, and a timed form over {@code token|unix_time} sent with {@code appsecret_time}, which
 * Meta rejects when older than five minutes. Both are in current documentation; the plain form is the one every
 * page shows, so it is the default. Turn on "Require App Secret" in the App Dashboard to make Meta demand one.
 */
public enum AppSecretProofMode {
    /** {@code appsecret_proof = hex(HMAC-SHA256(app_secret, access_token))}. The default. */
    PLAIN,
    /**
     * {@code appsecret_proof = hex(HMAC-SHA256(app_secret, access_token + "|" + t))} with {@code appsecret_time = t},
     * the current Unix time in seconds from the client's clock.
     */
    TIMED,
    /** No proof is sent. Only for apps that cannot compute one; Meta may then refuse calls. */
    DISABLED
}
