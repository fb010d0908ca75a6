/**
 * The SDK's entry point, {@link io.github.metacommerce.MetaCommerceClient}, and its options.
 *
 * <p>Packages: {@code oauth} (connecting a merchant), {@code graph} (typed Graph API calls), {@code catalog}
 * (businesses, catalogs, items), {@code exception} (the error hierarchy). Anything under {@code internal} is not
 * API and may change in any release.
 */
package io.github.metacommerce;
