package io.github.metacommerce.catalog;

import io.github.metacommerce.graph.ApiUsage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of one batch, from {@code check_batch_request_status}. Meta documents only {@code finished}; any other
 * status is treated as still in progress.
 *
 * @param handle the handle
 * @param status Meta's status string
 * @param errors per-request errors (fatal: the item was not ingested)
 * @param warnings per-request warnings
 * @param errorsTotalCount Meta's total error count
 * @param warningsTotalCount Meta's total warning count
 * @param idsOfInvalidRequests the retailer ids Meta rejected
 * @param usage the rate-limit usage headers of the response
 */
public record BatchStatus(
        String handle,
        String status,
        List<BatchMessage> errors,
        List<BatchMessage> warnings,
        int errorsTotalCount,
        int warningsTotalCount,
        List<String> idsOfInvalidRequests,
        ApiUsage usage) {

    /** Copies the lists. */
    public BatchStatus {
        Objects.requireNonNull(handle, "handle");
        status = status == null ? "" : status;
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        idsOfInvalidRequests = List.copyOf(idsOfInvalidRequests);
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * Returns whether Meta finished processing the batch.
     *
     * @return {@code true} when the status is {@code finished}
     */
    public boolean isFinished() {
        return "finished".equals(status.toLowerCase(Locale.ROOT));
    }
}
