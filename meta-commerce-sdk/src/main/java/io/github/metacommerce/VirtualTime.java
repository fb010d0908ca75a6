package io.github.metacommerce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Time that only moves when the code under test waits: a {@link Clock} plus a {@link Sleeper} that advances it
 * instead of sleeping. Pass both to the client and to a sync, and a run that would wait minutes for rate limits
 * and batch confirmations finishes at once, with the waits still recorded and checked. Thread-safe.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.startingAt(Instant.now());
 * time.onAdvance(sandbox::advanceClock);              // move a Graph sandbox's clock along
 * CatalogSync sync = CatalogSync.builder()...clock(time.clock()).sleeper(time.sleeper()).build();
 * }</pre>
 */
public final class VirtualTime {
    private volatile Instant now;
    private final List<Consumer<Duration>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private VirtualTime(Instant start) {
        this.now = start;
    }

    /**
     * Creates virtual time.
     *
     * @param start the first instant
     * @return the virtual time
     */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(Objects.requireNonNull(start, "start must not be null"));
    }

    /**
     * Returns the clock that reads this time.
     *
     * @return the clock, in UTC
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns a sleeper that advances this time instead of sleeping.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return this::advance;
    }

    /**
     * Returns the current instant.
     *
     * @return now, in virtual time
     */
    public Instant now() {
        return now;
    }

    /**
     * Moves time forward and tells the listeners.
     *
     * @param d how far; negative durations are refused
     */
    public void advance(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, was " + d);
        }
        synchronized (this) {
            now = now.plus(d);
        }
        listeners.forEach(l -> l.accept(d));
    }

    /**
     * Moves time to an instant (no earlier than now).
     *
     * @param instant the new now
     */
    public void set(Instant instant) {
        advance(Duration.between(now, instant));
    }

    /**
     * Registers something to move along with this time, such as another clock.
     *
     * @param listener receives each advance
     * @return this virtual time
     */
    public VirtualTime onAdvance(Consumer<Duration> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
        return this;
    }
}
