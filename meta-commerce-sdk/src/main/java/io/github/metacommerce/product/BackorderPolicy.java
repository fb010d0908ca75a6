package io.github.metacommerce.product;

/** Whether a product may be ordered when its tracked stock is used up. */
public enum BackorderPolicy {
    /** No orders without stock: the product is out of stock. */
    DENY,
    /** Orders are taken and shipped later: the product is "available for order". */
    ALLOW
}
