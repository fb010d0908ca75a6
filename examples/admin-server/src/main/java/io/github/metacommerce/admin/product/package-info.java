/**
 * The store's products: the {@code products} table ({@link io.github.metacommerce.admin.product.Products}, each
 * product stored as the JSON of {@code PUT /products}), the REST routes to upsert, list, read, delete and import
 * them, the demo store's products, and importing the files merchants already have (Shopify's and WooCommerce's
 * product CSV exports, the native CSV and the JSON of {@code PUT /products}) into the SDK's
 * {@link io.github.metacommerce.product.Product}s ({@link io.github.metacommerce.admin.product.ProductImporter}).
 */
package io.github.metacommerce.admin.product;
