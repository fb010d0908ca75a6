package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.system.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code sync_runs} table. Every read a route makes is keyed by store id, so a guessed job id of another store
 * finds nothing. The unique {@code active_catalog} column holds the catalog while a run is queued or running, so
 * the database, not a JVM lock, lets one run at a time touch a catalog across the cluster.
 */
@Repository
class SyncRuns {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() { };
    private static final String COLUMNS = "id, store_id, catalog_id, trigger_type, mode, product_ids, dry_run, status, "
            + "stage, percent, message, counts, products_total, api_calls, rate_limit_wait_ms, throttled_until, eta, "
            + "queued_at, started_at, finished_at, error_category, error_message, requested_by, cancel_requested, "
            + "attempts";

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a new run is asked to do. */
    record NewRun(String id, long storeId, String catalogId, String trigger, String mode, List<String> productIds,
            boolean dryRun, Optional<Long> requestedBy, String message) {
    }

    /**
     * Inserts a queued run holding its catalog. Throws Spring's {@code DuplicateKeyException} when another run holds
     * the catalog; on PostgreSQL that also aborts the surrounding transaction, so call this in a transaction of its
     * own.
     */
    void insert(NewRun run) {
        jdbc.sql("insert into sync_runs (id, store_id, catalog_id, trigger_type, mode, product_ids, dry_run, status, "
                        + "stage, percent, message, queued_at, requested_by, active_catalog) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'queued', 'queued', 0, ?, ?, ?, ?)")
                .params(run.id(), run.storeId(), run.catalogId(), run.trigger(), run.mode(),
                        run.productIds().isEmpty() ? null : JSON.writeValueAsString(run.productIds()), run.dryRun(),
                        run.message(), Db.ts(clock.instant()), run.requestedBy().orElse(null), run.catalogId())
                .update();
    }

    Optional<SyncJob> find(long storeId, String id) {
        return jdbc.sql("select " + COLUMNS + " from sync_runs where id = ? and store_id = ?")
                .params(id, storeId).query(SyncRuns::row).optional();
    }

    /** For the task that runs it: by id alone (the id came from our own queue, not from a request). */
    Optional<SyncJob> get(String id) {
        return jdbc.sql("select " + COLUMNS + " from sync_runs where id = ?").param(id).query(SyncRuns::row).optional();
    }

    /** The run queued or running on a catalog, if any. */
    Optional<SyncJob> activeOn(String catalogId) {
        return jdbc.sql("select " + COLUMNS + " from sync_runs where active_catalog = ?")
                .param(catalogId).query(SyncRuns::row).optional();
    }

    /** The store's most recent run. */
    Optional<SyncJob> latest(long storeId) {
        return jdbc.sql("select " + COLUMNS + " from sync_runs where store_id = ? order by queued_at desc, id "
                        + "limit 1")
                .param(storeId).query(SyncRuns::row).optional();
    }

