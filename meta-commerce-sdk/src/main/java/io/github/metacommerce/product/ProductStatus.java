package io.github.metacommerce.product;

/** The product's status in the store. Only active products are offered on Meta; the others are removed. */
public enum ProductStatus {
    /** Sold in the store. */
    ACTIVE,
    /** Not published yet. */
    DRAFT,
    /** No longer sold. */
    ARCHIVED
}
