package io.github.metacommerce.admin.settings;

import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code store_settings} table. */
@Repository
public class StoreSettingsTable {
    private final JdbcClient jdbc;
    private final Clock clock;

    StoreSettingsTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reads a store's settings.
     *
     * @param storeId the store
     * @return its settings, or the defaults when it saved none
     */
    public SettingsRow find(long storeId) {
        return jdbc.sql("select default_brand, store_domain, currency, out_of_stock_policy, schedule_type, "
                        + "schedule_every_hours, schedule_daily_at, time_zone, languages, sync_on_change "
                        + "from store_settings where store_id = ?")
                .param(storeId).query(StoreSettingsTable::row).optional().orElseGet(SettingsRow::defaults);
    }

    /**
     * Saves a store's settings and its next scheduled run.
     *
     * @param storeId the store
     * @param s the settings
     */
    public void save(long storeId, SettingsRow s) {
        Instant now = clock.instant();
        Object[] values = {s.defaultBrand().orElse(null), s.storeDomain().orElse(null), s.currency(),
                s.outOfStockPolicy().name(), s.schedule().type(), s.schedule().everyHours().orElse(null),
                s.schedule().dailyAt().map(LocalTime::toString).orElse(null), s.schedule().timeZone().getId(),
                String.join(",", s.languages()), s.syncOnChange(), Db.ts(s.schedule().nextRunAfter(now).orElse(null)),
                Db.ts(now), storeId};
        int updated = jdbc.sql("update store_settings set default_brand = ?, store_domain = ?, currency = ?, "
                        + "out_of_stock_policy = ?, schedule_type = ?, schedule_every_hours = ?, schedule_daily_at = ?, "
                        + "time_zone = ?, languages = ?, sync_on_change = ?, next_run_at = ?, updated_at = ? "
                        + "where store_id = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into store_settings (default_brand, store_domain, currency, out_of_stock_policy, "
                            + "schedule_type, schedule_every_hours, schedule_daily_at, time_zone, languages, "
                            + "sync_on_change, next_run_at, updated_at, store_id) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }

    /**
     * A store whose scheduled run is due.
     *
     * @param storeId the store
     * @param dueAt when its run was due
     * @param schedule its schedule
     */
    public record Due(long storeId, Instant dueAt, SyncSchedule schedule) {
    }

    /**
     * The stores whose next scheduled run is due.
     *
     * @param now the time
     * @return the stores, the longest overdue first
     */
    public List<Due> due(Instant now) {
        return jdbc.sql("select store_id, next_run_at, schedule_type, schedule_every_hours, schedule_daily_at, "
                        + "time_zone from store_settings where next_run_at <= ? order by next_run_at")
                .param(Db.ts(now))
                .query((rs, n) -> new Due(rs.getLong("store_id"), Db.instant(rs, "next_run_at").orElseThrow(),
                        schedule(rs)))
                .list();
    }

    /**
     * Moves a store's next scheduled run on, if no other instance did first: the claim that makes a due run start
     * once across the cluster.
     *
     * @param storeId the store
     * @param dueAt the due time read with {@link #due(Instant)}
     * @param next the next run, empty when the schedule is off
     * @return whether this caller claimed the run
     */
    public boolean advance(long storeId, Instant dueAt, Optional<Instant> next) {
        return jdbc.sql("update store_settings set next_run_at = ? where store_id = ? and next_run_at = ?")
                .params(Db.ts(next.orElse(null)), storeId, Db.ts(dueAt)).update() == 1;
    }

    private static SyncSchedule schedule(ResultSet rs) throws SQLException {
        int hours = rs.getInt("schedule_every_hours");
        Optional<Integer> everyHours = rs.wasNull() ? Optional.empty() : Optional.of(hours);
        return new SyncSchedule(rs.getString("schedule_type"), everyHours,
                Optional.ofNullable(rs.getString("schedule_daily_at")).map(LocalTime::parse),
                ZoneId.of(rs.getString("time_zone")));
    }

    private static SettingsRow row(ResultSet rs, int n) throws SQLException {
        String languages = rs.getString("languages");
        return new SettingsRow(
                Optional.ofNullable(rs.getString("default_brand")),
                Optional.ofNullable(rs.getString("store_domain")),
                rs.getString("currency"),
                OutOfStockPolicy.valueOf(rs.getString("out_of_stock_policy")),
                schedule(rs),
                languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getBoolean("sync_on_change"));
    }
}