    List<SyncJob> history(long storeId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from sync_runs where store_id = ? order by queued_at desc, id "
                        + "limit ? offset ?")
                .params(storeId, size, (long) page * size).query(SyncRuns::row).list();
    }

    long count(long storeId) {
        return jdbc.sql("select count(*) from sync_runs where store_id = ?").param(storeId).query(Long.class).single();
    }

    /**
     * Marks a run started (again, after a crash); false when it already ended or was cancelled while queued.
     */
    boolean start(String id) {
        Instant now = clock.instant();
        return jdbc.sql("update sync_runs set status = 'running', stage = 'reading', started_at = coalesce(started_at, ?), "
                        + "progress_at = ?, attempts = attempts + 1, message = ? "
                        + "where id = ? and status in ('queued', 'running')")
                .params(Db.ts(now), Db.ts(now), "Started", id).update() == 1;
    }

    void total(String id, long products) {
        jdbc.sql("update sync_runs set products_total = ? where id = ?").params(products, id).update();
    }

    /** A progress snapshot, written about once a second while the run goes on. */
    record Progress(String stage, int percent, String message, Map<String, Long> counts,
            Optional<Instant> throttledUntil, Optional<Instant> eta) {
    }

    void progress(String id, Progress p) {
        jdbc.sql("update sync_runs set stage = ?, percent = ?, message = ?, counts = ?, "
                        + "throttled_until = ?, eta = ?, progress_at = ? where id = ? and status = 'running'")
                .params(p.stage(), p.percent(), p.message(), JSON.writeValueAsString(p.counts()),
                        Db.ts(p.throttledUntil().orElse(null)), Db.ts(p.eta().orElse(null)), Db.ts(clock.instant()),
                        id)
                .update();
    }

    /** How a run ended. */
    record Outcome(String status, String message, Map<String, Long> counts, long apiCalls, long rateLimitWaitMillis,
            Optional<Instant> throttledUntil, Optional<String> errorCategory, Optional<String> errorMessage) {
    }

    /** Ends a run and frees its catalog. */
    void finish(String id, Outcome o) {
        Instant now = clock.instant();
        jdbc.sql("update sync_runs set status = ?, stage = 'done', percent = 100, message = ?, counts = ?, "
                        + "api_calls = ?, rate_limit_wait_ms = ?, throttled_until = ?, eta = null, error_category = ?, "
                        + "error_message = ?, finished_at = ?, progress_at = ?, active_catalog = null where id = ?")
                .params(o.status(), truncate(o.message(), 2000), JSON.writeValueAsString(o.counts()), o.apiCalls(),
                        o.rateLimitWaitMillis(), Db.ts(o.throttledUntil().orElse(null)),
                        o.errorCategory().orElse(null), truncate(o.errorMessage().orElse(null), 2000), Db.ts(now),
                        Db.ts(now), id)
                .update();
    }

    /**
     * Asks a run to stop. A queued run ends at once (its task then finds nothing to do); a running one is told
     * within about a second.
     *
     * @return the run after the request; empty when the store has no such run
     */
    Optional<SyncJob> requestCancel(long storeId, String id) {
        Instant now = clock.instant();
        jdbc.sql("update sync_runs set status = 'cancelled', stage = 'done', cancel_requested = true, "
                        + "message = 'Cancelled before it started', finished_at = ?, active_catalog = null "
                        + "where id = ? and store_id = ? and status = 'queued'")
                .params(Db.ts(now), id, storeId).update();
        jdbc.sql("update sync_runs set cancel_requested = true, message = 'Cancelling...' "
                        + "where id = ? and store_id = ? and status = 'running'")
                .params(id, storeId).update();
        return find(storeId, id);
    }

    boolean cancelRequested(String id) {
        return jdbc.sql("select cancel_requested from sync_runs where id = ?").param(id).query(Boolean.class)
                .optional().orElse(false);
    }

    private static SyncJob row(ResultSet rs, int n) throws SQLException {
        String ids = rs.getString("product_ids");
        String counts = rs.getString("counts");
        long total = rs.getLong("products_total");
        Optional<Long> productsTotal = rs.wasNull() ? Optional.empty() : Optional.of(total);
        long by = rs.getLong("requested_by");
        Optional<Long> requestedBy = rs.wasNull() ? Optional.empty() : Optional.of(by);
        return new SyncJob(
                rs.getString("id"),
                rs.getLong("store_id"),
                rs.getString("catalog_id"),
                rs.getString("trigger_type"),
                rs.getString("mode"),
                ids == null ? List.of() : List.copyOf(JSON.readValue(ids, STRINGS)),
                rs.getBoolean("dry_run"),
                rs.getString("status"),
                rs.getString("stage"),
                rs.getInt("percent"),
                Optional.ofNullable(rs.getString("message")),
                counts == null ? Map.of() : JSON.readValue(counts, COUNTS),
                productsTotal,
                rs.getLong("api_calls"),
                rs.getLong("rate_limit_wait_ms"),
                Db.instant(rs, "throttled_until"),
                Db.instant(rs, "eta"),
                Db.instant(rs, "queued_at").orElseThrow(),
                Db.instant(rs, "started_at"),
                Db.instant(rs, "finished_at"),
                Optional.ofNullable(rs.getString("error_category")),
                Optional.ofNullable(rs.getString("error_message")),
                requestedBy,
                rs.getBoolean("cancel_requested"),
                rs.getInt("attempts"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
