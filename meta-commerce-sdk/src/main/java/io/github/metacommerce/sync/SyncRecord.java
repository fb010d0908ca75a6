package io.github.metacommerce.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What the sync ledger remembers about one item Meta accepted.
 *
 * @param retailerId the retailer id
 * @param productId the store product id it came from
 * @param contentHash the SHA-256 (hex) of the payload Meta accepted
 * @param syncedAt when Meta confirmed it
 * @param warnings how many warnings Meta reported for it
 */
public record SyncRecord(String retailerId, String productId, String contentHash, Instant syncedAt, int warnings) {

    /** Validates the components. */
    public SyncRecord {
        Objects.requireNonNull(retailerId, "retailerId");
        productId = productId == null ? "" : productId;
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(syncedAt, "syncedAt");
    }
}
