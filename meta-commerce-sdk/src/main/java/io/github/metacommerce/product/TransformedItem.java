package io.github.metacommerce.product;

import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.LocalizedItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one store product (or one of its variants) becomes on Meta's side.
 *
 * @param productId the store product id (of the variant, for variants)
 * @param retailerId the retailer id ({@code data.id}); empty when the store has no SKU
 * @param action whether to upsert or delete the item
 * @param item the item to upsert; empty for a delete
 * @param localizedItems per-language overrides to send after the item
 * @param notes what the transformer changed or dropped (truncations, unknown values), as warnings
 */
public record TransformedItem(
        String productId,
        String retailerId,
        ItemAction action,
        Optional<CatalogItem> item,
        List<LocalizedItem> localizedItems,
        List<ValidationIssue> notes) {

    /** Validates the components. */
    public TransformedItem {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(item, "item");
        localizedItems = List.copyOf(localizedItems);
        notes = List.copyOf(notes);
    }
}
