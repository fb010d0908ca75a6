package io.github.metacommerce.admin.connection;

import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.spring.ConnectedStore;
import io.github.metacommerce.spring.TokenExpirySource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code meta_connections} table. Also the health indicator's {@link TokenExpirySource}: it reads expiry
 * dates from here and never calls Meta.
 */
@Repository
public class MetaConnections implements TokenExpirySource {
    private static final String COLUMNS = "store_id, access_token_enc, token_expires_at, scopes, meta_user_id, "
            + "business_id, business_name, catalog_id, catalog_name, connection_status, status_reason, sync_status, "
            + "last_sync_at, sync_error, connected_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    MetaConnections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Finds a store's connection.
     *
     * @param storeId the store
     * @return the connection, if any
     */
    public Optional<MetaConnection> find(long storeId) {
        return jdbc.sql("select " + COLUMNS + " from meta_connections where store_id = ?")
                .param(storeId).query(MetaConnections::row).optional();
    }

    /**
     * Stores a new token for a store, keeping its business and catalog selection when it reconnects.
     *
     * @param storeId the store
     * @param encryptedToken the encrypted token
     * @param expiresAt when it expires
     * @param scopes the granted permissions
     * @param metaUserId the Meta user
     */
    public void saveToken(long storeId, String encryptedToken, Optional<Instant> expiresAt, List<String> scopes,
            Optional<String> metaUserId) {
        Instant now = clock.instant();
        String scopeList = String.join(",", scopes);
        int updated = jdbc.sql("update meta_connections set access_token_enc = ?, token_expires_at = ?, scopes = ?, "
                        + "meta_user_id = ?, connection_status = ?, status_reason = null, connected_at = ?, "
                        + "updated_at = ? where store_id = ?")
                .params(encryptedToken, Db.ts(expiresAt.orElse(null)), scopeList, metaUserId.orElse(null),
                        MetaConnection.CONNECTED, Db.ts(now), Db.ts(now), storeId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meta_connections (store_id, access_token_enc, token_expires_at, scopes, "
                            + "meta_user_id, connection_status, sync_status, connected_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, 'never', ?, ?)")
                    .params(storeId, encryptedToken, Db.ts(expiresAt.orElse(null)), scopeList,
                            metaUserId.orElse(null), MetaConnection.CONNECTED, Db.ts(now), Db.ts(now))
                    .update();
        }
    }

    /**
     * Selects a business; a different business clears the catalog selection.
     *
     * @param storeId the store
     * @param businessId the business id
     * @param businessName its name, from Meta
     */
    public void selectBusiness(long storeId, String businessId, String businessName) {
        jdbc.sql("update meta_connections set catalog_id = case when business_id = ? then catalog_id else null end, "
                        + "catalog_name = case when business_id = ? then catalog_name else null end, "
                        + "business_id = ?, business_name = ?, updated_at = ? where store_id = ?")
                .params(businessId, businessId, businessId, businessName, Db.ts(clock.instant()), storeId)
                .update();
    }

    /**
     * Selects a catalog.
     *
     * @param storeId the store
     * @param catalogId the catalog id
     * @param catalogName its name, from Meta
     */
    public void selectCatalog(long storeId, String catalogId, String catalogName) {
        jdbc.sql("update meta_connections set catalog_id = ?, catalog_name = ?, updated_at = ? where store_id = ?")
                .params(catalogId, catalogName, Db.ts(clock.instant()), storeId).update();
    }

    /**
     * Marks a connection whose token Meta refused.
     *
     * @param storeId the store
     * @param reason why, in a merchant's words
     */
    public void markReconnectRequired(long storeId, String reason) {
        jdbc.sql("update meta_connections set connection_status = ?, status_reason = ?, updated_at = ? "
                        + "where store_id = ?")
                .params(MetaConnection.RECONNECT_REQUIRED, truncate(reason, 500), Db.ts(clock.instant()), storeId)
                .update();
    }

