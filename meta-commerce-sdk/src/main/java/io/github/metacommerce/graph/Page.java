package io.github.metacommerce.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Graph API list.
 *
 * @param items the items of this page (a page may be empty and still have a next page)
 * @param afterCursor Meta's {@code paging.cursors.after}, if sent; cursors expire, so do not store them
 * @param hasNext whether Meta sent a {@code paging.next} link
 * @param usage the usage headers of the response that carried this page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> afterCursor, boolean hasNext, ApiUsage usage) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(afterCursor, "afterCursor");
        Objects.requireNonNull(usage, "usage");
    }
}
