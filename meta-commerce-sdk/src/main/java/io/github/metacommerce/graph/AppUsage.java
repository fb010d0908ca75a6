package io.github.metacommerce.graph;

/**
 * The app-level usage reported in {@code X-App-Usage}: percentages of the app's rolling-hour budget. Meta
 * throttles at 100.
 *
 * @param callCount percentage of calls used
 * @param totalCputime percentage of CPU time used
 * @param totalTime percentage of total time used
 */
public record AppUsage(int callCount, int totalCputime, int totalTime) {

    /**
     * Returns the highest of the three percentages.
     *
     * @return the highest percentage
     */
    public int maxPercent() {
        return Math.max(callCount, Math.max(totalCputime, totalTime));
    }
}
