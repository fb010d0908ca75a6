package io.github.metacommerce.oauth;

import java.util.List;
import java.util.Objects;

/**
 * A permission limited to some assets, from {@code debug_token}'s {@code granular_scopes}: for example
 * {@code catalog_management} on two catalog ids.
 *
 * @param scope the permission
 * @param targetIds the asset ids it covers; empty means all assets
 */
public record GranularScope(String scope, List<String> targetIds) {

    /** Copies the target ids. */
    public GranularScope {
        Objects.requireNonNull(scope, "scope");
        targetIds = List.copyOf(targetIds);
    }
}
