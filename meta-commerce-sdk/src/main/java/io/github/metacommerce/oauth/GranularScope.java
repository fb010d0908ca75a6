package io.github.metacommerce.oauth;

import java.util.List;
import java.util.Objects;

/**
 * A permission limited to some assets, from {@code debug_token}'s {@code granular_scopes}: for example
 * {@code catalog_management} on two catalog ids. Immutable; create one with {@link #of(String, List)}.
 */
public final class GranularScope {
    private final String scope;
    private final List<String> targetIds;

    private GranularScope(String scope, List<String> targetIds) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.targetIds = List.copyOf(Objects.requireNonNull(targetIds, "targetIds"));
    }

    /**
     * Creates a granular scope.
     *
     * @param scope the permission
     * @param targetIds the asset ids it covers; empty means all assets
     * @return the granular scope
     */
    public static GranularScope of(String scope, List<String> targetIds) {
        return new GranularScope(scope, targetIds);
    }

    /**
     * Returns the permission.
     *
     * @return e.g. {@code catalog_management}
     */
    public String scope() {
        return scope;
    }

    /**
     * Returns the asset ids the permission covers.
     *
     * @return the ids; empty means all assets
     */
    public List<String> targetIds() {
        return targetIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GranularScope g && scope.equals(g.scope) && targetIds.equals(g.targetIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, targetIds);
    }

    @Override
    public String toString() {
        return "GranularScope[scope=" + scope + ", targetIds=" + targetIds + "]";
    }
}
