package io.github.metacommerce.spring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store connected to Meta, as far as the health indicator needs to know.
 *
 * @param storeId the store id
 * @param tokenExpiresAt when its token expires; empty when it never does
 */
public record ConnectedStore(String storeId, Optional<Instant> tokenExpiresAt) {

    /** Validates the components. */
    public ConnectedStore {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }
}
