package io.github.metacommerce.catalog;

import java.util.Optional;

/**
 * Meta's {@code availability} values for a product item.
 */
public enum Availability {
    /** Can be bought now. */
    IN_STOCK("in stock"),
    /** Not available now. */
    OUT_OF_STOCK("out of stock"),
    /** Can be ordered; ships later (backorders). */
    AVAILABLE_FOR_ORDER("available for order"),
    /** No longer sold. */
    DISCONTINUED("discontinued");

    private final String metaValue;

    Availability(String metaValue) {
        this.metaValue = metaValue;
    }

    /**
     * Returns the exact string Meta expects.
     *
     * @return e.g. {@code "in stock"}
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
    public static Optional<Availability> fromMetaValue(String value) {
        return MetaValues.find(values(), c -> c.metaValue, value);
    }

    @Override
    public String toString() {
        return metaValue;
    }
}
