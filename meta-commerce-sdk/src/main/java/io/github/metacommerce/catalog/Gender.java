package io.github.metacommerce.catalog;

import java.util.Optional;

/**
 * Meta's {@code gender} values for a product item.
 */
public enum Gender {
    /** For women. */
    FEMALE("female"),
    /** For men. */
    MALE("male"),
    /** For everyone. */
    UNISEX("unisex");

    private final String metaValue;

    Gender(String metaValue) {
        this.metaValue = metaValue;
    }

    /**
     * Returns the exact string Meta expects.
     *
     * @return e.g. {@code "female"}
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
    public static Optional<Gender> fromMetaValue(String value) {
        return MetaValues.find(values(), c -> c.metaValue, value);
    }

    @Override
    public String toString() {
        return metaValue;
    }
}
