package io.github.metacommerce.graph;

import java.util.stream.Stream;

/**
 * A lazily paged Graph API list. Iterating yields items; the next page is fetched only when the previous one is
 * used up, by following Meta's {@code paging.next} link (with its cursor) until there is none. Each iteration
 * starts again from the first page.
 *
 * <pre>{@code
 * for (Business b : graph.businesses()) { ... }
 * List<ProductCatalog> catalogs = graph.ownedCatalogs(businessId).stream().toList();
 * }</pre>
 *
 * <p>Fetching a page may throw any {@link io.github.metacommerce.exception.MetaCommerceException}.
 *
 * @param <T> the item type
 */
public interface Paged<T> extends Iterable<T> {

    /**
     * Returns the items as a sequential stream that fetches pages as it is consumed.
     *
     * @return the items
     */
    Stream<T> stream();

    /**
     * Returns the pages themselves, for callers that want page boundaries or cursors.
     *
     * @return the pages, fetched lazily
     */
    Iterable<Page<T>> pages();
}
