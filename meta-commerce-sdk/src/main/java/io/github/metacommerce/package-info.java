/**
 * The SDK's entry point, {@link io.github.metacommerce.MetaCommerceClient}, and its options.
 *
 * <p>Packages: {@code oauth} (connecting a merchant), {@code graph} (typed Graph API calls), {@code catalog}
 * (Meta's side: businesses, catalogs, items), {@code product} (the store's side: products, mapping, validation),
 * {@code sync} (catalog syncs), {@code exception} (the error hierarchy). Anything under {@code internal} is not
 * API, is not exported from the {@code io.github.metacommerce.sdk} module and may change in any release.
 */
package io.github.metacommerce;
