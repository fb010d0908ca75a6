package io.github.metacommerce.admin.product;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link Products#upsert(long, java.util.List)} did.
 *
 * @param created products that were new
 * @param updated products whose document changed
 * @param unchanged products whose document was the same (nothing was written for them)
 * @param changedProductIds the ids of the created and updated products
 */
public record UpsertResult(long created, long updated, long unchanged, Set<String> changedProductIds) {

    /** Validates and copies the components. */
    public UpsertResult {
        changedProductIds = Set.copyOf(Objects.requireNonNull(changedProductIds, "changedProductIds"));
    }
}
