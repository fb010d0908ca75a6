package io.github.metacommerce.graph;

import java.util.stream.Stream;

/**
 * A lazily paged Graph API list. Iterating yields items; the next page is fetched only when the previous one is
 * used up, by following Meta's {@code paging.next} link (with its cursor) until there is none. Each iteration
 * starts again from the first page.
 *
 * <pre>{@code
 * for (Business b : graph.businesses()) { ... }
 * List<Catalog> catalogs = graph.ownedCatalogs(businessId).stream().toList();
 * }</pre>
 *
 * <p>Fetching a page may throw any {@link io.github.metacommerce.exception.MetaCommerceException}.
 *
 * <p>Not to be confused with {@link Page}, which is one page of such a list.
 *
 * @param <T> the item type
 */
@SuppressWarnings("removal") // extends the deprecated alias only so that old declarations keep compiling
public interface PageIterable<T> extends Paged<T> {

    /**
     * Returns the items as a sequential stream that fetches pages as it is consumed.
     *
     * @return the items
     */
    @Override
    Stream<T> stream();

    /**
     * Returns the pages themselves, for callers that want page boundaries or cursors.
     *
     * @return the pages, fetched lazily
     */
    @Override
    Iterable<Page<T>> pages();
}
