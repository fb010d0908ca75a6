package io.github.metacommerce.product;

/** What happens on Meta to a product that is out of stock (tracked stock at zero and no backorders). */
public enum OutOfStockPolicy {
    /** Send it as "out of stock" and keep it visible (Meta's recommendation: mark, don't delete). */
    KEEP_VISIBLE,
    /** Send it as "out of stock" with visibility {@code staging}, hidden from shops. */
    HIDE,
    /** Delete it from the catalog; it comes back when stock returns. */
    DELETE
}
