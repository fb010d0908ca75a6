package io.github.metacommerce.catalog;

import io.github.metacommerce.graph.ApiUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an items_batch call answered: the handle to poll (none when Meta ingested nothing) and the per-item
 * problems it saw at once.
 */
public final class ItemsBatchResponse {
    private final List<String> handles;
    private final List<ItemValidation> validationStatus;
    private final ApiUsage usage;

    /** Copies the lists. */
    private ItemsBatchResponse(List<String> handles, List<ItemValidation> validationStatus, ApiUsage usage) {
        handles = List.copyOf(handles);
        validationStatus = List.copyOf(validationStatus);
        Objects.requireNonNull(usage, "usage");
        this.handles = handles;
        this.validationStatus = validationStatus;
        this.usage = usage;
    }

    /**
     * Creates an {@code ItemsBatchResponse}.
     *
     * @param handles the batch handles (zero or one)
     * @param validationStatus items with immediate errors or warnings
     * @param usage the rate-limit usage headers of the response
     * @return the value
     */
    public static ItemsBatchResponse of(List<String> handles, List<ItemValidation> validationStatus, ApiUsage usage) {
        return new ItemsBatchResponse(handles, validationStatus, usage);
    }

    /**
     * Returns the batch handles (zero or one).
     *
     * @return the batch handles (zero or one)
     */
    public List<String> handles() {
        return handles;
    }

    /**
     * Returns items with immediate errors or warnings.
     *
     * @return items with immediate errors or warnings
     */
    public List<ItemValidation> validationStatus() {
        return validationStatus;
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
        if (!(o instanceof ItemsBatchResponse that)) {
            return false;
        }
        return Objects.equals(handles, that.handles)
                && Objects.equals(validationStatus, that.validationStatus)
                && Objects.equals(usage, that.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(handles, validationStatus, usage);
    }

    @Override
    public String toString() {
        return "ItemsBatchResponse[handles=" + handles
                + ", validationStatus=" + validationStatus
                + ", usage=" + usage + "]";
    }

    /**
     * Returns the handle to poll.
     *
     * @return the first handle, empty when Meta ingested nothing
     */
    public Optional<String> handle() {
        return handles.isEmpty() ? Optional.empty() : Optional.of(handles.get(0));
    }
}
