package io.github.metacommerce.catalog;

import io.github.metacommerce.graph.ApiUsage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of one batch, from {@code check_batch_request_status}. Meta documents only {@code finished}; any other
 * status is treated as still in progress.
 */
public final class BatchStatus {
    private final String handle;
    private final String status;
    private final List<BatchMessage> errors;
    private final List<BatchMessage> warnings;
    private final int errorsTotalCount;
    private final int warningsTotalCount;
    private final List<String> idsOfInvalidRequests;
    private final ApiUsage usage;

    /** Copies the lists. */
    private BatchStatus(
            String handle,
            String status,
            List<BatchMessage> errors,
            List<BatchMessage> warnings,
            int errorsTotalCount,
            int warningsTotalCount,
            List<String> idsOfInvalidRequests,
            ApiUsage usage) {
        Objects.requireNonNull(handle, "handle");
        status = status == null ? "" : status;
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        idsOfInvalidRequests = List.copyOf(idsOfInvalidRequests);
        Objects.requireNonNull(usage, "usage");
        this.handle = handle;
        this.status = status;
        this.errors = errors;
        this.warnings = warnings;
        this.errorsTotalCount = errorsTotalCount;
        this.warningsTotalCount = warningsTotalCount;
        this.idsOfInvalidRequests = idsOfInvalidRequests;
        this.usage = usage;
    }

    /**
     * Creates a {@code BatchStatus}.
     *
     * @param handle the handle
     * @param status Meta's status string
     * @param errors per-request errors (fatal: the item was not ingested)
     * @param warnings per-request warnings
     * @param errorsTotalCount Meta's total error count
     * @param warningsTotalCount Meta's total warning count
     * @param idsOfInvalidRequests the retailer ids Meta rejected
     * @param usage the rate-limit usage headers of the response
     * @return the value
     */
    public static BatchStatus of(
            String handle,
            String status,
            List<BatchMessage> errors,
            List<BatchMessage> warnings,
            int errorsTotalCount,
            int warningsTotalCount,
            List<String> idsOfInvalidRequests,
            ApiUsage usage) {
        return new BatchStatus(handle, status, errors, warnings, errorsTotalCount, warningsTotalCount, idsOfInvalidRequests, usage);
    }

    /**
     * Returns the handle.
     *
     * @return the handle
     */
    public String handle() {
        return handle;
    }

    /**
     * Returns meta's status string.
     *
     * @return Meta's status string
     */
    public String status() {
        return status;
    }

    /**
     * Returns per-request errors (fatal: the item was not ingested).
     *
     * @return per-request errors (fatal: the item was not ingested)
     */
    public List<BatchMessage> errors() {
        return errors;
    }

    /**
     * Returns per-request warnings.
     *
     * @return per-request warnings
     */
    public List<BatchMessage> warnings() {
        return warnings;
    }

    /**
     * Returns meta's total error count.
     *
     * @return Meta's total error count
     */
    public int errorsTotalCount() {
        return errorsTotalCount;
    }

    /**
     * Returns meta's total warning count.
     *
     * @return Meta's total warning count
     */
    public int warningsTotalCount() {
        return warningsTotalCount;
    }

    /**
     * Returns the retailer ids Meta rejected.
     *
     * @return the retailer ids Meta rejected
     */
    public List<String> idsOfInvalidRequests() {
        return idsOfInvalidRequests;
    }

    /**
     * Returns the rate-limit usage headers of the response.
     *
     * @return the rate-limit usage headers of the response
     */
    public ApiUsage usage() {
        return usage;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchStatus that)) {
            return false;
        }
        return Objects.equals(handle, that.handle)
                && Objects.equals(status, that.status)
                && Objects.equals(errors, that.errors)
                && Objects.equals(warnings, that.warnings)
                && errorsTotalCount == that.errorsTotalCount
                && warningsTotalCount == that.warningsTotalCount
                && Objects.equals(idsOfInvalidRequests, that.idsOfInvalidRequests)
                && Objects.equals(usage, that.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                handle,
                status,
                errors,
                warnings,
                errorsTotalCount,
                warningsTotalCount,
                idsOfInvalidRequests,
                usage);
    }

    @Override
    public String toString() {
        return "BatchStatus[handle=" + handle
                + ", status=" + status
                + ", errors=" + errors
                + ", warnings=" + warnings
                + ", errorsTotalCount=" + errorsTotalCount
                + ", warningsTotalCount=" + warningsTotalCount
                + ", idsOfInvalidRequests=" + idsOfInvalidRequests
                + ", usage=" + usage + "]";
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
