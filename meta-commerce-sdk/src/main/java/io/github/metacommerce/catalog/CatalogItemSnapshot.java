package io.github.metacommerce.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of an item as Meta holds it in a catalog, read back with {@code GET /{catalog}/products}
 * ({@link io.github.metacommerce.graph.GraphClient#products}). It is what Meta answers, not what the SDK sends
 * (that is {@link CatalogItem}); formerly named {@code CatalogProduct}.
 *
 * <p>Common fields have accessors; every requested field is in {@link #fields()} as plain Java values
 * ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map}).
 */
public final class CatalogItemSnapshot {
    private final String id;
    private final String retailerId;
    private final Map<String, Object> fields;

    /** Copies the fields into an unmodifiable map. */
    private CatalogItemSnapshot(String id, String retailerId, Map<String, Object> fields) {
        Objects.requireNonNull(id, "id");
        retailerId = retailerId == null ? "" : retailerId;
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.id = id;
        this.retailerId = retailerId;
        this.fields = fields;
    }

    /**
     * Creates a {@code CatalogItemSnapshot}.
     *
     * @param id Meta's product item id
     * @param retailerId the store's retailer id (the {@code id} sent in items_batch), empty string when not requested
     * @param fields every field Meta returned, by name
     * @return the value
     */
    public static CatalogItemSnapshot of(String id, String retailerId, Map<String, Object> fields) {
        return new CatalogItemSnapshot(id, retailerId, fields);
    }

    /**
     * Returns meta's product item id.
     *
     * @return Meta's product item id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the store's retailer id (the {@code id} sent in items_batch), empty string when not requested.
     *
     * @return the store's retailer id (the {@code id} sent in items_batch), empty string when not requested
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns every field Meta returned, by name.
     *
     * @return every field Meta returned, by name
     */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogItemSnapshot that)) {
            return false;
        }
        return Objects.equals(id, that.id)
                && Objects.equals(retailerId, that.retailerId)
                && Objects.equals(fields, that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, retailerId, fields);
    }

    @Override
    public String toString() {
        return "CatalogItemSnapshot[id=" + id
                + ", retailerId=" + retailerId
                + ", fields=" + fields + "]";
    }

    /**
     * Returns one field as text.
     *
     * @param name the Graph field name, e.g. {@code review_status}
     * @return the value as a string, empty when absent or null
     */
    public Optional<String> text(String name) {
        Object v = fields.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /**
     * Returns the title ({@code name} field).
     *
     * @return the title, if requested
     */
    public Optional<String> name() {
        return text("name");
    }

    /**
     * Returns the price as Meta formats it on read, e.g. {@code "$9.99"}.
     *
     * @return the price, if requested
     */
    public Optional<String> price() {
        return text("price");
    }

    /**
     * Returns the availability, e.g. {@code in stock}.
     *
     * @return the availability, if requested
     */
    public Optional<String> availability() {
        return text("availability");
    }

    /**
     * Returns Meta's review status ({@code approved}, {@code pending}, {@code rejected}, {@code outdated}).
     *
     * @return the review status, if requested
     */
    public Optional<String> reviewStatus() {
        return text("review_status");
    }
}
