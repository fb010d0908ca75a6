package io.github.metacommerce.catalog;

/** What to do with an item in the catalog. */
public enum ItemAction {
    /** Create the item or update it (items_batch {@code UPDATE} with {@code allow_upsert}). */
    UPSERT,
    /** Remove the item (items_batch {@code DELETE}). */
    DELETE
}
