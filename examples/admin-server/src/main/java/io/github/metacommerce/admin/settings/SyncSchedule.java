package io.github.metacommerce.admin.settings;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a store's scheduled syncs run: off, every N hours, or daily at a local time in the store's time zone.
 *
 * @param type {@code off}, {@code interval} or {@code daily}
 * @param everyHours the interval, for {@code interval}
 * @param dailyAt the local time, for {@code daily}
 * @param timeZone the store's time zone
 */
public record SyncSchedule(String type, Optional<Integer> everyHours, Optional<LocalTime> dailyAt, ZoneId timeZone) {

    /** @return no scheduled syncs, in UTC */
    public static SyncSchedule off() {
        return new SyncSchedule("off", Optional.empty(), Optional.empty(), ZoneId.of("UTC"));
    }

    /**
     * The first run after a moment.
     *
     * @param after the moment (now, or the last run)
     * @return when the next run is due; empty when off
     */
    public Optional<Instant> nextRunAfter(Instant after) {
        return switch (type) {
            case "interval" -> everyHours.map(h -> after.plus(h, ChronoUnit.HOURS));
            case "daily" -> dailyAt.map(t -> {
                ZonedDateTime local = after.atZone(timeZone);
                ZonedDateTime candidate = local.with(t).truncatedTo(ChronoUnit.MINUTES);
                if (!candidate.isAfter(local)) {
                    candidate = candidate.plusDays(1);
                }
                return candidate.toInstant();
            });
            default -> Optional.empty();
        };
    }
}
