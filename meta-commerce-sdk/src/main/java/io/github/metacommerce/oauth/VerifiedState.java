package io.github.metacommerce.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A state that passed every check: genuine, fresh, first use, right tenant.
 *
 * @param tenantId the tenant (store) it was issued for
 * @param nonce its random nonce
 * @param expiresAt when it would have expired
 */
public record VerifiedState(String tenantId, String nonce, Instant expiresAt) {

    /** Validates the components. */
    public VerifiedState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
