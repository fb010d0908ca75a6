package io.github.metacommerce.graph;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code X-Business-Use-Case-Usage}: the usage of one business use case (for example catalog batch
 * calls) on one business object (for example a catalog), as percentages of its budget.
 */
public final class BusinessUseCaseUsage {
    private final String type;
    private final int callCount;
    private final int totalCputime;
    private final int totalTime;
    private final Duration estimatedTimeToRegainAccess;
    private final Optional<String> adsApiAccessTier;

    /** Validates the components. */
    private BusinessUseCaseUsage(
            String type,
            int callCount,
            int totalCputime,
            int totalTime,
            Duration estimatedTimeToRegainAccess,
            Optional<String> adsApiAccessTier) {
        type = type == null ? "" : type;
        Objects.requireNonNull(estimatedTimeToRegainAccess, "estimatedTimeToRegainAccess");
        Objects.requireNonNull(adsApiAccessTier, "adsApiAccessTier");
        this.type = type;
        this.callCount = callCount;
        this.totalCputime = totalCputime;
        this.totalTime = totalTime;
        this.estimatedTimeToRegainAccess = estimatedTimeToRegainAccess;
        this.adsApiAccessTier = adsApiAccessTier;
    }

    /**
     * Creates a {@code BusinessUseCaseUsage}.
     *
     * @param type Meta's use-case type; the string used for catalog limits is not documented, so it is kept verbatim
     * @param callCount percentage of calls used
     * @param totalCputime percentage of CPU time used
     * @param totalTime percentage of total time used
     * @param estimatedTimeToRegainAccess how long until calls are allowed again ({@link Duration#ZERO} when not blocked)
     * @param adsApiAccessTier the ads API access tier, when Meta sends it
     * @return the value
     */
    public static BusinessUseCaseUsage of(
            String type,
            int callCount,
            int totalCputime,
            int totalTime,
            Duration estimatedTimeToRegainAccess,
            Optional<String> adsApiAccessTier) {
        return new BusinessUseCaseUsage(type, callCount, totalCputime, totalTime, estimatedTimeToRegainAccess, adsApiAccessTier);
    }

    /**
     * Returns meta's use-case type; the string used for catalog limits is not documented, so it is kept verbatim.
     *
     * @return Meta's use-case type; the string used for catalog limits is not documented, so it is kept verbatim
     */
    public String type() {
        return type;
    }

    /**
     * Returns percentage of calls used.
     *
     * @return percentage of calls used
     */
    public int callCount() {
        return callCount;
    }

    /**
     * Returns percentage of CPU time used.
     *
     * @return percentage of CPU time used
     */
    public int totalCputime() {
        return totalCputime;
    }

    /**
     * Returns percentage of total time used.
     *
     * @return percentage of total time used
     */
    public int totalTime() {
        return totalTime;
    }

    /**
     * Returns how long until calls are allowed again ({@link Duration#ZERO} when not blocked).
     *
     * @return how long until calls are allowed again ({@link Duration#ZERO} when not blocked)
     */
    public Duration estimatedTimeToRegainAccess() {
        return estimatedTimeToRegainAccess;
    }

    /**
     * Returns the ads API access tier, when Meta sends it.
     *
     * @return the ads API access tier, when Meta sends it
     */
    public Optional<String> adsApiAccessTier() {
        return adsApiAccessTier;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BusinessUseCaseUsage that)) {
            return false;
        }
        return Objects.equals(type, that.type)
                && callCount == that.callCount
                && totalCputime == that.totalCputime
                && totalTime == that.totalTime
                && Objects.equals(estimatedTimeToRegainAccess, that.estimatedTimeToRegainAccess)
                && Objects.equals(adsApiAccessTier, that.adsApiAccessTier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                type,
                callCount,
                totalCputime,
                totalTime,
                estimatedTimeToRegainAccess,
                adsApiAccessTier);
    }

    @Override
    public String toString() {
        return "BusinessUseCaseUsage[type=" + type
                + ", callCount=" + callCount
                + ", totalCputime=" + totalCputime
                + ", totalTime=" + totalTime
                + ", estimatedTimeToRegainAccess=" + estimatedTimeToRegainAccess
                + ", adsApiAccessTier=" + adsApiAccessTier + "]";
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
