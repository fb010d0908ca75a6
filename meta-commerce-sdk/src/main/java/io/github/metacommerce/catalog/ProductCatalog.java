package io.github.metacommerce.catalog;

import java.util.Objects;

/**
 * A Meta product catalog, from {@code GET /{business}/owned_product_catalogs}, {@code client_product_catalogs} or
 * {@code GET /{catalog}}.
 *
 * @param id the catalog id
 * @param name the catalog name
 * @param productCount the number of items Meta reports (0 when not sent)
 * @param vertical the catalog vertical, e.g. {@code commerce} (empty when not sent)
 */
public record ProductCatalog(String id, String name, long productCount, String vertical) {

    /** Validates the components. */
    public ProductCatalog {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        vertical = vertical == null ? "" : vertical;
    }
}
