package io.github.metacommerce.product;

import java.util.List;
import java.util.Objects;

/**
 * The issues found with one item.
 */
public final class ValidationResult {
    private final String retailerId;
    private final String productId;
    private final List<ValidationIssue> issues;

    /** Copies the issues. */
    ValidationResult(String retailerId, String productId, List<ValidationIssue> issues) {
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(productId, "productId");
        issues = List.copyOf(issues);
        this.retailerId = retailerId;
        this.productId = productId;
        this.issues = issues;
    }

    /**
     * Creates a {@code ValidationResult}.
     *
     * @param retailerId the item's retailer id (may be empty when the product has no SKU)
     * @param productId the store product id the item came from
     * @param issues the issues, errors first
     * @return the value
     */
    public static ValidationResult of(String retailerId, String productId, List<ValidationIssue> issues) {
        return new ValidationResult(retailerId, productId, issues);
    }

    /**
     * Returns the item's retailer id (may be empty when the product has no SKU).
     *
     * @return the item's retailer id (may be empty when the product has no SKU)
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the store product id the item came from.
     *
     * @return the store product id the item came from
     */
    public String productId() {
        return productId;
    }

    /**
     * Returns the issues, errors first.
     *
     * @return the issues, errors first
     */
    public List<ValidationIssue> issues() {
        return issues;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ValidationResult that)) {
            return false;
        }
        return Objects.equals(retailerId, that.retailerId)
                && Objects.equals(productId, that.productId)
                && Objects.equals(issues, that.issues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, productId, issues);
    }

    @Override
    public String toString() {
        return "ValidationResult[retailerId=" + retailerId
                + ", productId=" + productId
                + ", issues=" + issues + "]";
    }

    /**
     * Returns whether the item may be sent (it has no errors; warnings are allowed).
     *
     * @return {@code true} without errors
     */
    public boolean isValid() {
        for (ValidationIssue i : issues) {
            if (i.isError()) {
                return false;
            }
        }
        return true;
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
