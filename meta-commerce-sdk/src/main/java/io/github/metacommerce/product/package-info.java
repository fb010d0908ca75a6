/**
 * The store's side: the {@link io.github.metacommerce.product.Product} model, the
 * {@link io.github.metacommerce.product.ProductTransformer} that maps it to Meta catalog items under a store's
 * {@link io.github.metacommerce.product.StoreSettings}, and the {@link io.github.metacommerce.product.ProductValidator}
 * that checks items against Meta's rules before they are sent.
 *
 * <p>Use {@link io.github.metacommerce.product.Product} for every product your store has (one per product, with
 * its variants inside); it becomes one {@link io.github.metacommerce.catalog.CatalogItem} per sellable item, which
 * is what Meta receives. What Meta holds afterwards is read back as
 * {@link io.github.metacommerce.catalog.CatalogItemSnapshot}.
 */
package io.github.metacommerce.product;
