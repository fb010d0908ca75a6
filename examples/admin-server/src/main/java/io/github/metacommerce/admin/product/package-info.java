/**
 * The store's products: importing the files merchants already have (Shopify's and WooCommerce's product CSV
 * exports, the native CSV and the JSON of {@code PUT /products}) into the SDK's
 * {@link io.github.metacommerce.product.Product}s. Start with {@link io.github.metacommerce.admin.product.ProductImporter}.
 */
package io.github.metacommerce.admin.product;
