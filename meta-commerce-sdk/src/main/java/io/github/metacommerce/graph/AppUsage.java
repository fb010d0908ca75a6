package io.github.metacommerce.graph;

import java.util.Objects;

/**
 * The app-level usage reported in {@code X-App-Usage}: percentages of the app's rolling-hour budget. Meta
 * throttles at 100.
 */
public final class AppUsage {
    private final int callCount;
    private final int totalCputime;
    private final int totalTime;

    private AppUsage(int callCount, int totalCputime, int totalTime) {
        this.callCount = callCount;
        this.totalCputime = totalCputime;
        this.totalTime = totalTime;
    }


    /**
     * Creates an {@code AppUsage}.
     *
     * @param callCount percentage of calls used
     * @param totalCputime percentage of CPU time used
     * @param totalTime percentage of total time used
     * @return the value
     */
    public static AppUsage of(int callCount, int totalCputime, int totalTime) {
        return new AppUsage(callCount, totalCputime, totalTime);
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AppUsage that)) {
            return false;
        }
        return callCount == that.callCount
                && totalCputime == that.totalCputime
                && totalTime == that.totalTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(callCount, totalCputime, totalTime);
    }

    @Override
    public String toString() {
        return "AppUsage[callCount=" + callCount
                + ", totalCputime=" + totalCputime
                + ", totalTime=" + totalTime + "]";
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
