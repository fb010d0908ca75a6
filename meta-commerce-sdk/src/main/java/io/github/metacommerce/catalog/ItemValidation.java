package io.github.metacommerce.catalog;

import java.util.Objects;
import java.util.List;

/**
 * One entry of the {@code validation_status} an items_batch call answers at once.
 */
public final class ItemValidation {
    private final String retailerId;
    private final List<String> errors;
    private final List<String> warnings;

    /** Copies the lists. */
    private ItemValidation(String retailerId, List<String> errors, List<String> warnings) {
        retailerId = retailerId == null ? "" : retailerId;
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        this.retailerId = retailerId;
        this.errors = errors;
        this.warnings = warnings;
    }

    /**
     * Creates an {@code ItemValidation}.
     *
     * @param retailerId the item's retailer id
     * @param errors what stops the item
     * @param warnings recommendations
     * @return the value
     */
    public static ItemValidation of(String retailerId, List<String> errors, List<String> warnings) {
        return new ItemValidation(retailerId, errors, warnings);
    }

    /**
     * Returns the item's retailer id.
     *
     * @return the item's retailer id
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns what stops the item.
     *
     * @return what stops the item
     */
    public List<String> errors() {
        return errors;
    }

    /**
     * Returns recommendations.
     *
     * @return recommendations
     */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ItemValidation that)) {
            return false;
        }
        return Objects.equals(retailerId, that.retailerId)
                && Objects.equals(errors, that.errors)
                && Objects.equals(warnings, that.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, errors, warnings);
    }

    @Override
    public String toString() {
        return "ItemValidation[retailerId=" + retailerId
                + ", errors=" + errors
                + ", warnings=" + warnings + "]";
    }
}
