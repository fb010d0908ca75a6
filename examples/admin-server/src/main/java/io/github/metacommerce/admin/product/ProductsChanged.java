package io.github.metacommerce.admin.product;

import java.util.Set;

/** Placeholder until branch i11-products lands. */
public record ProductsChanged(long storeId, Set<String> productIds) {
}
