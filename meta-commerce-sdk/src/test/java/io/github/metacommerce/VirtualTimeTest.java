package io.github.metacommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

    @Test
    void sleepingAdvancesTheClockAndTheListenersInsteadOfWaiting() throws InterruptedException {
        Instant t0 = Instant.parse("2026-11-29T12:00:00Z");
        List<Duration> moved = new ArrayList<>();
        VirtualTime time = VirtualTime.startingAt(t0).onAdvance(moved::add);

        time.sleeper().sleep(Duration.ofMinutes(3));
        time.set(t0.plusSeconds(600));

        assertThat(time.clock().instant()).isEqualTo(t0.plusSeconds(600));
        assertThat(time.now()).isEqualTo(time.clock().instant());
        assertThat(moved).containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(7));
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> time.set(t0)).isInstanceOf(IllegalArgumentException.class);
    }
}
