/**
 * The store's side: the {@link io.github.metacommerce.product.Product} model, the
 * {@link io.github.metacommerce.product.ProductTransformer} that maps it to Meta catalog items under a store's
 * {@link io.github.metacommerce.product.StoreSettings}, and the {@link io.github.metacommerce.product.ProductValidator}
 * that checks items against Meta's rules before they are sent.
 */
package io.github.metacommerce.product;
