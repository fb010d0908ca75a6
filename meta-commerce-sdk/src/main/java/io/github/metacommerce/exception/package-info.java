/**
 * The SDK's exception hierarchy, rooted in {@link io.github.metacommerce.exception.MetaCommerceException}.
 *
 * <p>All exceptions are unchecked and carry an {@link io.github.metacommerce.exception.ErrorCategory}. Meta's error
 * objects are mapped to them in one place, by code: 102/190 become
 * {@link io.github.metacommerce.exception.OAuthException}, 3/10/200-299
 * {@link io.github.metacommerce.exception.PermissionException}, throttling codes
 * {@link io.github.metacommerce.exception.RateLimitException}, 100
 * {@link io.github.metacommerce.exception.InvalidRequestException}.
 */
package io.github.metacommerce.exception;
