package io.github.metacommerce.product;

import java.util.List;
import java.util.Objects;

/**
 * The issues found with one item.
 *
 * @param retailerId the item's retailer id (may be empty when the product has no SKU)
 * @param productId the store product id the item came from
 * @param issues the issues, errors first
 */
public record ValidationResult(String retailerId, String productId, List<ValidationIssue> issues) {

    /** Copies the issues. */
    public ValidationResult {
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(productId, "productId");
        issues = List.copyOf(issues);
    }

    /**
     * Returns whether the item may be sent (it has no errors; warnings are allowed).
     *
     * @return {@code true} without errors
     */
    public boolean isValid() {
        return issues.stream().noneMatch(ValidationIssue::isError);
    }

    /**
     * Returns the errors.
     *
     * @return the issues of severity ERROR
     */
    public List<ValidationIssue> errors() {
        return issues.stream().filter(ValidationIssue::isError).toList();
    }

    /**
     * Returns the warnings.
     *
     * @return the issues of severity WARNING
     */
    public List<ValidationIssue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }
}
