package io.github.metacommerce.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An item as Meta holds it in a catalog, read back with {@code GET /{catalog}/products}.
 *
 * <p>Common fields have accessors; every requested field is in {@link #fields()} as plain Java values
 * ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map}).
 *
 * @param id Meta's product item id
 * @param retailerId the store's retailer id (the {@code id} sent in items_batch), empty string when not requested
 * @param fields every field Meta returned, by name
 */
public record CatalogProduct(String id, String retailerId, Map<String, Object> fields) {

    /** Copies the fields into an unmodifiable map. */
    public CatalogProduct {
        Objects.requireNonNull(id, "id");
        retailerId = retailerId == null ? "" : retailerId;
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
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
