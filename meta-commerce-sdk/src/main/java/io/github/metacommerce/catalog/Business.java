package io.github.metacommerce.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A Meta Business (business portfolio) the merchant can act for, from {@code GET /me/businesses}.
 *
 * @param id the business id
 * @param name the business name
 * @param verificationStatus Meta's {@code verification_status}, e.g. {@code verified}, when sent
 */
public record Business(String id, String name, Optional<String> verificationStatus) {

    /** Validates the components. */
    public Business {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(verificationStatus, "verificationStatus");
    }
}
