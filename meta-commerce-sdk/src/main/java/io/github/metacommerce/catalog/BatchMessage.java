package io.github.metacommerce.catalog;

import java.util.Objects;

/**
 * An error or warning Meta reported for one request of a batch.
 *
 * @param retailerId the retailer id Meta named (empty when it named only a line)
 * @param line the request's line as Meta counts it (0 when not given)
 * @param message Meta's message
 */
public record BatchMessage(String retailerId, int line, String message) {

    /** Normalises absent values. */
    public BatchMessage {
        retailerId = retailerId == null ? "" : retailerId;
        message = Objects.requireNonNullElse(message, "");
    }
}
