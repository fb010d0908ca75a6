package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One error or warning about one item of a sync, for the merchant's errors view.
 *
 * @param retailerId the item's retailer id (may be empty for a product without SKU)
 * @param productId the store product id
 * @param category what kind of problem
 * @param severity ERROR (not synced) or WARNING (synced)
 * @param code a machine-readable code (the validator's issue code, Meta's, or the exception's)
 * @param field the field concerned, when known
 * @param message what is wrong, in words a merchant understands
 * @param source who found it
 * @param time when
 */
public record SyncIssue(
        String retailerId,
        String productId,
        ErrorCategory category,
        Severity severity,
        String code,
        String field,
        String message,
        IssueSource source,
        Instant time) {

    /** Validates the components. */
    public SyncIssue {
        retailerId = retailerId == null ? "" : retailerId;
        productId = productId == null ? "" : productId;
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        code = code == null ? "" : code;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }
}
