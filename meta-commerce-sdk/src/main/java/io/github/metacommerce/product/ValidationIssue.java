package io.github.metacommerce.product;

import java.util.Objects;

/**
 * One problem found with an item, in words a merchant understands.
 */
public final class ValidationIssue {
    private final String field;
    private final IssueCode code;
    private final Severity severity;
    private final String message;

    /** Validates the components. */
    ValidationIssue(String field, IssueCode code, Severity severity, String message) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        this.field = field;
        this.code = code;
        this.severity = severity;
        this.message = message;
    }

    /**
     * Creates a {@code ValidationIssue}.
     *
     * @param field Meta's field name, e.g. {@code price} or {@code image_link}
     * @param code the kind of problem
     * @param severity whether the item can still be sent
     * @param message what is wrong and how to fix it
     * @return the value
     */
    public static ValidationIssue of(String field, IssueCode code, Severity severity, String message) {
        return new ValidationIssue(field, code, severity, message);
    }

    /**
     * Returns meta's field name, e.g. {@code price} or {@code image_link}.
     *
     * @return Meta's field name, e.g. {@code price} or {@code image_link}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the kind of problem.
     *
     * @return the kind of problem
     */
    public IssueCode code() {
        return code;
    }

    /**
     * Returns whether the item can still be sent.
     *
     * @return whether the item can still be sent
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Returns what is wrong and how to fix it.
     *
     * @return what is wrong and how to fix it
     */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ValidationIssue that)) {
            return false;
        }
        return Objects.equals(field, that.field)
                && Objects.equals(code, that.code)
                && Objects.equals(severity, that.severity)
                && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, code, severity, message);
    }

    @Override
    public String toString() {
        return "ValidationIssue[field=" + field
                + ", code=" + code
                + ", severity=" + severity
                + ", message=" + message + "]";
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
