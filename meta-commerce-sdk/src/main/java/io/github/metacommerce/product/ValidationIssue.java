package io.github.metacommerce.product;

import java.util.Objects;

/**
 * One problem found with an item, in words a merchant understands.
 *
 * @param field Meta's field name, e.g. {@code price} or {@code image_link}
 * @param code the kind of problem
 * @param severity whether the item can still be sent
 * @param message what is wrong and how to fix it
 */
public record ValidationIssue(String field, IssueCode code, Severity severity, String message) {

    /** Validates the components. */
    public ValidationIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    static ValidationIssue error(String field, IssueCode code, String message) {
        return new ValidationIssue(field, code, Severity.ERROR, message);
    }

    static ValidationIssue warning(String field, IssueCode code, String message) {
        return new ValidationIssue(field, code, Severity.WARNING, message);
    }

    /**
     * Returns whether this issue stops the item from being sent.
     *
     * @return {@code true} for errors
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
