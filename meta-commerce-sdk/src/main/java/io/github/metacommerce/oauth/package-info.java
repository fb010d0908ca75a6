/**
 * OAuth helpers: the login dialog URL, signed single-use state, callback parsing, code and long-lived token
 * exchanges, token inspection and revocation.
 */
package io.github.metacommerce.oauth;
