package io.github.metacommerce;

import java.time.Duration;

/**
 * Waits. The SDK waits through a {@code Sleeper} (retry back-off, rate-limit waits), so tests inject one that
 * records the wait and returns at once, and never sleep.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * MetaCommerceClient.builder()...sleeper(waits::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait, never negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the sleeper that really waits, with {@link Thread#sleep(long)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
