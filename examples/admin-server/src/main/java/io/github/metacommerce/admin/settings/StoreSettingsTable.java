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

    private static SettingsRow row(ResultSet rs, int n) throws SQLException {
        int hours = rs.getInt("schedule_every_hours");
        Optional<Integer> everyHours = rs.wasNull() ? Optional.empty() : Optional.of(hours);
        String languages = rs.getString("languages");
        return new SettingsRow(
                Optional.ofNullable(rs.getString("default_brand")),
                Optional.ofNullable(rs.getString("store_domain")),
                rs.getString("currency"),
                OutOfStockPolicy.valueOf(rs.getString("out_of_stock_policy")),
                new SyncSchedule(rs.getString("schedule_type"), everyHours,
                        Optional.ofNullable(rs.getString("schedule_daily_at")).map(LocalTime::parse),
                        ZoneId.of(rs.getString("time_zone"))),
                languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getBoolean("sync_on_change"));
    }
}
