package io.github.metacommerce.product;

import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.LocalizedItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one store product (or one of its variants) becomes on Meta's side.
 */
public final class TransformedItem {
    private final String productId;
    private final String retailerId;
    private final ItemAction action;
    private final Optional<CatalogItem> item;
    private final List<LocalizedItem> localizedItems;
    private final List<ValidationIssue> notes;

    /** Validates the components. */
    TransformedItem(
            String productId,
            String retailerId,
            ItemAction action,
            Optional<CatalogItem> item,
            List<LocalizedItem> localizedItems,
            List<ValidationIssue> notes) {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(item, "item");
        localizedItems = List.copyOf(localizedItems);
        notes = List.copyOf(notes);
        this.productId = productId;
        this.retailerId = retailerId;
        this.action = action;
        this.item = item;
        this.localizedItems = localizedItems;
        this.notes = notes;
    }

    /**
     * Creates a {@code TransformedItem}.
     *
     * @param productId the store product id (of the variant, for variants)
     * @param retailerId the retailer id ({@code data.id}); empty when the store has no SKU
     * @param action whether to upsert or delete the item
     * @param item the item to upsert; empty for a delete
     * @param localizedItems per-language overrides to send after the item
     * @param notes what the transformer changed or dropped (truncations, unknown values), as warnings
     * @return the value
     */
    public static TransformedItem of(
            String productId,
            String retailerId,
            ItemAction action,
            Optional<CatalogItem> item,
            List<LocalizedItem> localizedItems,
            List<ValidationIssue> notes) {
        return new TransformedItem(productId, retailerId, action, item, localizedItems, notes);
    }

    /**
     * Returns the store product id (of the variant, for variants).
     *
     * @return the store product id (of the variant, for variants)
     */
    public String productId() {
        return productId;
    }

    /**
     * Returns the retailer id ({@code data.id}); empty when the store has no SKU.
     *
     * @return the retailer id ({@code data.id}); empty when the store has no SKU
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns whether to upsert or delete the item.
     *
     * @return whether to upsert or delete the item
     */
    public ItemAction action() {
        return action;
    }

    /**
     * Returns the item to upsert; empty for a delete.
     *
     * @return the item to upsert; empty for a delete
     */
    public Optional<CatalogItem> item() {
        return item;
    }

    /**
     * Returns per-language overrides to send after the item.
     *
     * @return per-language overrides to send after the item
     */
    public List<LocalizedItem> localizedItems() {
        return localizedItems;
    }

    /**
     * Returns what the transformer changed or dropped (truncations, unknown values), as warnings.
     *
     * @return what the transformer changed or dropped (truncations, unknown values), as warnings
     */
    public List<ValidationIssue> notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TransformedItem that)) {
            return false;
        }
        return Objects.equals(productId, that.productId)
                && Objects.equals(retailerId, that.retailerId)
                && Objects.equals(action, that.action)
                && Objects.equals(item, that.item)
                && Objects.equals(localizedItems, that.localizedItems)
                && Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, retailerId, action, item, localizedItems, notes);
    }

    @Override
    public String toString() {
        return "TransformedItem[productId=" + productId
                + ", retailerId=" + retailerId
                + ", action=" + action
                + ", item=" + item
                + ", localizedItems=" + localizedItems
                + ", notes=" + notes + "]";
    }
}
