package io.github.metacommerce.graph;

import java.util.stream.Stream;

/**
 * The former name of {@link PageIterable}, kept so that code declaring {@code Paged<T>} variables still compiles.
 *
 * @param <T> the item type
 * @deprecated renamed to {@link PageIterable}, which every {@link GraphClient} method returns; this alias will be
 *     removed before 1.0.
 */
@Deprecated(forRemoval = true)
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
