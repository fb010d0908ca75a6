package io.github.metacommerce.exception;

/**
 * What kind of failure a merchant is looking at, and so what fixes it.
 *
 * <p>Every {@link MetaCommerceException} and every per-item sync error carries one category.
 */
public enum ErrorCategory {
    /** The access token is invalid, expired or revoked: the merchant must reconnect (codes 102, 190). */
    AUTH,
    /** The token lacks a permission or a role on the asset (codes 3, 10, 200-299). */
    PERMISSION,
    /** The catalog does not exist or this token cannot reach it. */
    CATALOG,
    /** A product's data was rejected, locally by the validator or by Meta. */
    PRODUCT,
    /** Meta throttled the app, user or catalog (codes 4, 17, 32, 341, 613, 80000-80014, HTTP 429). */
    RATE_LIMIT,
    /** Meta could not be reached or did not answer properly (I/O error, timeout, 5xx gateway page). */
    NETWORK,
    /** Anything else. */
    UNKNOWN
}
