package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One error or warning about one item of a sync, for the merchant's errors view. Made by the sync; the builder is
 * for tests and for stores that read issues back.
 */
public final class SyncIssue {
    private final String retailerId;
    private final String productId;
    private final ErrorCategory category;
    private final Severity severity;
    private final String code;
    private final String field;
    private final String message;
    private final IssueSource source;
    private final Instant time;

    private SyncIssue(Builder b) {
        this.retailerId = b.retailerId == null ? "" : b.retailerId;
        this.productId = b.productId == null ? "" : b.productId;
        this.category = Objects.requireNonNull(b.category, "category must not be null");
        this.severity = Objects.requireNonNull(b.severity, "severity must not be null");
        this.code = b.code == null ? "" : b.code;
        this.field = b.field == null ? "" : b.field;
        this.message = b.message == null ? "" : b.message;
        this.source = Objects.requireNonNull(b.source, "source must not be null");
        this.time = Objects.requireNonNull(b.time, "time must not be null");
    }

    /**
     * Starts a builder; category, severity, source and time are required, the texts default to empty.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this issue.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().retailerId(retailerId).productId(productId).category(category).severity(severity)
                .code(code).field(field).message(message).source(source).time(time);
    }

    /**
     * Returns the item's retailer id (empty for a product without SKU or a message Meta did not attribute).
     *
     * @return the value
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the store product id (empty when unknown).
     *
     * @return the value
     */
    public String productId() {
        return productId;
    }

    /**
     * Returns what kind of problem it is.
     *
     * @return the value
     */
    public ErrorCategory category() {
        return category;
    }

    /**
     * Returns the severity: ERROR (not synced) or WARNING (synced).
     *
     * @return the value
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Returns a machine-readable code (the validator's issue code, Meta's, or the exception's).
     *
     * @return the value
     */
    public String code() {
        return code;
    }

    /**
     * Returns the field concerned, empty when unknown; for Meta's messages it is read from the message text.
     *
     * @return the value
     */
    public String field() {
        return field;
    }

    /**
     * Returns what is wrong, in words a merchant understands.
     *
     * @return the value
     */
    public String message() {
        return message;
    }

    /**
     * Returns who found it.
     *
     * @return the value
     */
    public IssueSource source() {
        return source;
    }

    /**
     * Returns when it was found.
     *
     * @return the value
     */
    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncIssue o)) {
            return false;
        }
        return retailerId.equals(o.retailerId)
                && productId.equals(o.productId)
                && category.equals(o.category)
                && severity.equals(o.severity)
                && code.equals(o.code)
                && field.equals(o.field)
                && message.equals(o.message)
                && source.equals(o.source)
                && time.equals(o.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, productId, category, severity, code, field, message, source, time);
    }

    @Override
    public String toString() {
        return "SyncIssue[" + "retailerId=" + retailerId + ", productId=" + productId + ", category=" + category
                + ", severity=" + severity + ", code=" + code + ", field=" + field + ", message=" + message
                + ", source=" + source + ", time=" + time + "]";
    }

    /** Builds a {@link SyncIssue}. */
    public static final class Builder {
        private String retailerId;
        private String productId;
        private ErrorCategory category;
        private Severity severity;
        private String code;
        private String field;
        private String message;
        private IssueSource source;
        private Instant time;

        private Builder() {
        }

        /**
         * Sets the item's retailer id (empty for a product without SKU or a message Meta did not attribute).
         *
         * @param retailerId the value
         * @return this builder
         */
        public Builder retailerId(String retailerId) {
            this.retailerId = retailerId;
            return this;
        }

        /**
         * Sets the store product id (empty when unknown).
         *
         * @param productId the value
         * @return this builder
         */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        /**
         * Sets what kind of problem.
         *
         * @param category the value
         * @return this builder
         */
        public Builder category(ErrorCategory category) {
            this.category = category;
            return this;
        }

        /**
         * Sets ERROR (not synced) or WARNING (synced).
         *
         * @param severity the value
         * @return this builder
         */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /**
         * Sets a machine-readable code (the validator's issue code, Meta's, or the exception's).
         *
         * @param code the value
         * @return this builder
         */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /**
         * Sets the field concerned, empty when unknown; for Meta's messages it is read from the message text.
         *
         * @param field the value
         * @return this builder
         */
        public Builder field(String field) {
            this.field = field;
            return this;
        }

        /**
         * Sets what is wrong, in words a merchant understands.
         *
         * @param message the value
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets who found it.
         *
         * @param source the value
         * @return this builder
         */
        public Builder source(IssueSource source) {
            this.source = source;
            return this;
        }

        /**
         * Sets when it was found.
         *
         * @param time the value
         * @return this builder
         */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /**
         * Builds the issue.
         *
         * @return the issue
         */
        public SyncIssue build() {
            return new SyncIssue(this);
        }
    }
}
