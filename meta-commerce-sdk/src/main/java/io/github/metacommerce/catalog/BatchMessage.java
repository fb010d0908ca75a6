package io.github.metacommerce.catalog;

import java.util.Objects;

/**
 * An error or warning Meta reported for one request of a batch.
 */
public final class BatchMessage {
    private final String retailerId;
    private final int line;
    private final String message;

    /** Normalises absent values. */
    private BatchMessage(String retailerId, int line, String message) {
        retailerId = retailerId == null ? "" : retailerId;
        message = Objects.requireNonNullElse(message, "");
        this.retailerId = retailerId;
        this.line = line;
        this.message = message;
    }

    /**
     * Creates a {@code BatchMessage}.
     *
     * @param retailerId the retailer id Meta named (empty when it named only a line)
     * @param line the request's line as Meta counts it (0 when not given)
     * @param message Meta's message
     * @return the value
     */
    public static BatchMessage of(String retailerId, int line, String message) {
        return new BatchMessage(retailerId, line, message);
    }

    /**
     * Returns the retailer id Meta named (empty when it named only a line).
     *
     * @return the retailer id Meta named (empty when it named only a line)
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the request's line as Meta counts it (0 when not given).
     *
     * @return the request's line as Meta counts it (0 when not given)
     */
    public int line() {
        return line;
    }

    /**
     * Returns meta's message.
     *
     * @return Meta's message
     */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchMessage that)) {
            return false;
        }
        return Objects.equals(retailerId, that.retailerId)
                && line == that.line
                && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, line, message);
    }

    @Override
    public String toString() {
        return "BatchMessage[retailerId=" + retailerId
                + ", line=" + line
                + ", message=" + message + "]";
    }
}
