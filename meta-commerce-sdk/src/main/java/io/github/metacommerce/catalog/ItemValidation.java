package io.github.metacommerce.catalog;

import java.util.List;

/**
 * One entry of the {@code validation_status} an items_batch call answers at once.
 *
 * @param retailerId the item's retailer id
 * @param errors what stops the item
 * @param warnings recommendations
 */
public record ItemValidation(String retailerId, List<String> errors, List<String> warnings) {

    /** Copies the lists. */
    public ItemValidation {
        retailerId = retailerId == null ? "" : retailerId;
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
