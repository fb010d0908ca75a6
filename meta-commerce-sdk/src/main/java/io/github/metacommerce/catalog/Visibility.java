package io.github.metacommerce.catalog;

import java.util.Optional;

/**
 * Meta's {@code visibility} values: whether the item shows in shops ({@code published}) or is kept hidden ({@code staging}), as Meta's own WooCommerce integration sends them.
 */
public enum Visibility {
    /** Shown in Facebook and Instagram shops. */
    PUBLISHED("published"),
    /** Kept in the catalog but hidden from shops. */
    STAGING("staging");

    private final String metaValue;

    Visibility(String metaValue) {
        this.metaValue = metaValue;
    }

    /**
     * Returns the exact string Meta expects.
     *
     * @return e.g. {@code "published"}
     */
    public String metaValue() {
        return metaValue;
    }

    /**
     * Finds the constant for Meta's string, ignoring case, spaces versus underscores and surrounding blanks.
     *
     * @param value the string, may be null
     * @return the constant, empty when the string is not one of Meta's values
     */
    public static Optional<Visibility> fromMetaValue(String value) {
        return MetaValues.find(values(), c -> c.metaValue, value);
    }

    @Override
    public String toString() {
        return metaValue;
    }
}