    /**
     * Marks every connection reconnect-required, for example when the embedded sandbox (which keeps its tokens in
     * memory) restarted.
     *
     * @param reason why, in a merchant's words
     * @return how many connections were marked
     */
    public int markAllReconnectRequired(String reason) {
        return jdbc.sql("update meta_connections set connection_status = ?, status_reason = ?, updated_at = ? "
                        + "where connection_status = ?")
                .params(MetaConnection.RECONNECT_REQUIRED, truncate(reason, 500), Db.ts(clock.instant()),
                        MetaConnection.CONNECTED)
                .update();
    }

    /**
     * Records that a sync run of the store was queued or started.
     *
     * @param storeId the store
     * @param syncStatus {@code queued} or {@code running}
     */
    public void syncStatus(long storeId, String syncStatus) {
        jdbc.sql("update meta_connections set sync_status = ?, updated_at = ? where store_id = ?")
                .params(syncStatus, Db.ts(clock.instant()), storeId).update();
    }

    /**
     * Records how a store's sync run ended.
     *
     * @param storeId the store
     * @param syncStatus {@code completed}, {@code partial}, {@code failed} or {@code cancelled}
     * @param finishedAt when it ended
     * @param error what went wrong, empty when nothing did
     * @param statistics the run's counts as JSON
     */
    public void recordSync(long storeId, String syncStatus, Instant finishedAt, Optional<String> error,
            String statistics) {
        jdbc.sql("update meta_connections set sync_status = ?, last_sync_at = ?, sync_error = ?, statistics = ?, "
                        + "updated_at = ? where store_id = ?")
                .params(syncStatus, Db.ts(finishedAt), truncate(error.orElse(null), 2000), statistics,
                        Db.ts(clock.instant()), storeId)
                .update();
    }

    /**
     * Records what the daily token check learned: a new expiry, and optionally a note for the merchant (such as
     * an expiry coming soon) while the connection stays usable.
     *
     * @param storeId the store
     * @param expiresAt when the token expires, empty when it never does
     * @param note the note, empty to clear it
     */
    public void tokenChecked(long storeId, Optional<Instant> expiresAt, Optional<String> note) {
        jdbc.sql("update meta_connections set token_expires_at = ?, status_reason = ?, updated_at = ? "
                        + "where store_id = ? and connection_status = ?")
                .params(Db.ts(expiresAt.orElse(null)), truncate(note.orElse(null), 500), Db.ts(clock.instant()),
                        storeId, MetaConnection.CONNECTED)
                .update();
    }

    /**
     * The stores with a usable connection, for the daily token check.
     *
     * @return their ids
     */
    public List<Long> usableStores() {
        return jdbc.sql("select store_id from meta_connections where connection_status = ? order by store_id")
                .param(MetaConnection.CONNECTED).query(Long.class).list();
    }

    /**
     * Deletes a store's connection and its token.
     *
     * @param storeId the store
     * @return whether there was one
     */
    public boolean delete(long storeId) {
        return jdbc.sql("delete from meta_connections where store_id = ?").param(storeId).update() > 0;
    }

    @Override
    public List<ConnectedStore> connectedStores() {
        return jdbc.sql("select store_id, token_expires_at from meta_connections order by store_id")
                .query((rs, n) -> ConnectedStore.of(Long.toString(rs.getLong("store_id")),
                        Db.instant(rs, "token_expires_at")))
                .list();
    }

    private static MetaConnection row(ResultSet rs, int n) throws SQLException {
        String scopes = rs.getString("scopes");
        return new MetaConnection(
                rs.getLong("store_id"),
                rs.getString("access_token_enc"),
                Db.instant(rs, "token_expires_at"),
                scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(",")),
                Optional.ofNullable(rs.getString("meta_user_id")),
                Optional.ofNullable(rs.getString("business_id")),
                Optional.ofNullable(rs.getString("business_name")),
                Optional.ofNullable(rs.getString("catalog_id")),
                Optional.ofNullable(rs.getString("catalog_name")),
                rs.getString("connection_status"),
                Optional.ofNullable(rs.getString("status_reason")),
                rs.getString("sync_status"),
                Db.instant(rs, "last_sync_at"),
                Optional.ofNullable(rs.getString("sync_error")),
                Db.instant(rs, "connected_at").orElseThrow());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
