package io.github.metacommerce.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's clock: a base clock plus an offset that {@code POST /_sandbox/clock} can move forward, so tests can
 * let a rate-limit window pass or a token expire without waiting.
 */
final class SandboxClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetNanos = new AtomicLong();

    SandboxClock(Clock base) {
        this.base = base;
    }

    void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offsetNanos.addAndGet(d.toNanos());
    }

    /** Undoes every {@link #advance}: the clock reads its base clock again. */
    void reset() {
        offsetNanos.set(0);
    }

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
        return base.instant().plusNanos(offsetNanos.get());
    }
}
