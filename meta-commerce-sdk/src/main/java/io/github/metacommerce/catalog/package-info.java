/**
 * Meta's side of the data: businesses, catalogs and the items in them.
 *
 * <p>Which type to use:
 * <ul>
 *   <li>{@link io.github.metacommerce.product.Product} (in {@code product}, not here): a product as your store
 *       knows it; build one per store product and hand it to a sync or a
 *       {@link io.github.metacommerce.product.ProductTransformer}.</li>
 *   <li>{@link io.github.metacommerce.catalog.CatalogItem}: an item as the SDK sends it to Meta (Meta's field
 *       names and values); the transformer makes these, build one yourself only to send items without a
 *       {@code Product}.</li>
 *   <li>{@link io.github.metacommerce.catalog.CatalogItemSnapshot}: an item as Meta returns it when you read the
 *       catalog back ({@code GraphClient#products}); use it to check what Meta holds and its review status.</li>
 *   <li>{@link io.github.metacommerce.catalog.Catalog}: a catalog's id, name and item count, from listing or
 *       creating catalogs; use its id as the target of a sync.</li>
 *   <li>{@link io.github.metacommerce.catalog.ItemRequest}: one line of an {@code items_batch} call (UPDATE or
 *       DELETE of one item, already serialised); use it only when calling
 *       {@code GraphClient#itemsBatch} yourself instead of through a sync.</li>
 *   <li>{@link io.github.metacommerce.catalog.LocalizedItem}: a per-language override of an item's texts and
 *       link, sent with {@code localized_items_batch}.</li>
 * </ul>
 */
package io.github.metacommerce.catalog;
