package io.github.metacommerce.catalog;

import java.util.Objects;

/**
 * A Meta product catalog, from {@code GET /{business}/owned_product_catalogs}, {@code client_product_catalogs} or
 * {@code GET /{catalog}}: its id (the target of a sync), name, item count and vertical. Formerly named
 * {@code ProductCatalog}.
 */
public final class Catalog {
    private final String id;
    private final String name;
    private final long productCount;
    private final String vertical;

    /** Validates the components. */
    private Catalog(String id, String name, long productCount, String vertical) {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        vertical = vertical == null ? "" : vertical;
        this.id = id;
        this.name = name;
        this.productCount = productCount;
        this.vertical = vertical;
    }

    /**
     * Creates a {@code Catalog}.
     *
     * @param id the catalog id
     * @param name the catalog name
     * @param productCount the number of items Meta reports (0 when not sent)
     * @param vertical the catalog vertical, e.g. {@code commerce} (empty when not sent)
     * @return the value
     */
    public static Catalog of(String id, String name, long productCount, String vertical) {
        return new Catalog(id, name, productCount, vertical);
    }

    /**
     * Returns the catalog id.
     *
     * @return the catalog id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the catalog name.
     *
     * @return the catalog name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the number of items Meta reports (0 when not sent).
     *
     * @return the number of items Meta reports (0 when not sent)
     */
    public long productCount() {
        return productCount;
    }

    /**
     * Returns the catalog vertical, e.g. {@code commerce} (empty when not sent).
     *
     * @return the catalog vertical, e.g. {@code commerce} (empty when not sent)
     */
    public String vertical() {
        return vertical;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Catalog that)) {
            return false;
        }
        return Objects.equals(id, that.id)
                && Objects.equals(name, that.name)
                && productCount == that.productCount
                && Objects.equals(vertical, that.vertical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, productCount, vertical);
    }

    @Override
    public String toString() {
        return "Catalog[id=" + id
                + ", name=" + name
                + ", productCount=" + productCount
                + ", vertical=" + vertical + "]";
    }
}
