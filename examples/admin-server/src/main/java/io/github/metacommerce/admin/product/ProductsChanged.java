package io.github.metacommerce.admin.product;

import java.util.Objects;
import java.util.Set;

/**
 * Published by {@link Products} after a write that changed products of a store: created, changed (the document
 * differs) or deleted. Unchanged products are not in it; a large import publishes one event per chunk. It is
 * published inside the writing transaction: to act only on what was committed (such as enqueuing a sync on change),
 * listen with {@code @TransactionalEventListener}.
 *
 * <pre>{@code
 * @TransactionalEventListener
 * void on(ProductsChanged e) {
 *     syncs.enqueueChange(e.storeId(), e.productIds());
 * }
 * }</pre>
 *
 * @param storeId the store
 * @param productIds the store's product ids that were created, changed or deleted; never empty
 */
public record ProductsChanged(long storeId, Set<String> productIds) {

    /** Validates and copies the components. */
    public ProductsChanged {
        productIds = Set.copyOf(Objects.requireNonNull(productIds, "productIds"));
    }
}
