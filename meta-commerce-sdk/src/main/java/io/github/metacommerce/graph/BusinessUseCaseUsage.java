package io.github.metacommerce.graph;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code X-Business-Use-Case-Usage}: the usage of one business use case (for example catalog batch
 * calls) on one business object (for example a catalog), as percentages of its budget.
 *
 * @param type Meta's use-case type; the string used for catalog limits is not documented, so it is kept verbatim
 * @param callCount percentage of calls used
 * @param totalCputime percentage of CPU time used
 * @param totalTime percentage of total time used
 * @param estimatedTimeToRegainAccess how long until calls are allowed again ({@link Duration#ZERO} when not blocked)
 * @param adsApiAccessTier the ads API access tier, when Meta sends it
 */
public record BusinessUseCaseUsage(
        String type,
        int callCount,
        int totalCputime,
        int totalTime,
        Duration estimatedTimeToRegainAccess,
        Optional<String> adsApiAccessTier) {

    /** Validates the components. */
    public BusinessUseCaseUsage {
        type = type == null ? "" : type;
        Objects.requireNonNull(estimatedTimeToRegainAccess, "estimatedTimeToRegainAccess");
        Objects.requireNonNull(adsApiAccessTier, "adsApiAccessTier");
    }

    /**
     * Returns the highest of the three percentages.
     *
     * @return the highest percentage
     */
    public int maxPercent() {
        return Math.max(callCount, Math.max(totalCputime, totalTime));
    }
}
