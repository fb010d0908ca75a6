package io.github.metacommerce.catalog;

import io.github.metacommerce.graph.ApiUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an items_batch call answered: the handle to poll (none when Meta ingested nothing) and the per-item
 * problems it saw at once.
 *
 * @param handles the batch handles (zero or one)
 * @param validationStatus items with immediate errors or warnings
 * @param usage the rate-limit usage headers of the response
 */
public record ItemsBatchResponse(List<String> handles, List<ItemValidation> validationStatus, ApiUsage usage) {

    /** Copies the lists. */
    public ItemsBatchResponse {
        handles = List.copyOf(handles);
        validationStatus = List.copyOf(validationStatus);
        Objects.requireNonNull(usage, "usage");
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
