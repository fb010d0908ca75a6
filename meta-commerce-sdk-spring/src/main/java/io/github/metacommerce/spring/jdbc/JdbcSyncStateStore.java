package io.github.metacommerce.spring.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link SyncStateStore} (the sync ledger) in a database table, so that every instance of an application, and
 * every restart, skips the items Meta already has and finds the ones the store no longer has. One row per catalog
 * and retailer id holds the record whole: product id, content hash, sync time, warnings, the product's fingerprint
 * ({@link SyncRecord#fingerprint()}, null when there is none) and the per-translation hashes, the last as one JSON
 * text column ({@code {"fr_XX":"<sha-256>"}}), so a record is always written and read in one row and a language
 * missing from a new record is forgotten with the old row.
 *
 * <p>The table ({@value #DEFAULT_TABLE} by default) is the application's to create, for example with Flyway; the
 * DDL for H2 and PostgreSQL ships in this jar as {@code io/github/metacommerce/spring/jdbc/ledger-h2.sql} and
 * {@code ledger-postgresql.sql}:
 * <pre>{@code
 * create table meta_commerce_ledger (
 *     catalog_id         varchar(64)  not null,
 *     retailer_id        varchar(255) not null,
 *     product_id         varchar(255) not null default '',
 *     content_hash       varchar(128) not null,
 *     translation_hashes text         not null default '{}',
 *     synced_at          timestamp with time zone not null,
 *     warnings           integer      not null default 0,
 *     fingerprint        varchar(128),
 *     constraint meta_commerce_ledger_pk primary key (catalog_id, retailer_id));
 * }</pre>
 * (on H2, {@code translation_hashes} is a {@code varchar} without a length rather than H2's CLOB {@code text}).
 * A table created before fingerprints existed lacks {@code fingerprint}; add it with
 * {@code alter table meta_commerce_ledger add column fingerprint varchar(128)} (the same on H2 and PostgreSQL).
 * Until then the store works as before and keeps no fingerprints (it says so once in the log), so every product is
 * mapped again on each sync and compared by its content hash. A fingerprint longer than
 * {@value #MAX_FINGERPRINT} characters is not kept either.
 * Every statement filters on {@code catalog_id} and, except {@link #count}, on {@code retailer_id}, so the primary
 * key's index serves all of them, including the ordered paging of {@link #forEachRetailerId}.
 *
 * <p>Work is done in chunks of {@code batchSize} records ({@value #DEFAULT_BATCH_SIZE} by default):
 * {@link #saveAll} deletes the chunk's rows with one JDBC batch of key deletes and inserts them with another, in
 * a transaction of its own per chunk (an upsert that behaves the same on H2 and PostgreSQL); {@link #removeAll}
 * sends one JDBC batch per chunk and {@link #find} one query per chunk (on H2 naming the whole key as row values,
 * which H2 looks up by index, elsewhere {@code catalog_id = ? and retailer_id in (...)});
 * {@link #forEachRetailerId} reads the ids page by page in retailer id order (keyset paging), so no more than one
 * page is in memory and no connection is held while the consumer runs. Within one call, a retailer id given twice
 * to {@code saveAll} keeps its last record. Sync times are stored to the microsecond.
 *
 * <p>Writes of the same catalog are meant to come from one sync at a time (the SDK's run lock does that within a
 * process); if two instances insert the same new retailer id at the same moment, the later {@code saveAll} fails on
 * the primary key with a {@code DuplicateKeyException} and its chunk is rolled back, so those items are sent again
 * by the next sync.
 */
public final class JdbcSyncStateStore implements SyncStateStore {
    /** The default table name. */
    public static final String DEFAULT_TABLE = "meta_commerce_ledger";
    /** The default number of records per statement or JDBC batch. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** The longest fingerprint kept (the column's length); a longer one is stored as none. */
    public static final int MAX_FINGERPRINT = 128;
    /** The largest batch size accepted (stays well below PostgreSQL's limit of bind parameters per statement). */
    public static final int MAX_BATCH_SIZE = 10_000;

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> HASHES = new TypeReference<>() { };
    private static final String COLUMNS =
            "retailer_id, product_id, content_hash, translation_hashes, synced_at, warnings";
    private static final String COLUMNS_WITH_FINGERPRINT = COLUMNS + ", fingerprint";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcSyncStateStore.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate ownTransaction;
    private final String table;
    private final int batchSize;
    private volatile Boolean rowValueLookups;
    private volatile Boolean fingerprintColumn;

    /**
     * Creates the store with batches of {@value #DEFAULT_BATCH_SIZE}.
     *
     * @param dataSource the database
     * @param table the table name, such as {@value #DEFAULT_TABLE} (letters, digits and underscores, optionally
     *     with a schema)
     * @throws IllegalArgumentException if the table name is not a plain identifier
     */
    public JdbcSyncStateStore(DataSource dataSource, String table) {
        this(dataSource, table, DEFAULT_BATCH_SIZE);
    }

    /**
     * Creates the store.
     *
     * @param dataSource the database
     * @param table the table name, such as {@value #DEFAULT_TABLE} (letters, digits and underscores, optionally
     *     with a schema)
     * @param batchSize records per statement or JDBC batch, and retailer ids per page, 1 to {@value #MAX_BATCH_SIZE}
     * @throws IllegalArgumentException if the table name is not a plain identifier or the batch size is out of range
     */
    public JdbcSyncStateStore(DataSource dataSource, String table, int batchSize) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier such as " + DEFAULT_TABLE
                    + ", got '" + table + "'");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE + ", was "
                    + batchSize);
        }
        this.template = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
        this.batchSize = batchSize;
    }

    /**
     * Returns true: this store keeps each record's translation hashes.
     *
     * @return true
     */
    @Override
    public boolean keepsTranslationHashes() {
        return true;
    }

    @Override
    public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
        checkCatalog(catalogId);
        List<String> ids = distinct(retailerIds, "retailerIds");
        Map<String, SyncRecord> found = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            guarded(() -> {
                boolean rowValues = rowValueLookups();
                List<Object> params = new ArrayList<>(chunk.size() * 2);
                String where;
                if (rowValues) {
                    chunk.forEach(id -> {
                        params.add(catalogId);
                        params.add(id);
                    });
                    where = "(catalog_id, retailer_id) in (" + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, ?)")) + ")";
                } else {
                    params.add(catalogId);
                    params.addAll(chunk);
                    where = "catalog_id = ? and retailer_id in (" + placeholders(chunk.size()) + ")";
                }
                boolean fingerprints = fingerprintColumn();
                return jdbc.sql("select " + (fingerprints ? COLUMNS_WITH_FINGERPRINT : COLUMNS) + " from " + table
                                + " where " + where)
                        .params(params)
                        .query((rs, n) -> record(catalogId, rs, fingerprints))
                        .list();
            }).forEach(r -> found.put(r.retailerId(), r));
        }
        return found;
    }

    @Override
    public void saveAll(String catalogId, Collection<SyncRecord> records) {
        checkCatalog(catalogId);
        if (records == null) {
            throw new IllegalArgumentException("records must not be null");
        }
        Map<String, SyncRecord> latest = new LinkedHashMap<>();
        for (SyncRecord r : records) {
            if (r == null) {
                throw new IllegalArgumentException("records must not contain null");
            }
            latest.put(r.retailerId(), r);
        }
        List<SyncRecord> all = new ArrayList<>(latest.values());
        for (List<SyncRecord> chunk : chunks(all)) {
            boolean fingerprints = fingerprintColumn();
            String insert = "insert into " + table + " (catalog_id, "
                    + (fingerprints ? COLUMNS_WITH_FINGERPRINT + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                            : COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)");
            guarded(() -> ownTransaction.execute(status -> {
                deleteBatch(catalogId, chunk.stream().map(SyncRecord::retailerId).toList());
                return template.batchUpdate(insert, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        SyncRecord r = chunk.get(i);
                        ps.setString(1, catalogId);
                        ps.setString(2, r.retailerId());
                        ps.setString(3, r.productId());
                        ps.setString(4, r.contentHash());
                        ps.setString(5, json(r.translationHashes()));
                        ps.setObject(6, OffsetDateTime.ofInstant(r.syncedAt().truncatedTo(ChronoUnit.MICROS),
                                ZoneOffset.UTC));
                        ps.setInt(7, r.warnings());
                        if (fingerprints) {
                            ps.setString(8, r.fingerprint().filter(f -> f.length() <= MAX_FINGERPRINT).orElse(null));
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return chunk.size();
                    }
                });
            }));
        }
    }

    @Override
    public void removeAll(String catalogId, Collection<String> retailerIds) {
        checkCatalog(catalogId);
        List<String> ids = distinct(retailerIds, "retailerIds");
        for (List<String> chunk : chunks(ids)) {
            guarded(() -> ownTransaction.execute(status -> deleteBatch(catalogId, chunk)));
        }
    }

    /** Deletes rows by primary key, one JDBC batch; a key lookup each on every database. */
    private int[] deleteBatch(String catalogId, List<String> retailerIds) {
        return template.batchUpdate("delete from " + table + " where catalog_id = ? and retailer_id = ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setString(1, catalogId);
                        ps.setString(2, retailerIds.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return retailerIds.size();
                    }
                });
    }

    /**
     * Whether the table has the {@code fingerprint} column, found once the table exists from the database's
     * metadata (no statement, so nothing that could spoil a transaction of the caller's): a table created before
     * fingerprints existed is read and written without them.
     */
    private boolean fingerprintColumn() {
        Boolean known = fingerprintColumn;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (fingerprintColumn != null) {
                return fingerprintColumn;
            }
            Set<String> columns = guarded(() -> template.execute((ConnectionCallback<Set<String>>) this::columns));
            if (columns.isEmpty()) {
                // no table (yet): the statement that follows names it in its error
                return true;
            }
            boolean has = columns.contains("fingerprint");
            if (!has) {
                log.warn("The sync ledger table '{}' has no fingerprint column, so unchanged products are mapped "
                        + "again on every sync; add it with: alter table {} add column fingerprint varchar({})",
                        table, table, MAX_FINGERPRINT);
            }
            fingerprintColumn = has;
            return has;
        }
    }

    /** The table's column names in lower case, empty when the metadata shows no such table. */
    private Set<String> columns(java.sql.Connection c) throws SQLException {
        java.sql.DatabaseMetaData md = c.getMetaData();
        int dot = table.indexOf('.');
        String name = dot < 0 ? table : table.substring(dot + 1);
        List<String> schemas = new ArrayList<>();
        if (dot >= 0) {
            schemas.addAll(spellings(table.substring(0, dot)));
        } else {
            String current = c.getSchema();
            if (current != null) {
                schemas.add(current);
            }
            schemas.add(null);
        }
        String escape = md.getSearchStringEscape();
        for (String schema : schemas) {
            for (String spelling : spellings(name)) {
                String pattern = escape == null || escape.isEmpty() ? spelling
                        : spelling.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
                Set<String> found = new HashSet<>();
                try (ResultSet rs = md.getColumns(null, schema, pattern, null)) {
                    while (rs.next()) {
                        found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return Set.of();
    }

    private static List<String> spellings(String identifier) {
        return new ArrayList<>(new LinkedHashSet<>(List.of(identifier, identifier.toUpperCase(Locale.ROOT),
                identifier.toLowerCase(Locale.ROOT))));
    }

    /**
     * Whether lookups of many ids name the whole key as row values: H2 uses only the key's first column for
     * {@code catalog_id = ? and retailer_id in (...)} and scans the catalog, while PostgreSQL serves that form
     * with one index scan but plans a list of row values as one scan per id.
     */
    private boolean rowValueLookups() {
        Boolean known = rowValueLookups;
        if (known == null) {
            String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData()
                    .getDatabaseProductName());
            known = product != null && product.toLowerCase(Locale.ROOT).contains("h2");
            rowValueLookups = known;
        }
        return known;
    }

    /**
     * Passes every retailer id of the catalog to the consumer in retailer id order, reading one page of
     * {@code batchSize} ids at a time; no connection is held while the consumer runs, so it may write to this
     * store. Ids saved or removed meanwhile after the current page are seen or not accordingly.
     *
     * @param catalogId the catalog id
     * @param consumer receives each retailer id
     */
    @Override
    public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
        checkCatalog(catalogId);
        if (consumer == null) {
            throw new IllegalArgumentException("consumer must not be null");
        }
        String first = "select retailer_id from " + table + " where catalog_id = ? order by retailer_id"
                + " fetch first " + batchSize + " rows only";
        String next = "select retailer_id from " + table + " where catalog_id = ? and retailer_id > ?"
                + " order by retailer_id fetch first " + batchSize + " rows only";
        String after = null;
        while (true) {
            String last = after;
            List<String> page = guarded(() -> last == null
                    ? jdbc.sql(first).param(catalogId).query(String.class).list()
                    : jdbc.sql(next).params(catalogId, last).query(String.class).list());
            page.forEach(consumer);
            if (page.size() < batchSize) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public long count(String catalogId) {
        checkCatalog(catalogId);
        return guarded(() -> jdbc.sql("select count(*) from " + table + " where catalog_id = ?").param(catalogId)
                .query(Long.class).single());
    }

    private SyncRecord record(String catalogId, ResultSet rs, boolean fingerprints) throws SQLException {
        String retailerId = rs.getString("retailer_id");
        OffsetDateTime syncedAt = rs.getObject("synced_at", OffsetDateTime.class);
        return SyncRecord.builder()
                .fingerprint(fingerprints ? rs.getString("fingerprint") : null)
                .retailerId(retailerId)
                .productId(rs.getString("product_id"))
                .contentHash(rs.getString("content_hash"))
                .translationHashes(hashes(rs.getString("translation_hashes"), catalogId, retailerId))
                .syncedAt(syncedAt.toInstant())
                .warnings(rs.getInt("warnings"))
                .build();
    }

    private static String json(Map<String, String> hashes) {
        if (hashes.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(hashes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write translation hashes as JSON", e);
        }
    }

    private Map<String, String> hashes(String text, String catalogId, String retailerId) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            TreeMap<String, String> map = JSON.readValue(text, HASHES);
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The ledger table '" + table + "' holds translation_hashes that are not "
                    + "a JSON object of language to hash for catalog " + catalogId + ", retailer id " + retailerId, e);
        }
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (BadSqlGrammarException e) {
            throw new IllegalStateException("The sync ledger table '" + table + "' is missing or has other columns: "
                    + "create it with the DDL in io/github/metacommerce/spring/jdbc/ledger-*.sql, or set "
                    + "meta.commerce.sync.jdbc-ledger.enabled=false and pass your own SyncStateStore", e);
        }
    }

    private static void checkCatalog(String catalogId) {
        if (catalogId == null || catalogId.isBlank()) {
            throw new IllegalArgumentException("catalogId must not be null or blank");
        }
    }

    private static List<String> distinct(Collection<String> ids, String name) {
        if (ids == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        LinkedHashSet<String> set = new LinkedHashSet<>(ids.size() * 2);
        for (String id : ids) {
            if (id == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
            set.add(id);
        }
        return new ArrayList<>(set);
    }

    private <T> List<List<T>> chunks(List<T> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<List<T>> out = new ArrayList<>((all.size() + batchSize - 1) / batchSize);
        for (int from = 0; from < all.size(); from += batchSize) {
            out.add(Collections.unmodifiableList(all.subList(from, Math.min(all.size(), from + batchSize))));
        }
        return out;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public String toString() {
        return "JdbcSyncStateStore[table=" + table + ", batchSize=" + batchSize + "]";
    }
}
