package io.github.metacommerce.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to read from {@code GET /{catalog}/products}: which fields, which retailer ids, and how many per page.
 *
 * <pre>{@code
 * ProductQuery q = ProductQuery.builder().retailerIds("SKU-1", "SKU-2").fields("review_status", "errors").build();
 * graph.products(catalogId, q).forEach(p -> ...);
 * }</pre>
 */
public final class ProductQuery {
    private final List<String> fields;
    private final List<String> retailerIds;
    private final int pageSize;

    /** Fields read when the caller names none. */
    public static final List<String> DEFAULT_FIELDS =
            List.of("id", "retailer_id", "name", "price", "availability", "review_status");

    /** Items per page unless set. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Validates and normalises the components. */
    private ProductQuery(List<String> fields, List<String> retailerIds, int pageSize) {
        Set<String> f = new LinkedHashSet<>();
        f.add("id");
        f.add("retailer_id");
        for (String field : Objects.requireNonNull(fields, "fields")) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("fields must not contain null or blank names");
            }
            f.add(field.strip());
        }
        fields = List.copyOf(f);
        for (String id : Objects.requireNonNull(retailerIds, "retailerIds")) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("retailerIds must not contain null or blank ids");
            }
        }
        retailerIds = List.copyOf(retailerIds);
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 5000, was " + pageSize);
        }
        this.fields = fields;
        this.retailerIds = retailerIds;
        this.pageSize = pageSize;
    }

    /**
     * Returns the Graph fields to return; {@code id} and {@code retailer_id} are always included.
     *
     * @return the Graph fields to return; {@code id} and {@code retailer_id} are always included
     */
    public List<String> fields() {
        return fields;
    }

    /**
     * Returns only items with these retailer ids (empty = all items).
     *
     * @return only items with these retailer ids (empty = all items)
     */
    public List<String> retailerIds() {
        return retailerIds;
    }

    /**
     * Returns items per page (Meta's {@code limit}), 1 to 5000.
     *
     * @return items per page (Meta's {@code limit}), 1 to 5000
     */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProductQuery that)) {
            return false;
        }
        return Objects.equals(fields, that.fields)
                && Objects.equals(retailerIds, that.retailerIds)
                && pageSize == that.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, retailerIds, pageSize);
    }

    @Override
    public String toString() {
        return "ProductQuery[fields=" + fields
                + ", retailerIds=" + retailerIds
                + ", pageSize=" + pageSize + "]";
    }

    /**
     * Returns a query for all items with the default fields.
     *
     * @return the query
     */
    public static ProductQuery all() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the default fields and page size
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProductQuery}. */
    public static final class Builder {
        private final List<String> fields = new ArrayList<>();
        private final List<String> retailerIds = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Sets the fields to read, replacing the defaults.
         *
         * @param names Graph field names
         * @return this builder
         */
        public Builder fields(String... names) {
            fields.clear();
            fields.addAll(List.of(names));
            return this;
        }

        /**
         * Restricts the query to these retailer ids.
         *
         * @param ids retailer ids
         * @return this builder
         */
        public Builder retailerIds(String... ids) {
            retailerIds.clear();
            retailerIds.addAll(List.of(ids));
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param size items per page, 1 to 5000
         * @return this builder
         */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public ProductQuery build() {
            return new ProductQuery(fields.isEmpty() ? DEFAULT_FIELDS : fields, retailerIds, pageSize);
        }
    }
}
