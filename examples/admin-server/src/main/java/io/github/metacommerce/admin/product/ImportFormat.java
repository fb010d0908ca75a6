package io.github.metacommerce.admin.product;

/** The file formats {@link ProductImporter} reads, detected from the header row (or a leading {@code [}). */
public enum ImportFormat {
    /** Shopify's product CSV export; see {@code ShopifyCsv}. */
    SHOPIFY("Shopify product CSV"),
    /** WooCommerce's product CSV export; see {@code WooCommerceCsv}. */
    WOOCOMMERCE("WooCommerce product CSV"),
    /** The admin server's own CSV; see {@code NativeCsv}. */
    NATIVE_CSV("native product CSV"),
    /** The JSON body of {@code PUT /products}; see {@code JsonProducts}. */
    JSON("JSON product array");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    /**
     * Returns the name shown to merchants, such as "Shopify product CSV".
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
