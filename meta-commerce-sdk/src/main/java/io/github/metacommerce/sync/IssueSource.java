package io.github.metacommerce.sync;

/** Who found a problem. */
public enum IssueSource {
    /** The SDK, before sending (transformer and validator). */
    LOCAL,
    /** Meta, in {@code validation_status} or {@code check_batch_request_status}. */
    META,
    /** The call itself failed (network, auth, throttling). */
    API
}
