package io.github.metacommerce.catalog;

import java.util.Optional;

/**
 * Meta's {@code age_group} values for a product item.
 */
public enum AgeGroup {
    /** Adults. */
    ADULT("adult"),
    /** All ages. */
    ALL_AGES("all ages"),
    /** Teenagers. */
    TEEN("teen"),
    /** Children. */
    KIDS("kids"),
    /** Toddlers. */
    TODDLER("toddler"),
    /** Infants. */
    INFANT("infant"),
    /** Newborns. */
    NEWBORN("newborn");

    private final String metaValue;

    AgeGroup(String metaValue) {
        this.metaValue = metaValue;
    }

    /**
     * Returns the exact string Meta expects.
     *
     * @return e.g. {@code "adult"}
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
    public static Optional<AgeGroup> fromMetaValue(String value) {
        return MetaValues.find(values(), c -> c.metaValue, value);
    }

    @Override
    public String toString() {
        return metaValue;
    }
}
