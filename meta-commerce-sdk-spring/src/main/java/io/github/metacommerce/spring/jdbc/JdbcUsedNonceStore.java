package io.github.metacommerce.spring.jdbc;

import io.github.metacommerce.oauth.UsedNonceStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link UsedNonceStore} in a database table, so that an OAuth state used on one instance is refused on every
 * other one behind the same load balancer. The nonce is the table's primary key: the first insert wins and a
 * second one, on any instance, fails on the key, atomically, without a lock.
 *
 * <p>The table ({@value #DEFAULT_TABLE} by default) is the application's to create, for example with Flyway; the
 * DDL for H2 and PostgreSQL ships in this jar as {@code io/github/metacommerce/spring/jdbc/used-nonces-h2.sql} and
 * {@code used-nonces-postgresql.sql}:
 * <pre>{@code
 * create table oauth_used_nonces (
 *     nonce      varchar(128) primary key,
 *     expires_at timestamp with time zone not null);
 * create index oauth_used_nonces_expiry_idx on oauth_used_nonces (expires_at);
 * }</pre>
 *
 * <p>Each insert runs in a transaction of its own, so a refused replay never rolls back the caller's work. Expired
 * rows are deleted at most once a minute, by whichever call comes first.
 */
public final class JdbcUsedNonceStore implements UsedNonceStore {
    /** The default table name. */
    public static final String DEFAULT_TABLE = "oauth_used_nonces";
    private static final Logger log = LoggerFactory.getLogger(JdbcUsedNonceStore.class);
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String table;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);
    private final SchemaInit schemaInit;
    private final DataSource dataSource;
    private volatile boolean schemaTried;

    /** When the store creates its table if it is missing. */
    public enum SchemaInit {
        /** Only in an in-memory database (H2, HSQLDB or Derby in memory), such as a test's. */
        EMBEDDED,
        /** Whenever it is missing. */
        ALWAYS,
        /** Never: the application creates it (for example with Flyway). */
        NEVER
    }

    /**
     * Creates the store.
     *
     * @param dataSource the database
     * @param table the table name, such as {@value #DEFAULT_TABLE} (letters, digits and underscores, optionally
     *     with a schema)
     * @param clock the clock used to purge expired nonces
     * @throws IllegalArgumentException if the table name is not a plain identifier
     */
    public JdbcUsedNonceStore(DataSource dataSource, String table, Clock clock) {
        this(dataSource, table, clock, SchemaInit.NEVER);
    }

    /**
     * Creates the store, creating its table on first use when it is missing and {@code schemaInit} allows.
     *
     * @param dataSource the database
     * @param table the table name
     * @param clock the clock used to purge expired nonces
     * @param schemaInit when to create a missing table
     * @throws IllegalArgumentException if the table name is not a plain identifier
     */
    public JdbcUsedNonceStore(DataSource dataSource, String table, Clock clock, SchemaInit schemaInit) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.dataSource = dataSource;
        this.schemaInit = Objects.requireNonNull(schemaInit, "schemaInit");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier such as " + DEFAULT_TABLE
                    + ", got '" + table + "'");
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean markUsed(String nonce, Instant expiresAt) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
        try {
            return insert(nonce, expiresAt);
        } catch (BadSqlGrammarException e) {
            if (!schemaTried && mayCreateSchema()) {
                schemaTried = true;
                createSchema();
                return insert(nonce, expiresAt);
            }
            throw new IllegalStateException("The used-nonce table '" + table + "' is missing or has other columns: "
                    + "create it with the DDL in io/github/metacommerce/spring/jdbc/used-nonces-*.sql (or set "
                    + "meta.commerce.oauth.jdbc-nonce-store.initialize-schema=always), or set "
                    + "meta.commerce.oauth.jdbc-nonce-store.enabled=false to keep nonces in memory", e);
        }
    }

    private boolean insert(String nonce, Instant expiresAt) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into " + table + " (nonce, expires_at) values (?, ?)")
                    .params(nonce, Timestamp.from(expiresAt))
                    .update());
        } catch (DuplicateKeyException e) {
            return false;
        }
        purgeIfDue();   // after a successful insert: the table exists
        return true;
    }

    private boolean mayCreateSchema() {
        if (schemaInit == SchemaInit.ALWAYS) {
            return true;
        }
        if (schemaInit == SchemaInit.NEVER) {
            return false;
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            return url != null && (url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:hsqldb:mem:")
                    || url.startsWith("jdbc:derby:memory:"));
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private void createSchema() {
        log.info("Creating the used-nonce table {}", table);
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("create table if not exists " + table + " (nonce varchar(128) primary key, "
                    + "expires_at timestamp with time zone not null)").update();
            jdbc.sql("create index if not exists " + table.replace('.', '_') + "_expiry_idx on " + table
                    + " (expires_at)").update();
        });
    }

    /**
     * Deletes the nonces of states that have expired (a state past its expiry is refused anyway).
     *
     * @return how many rows were deleted
     */
    public int purgeExpired() {
        return ownTransaction.execute(status -> jdbc.sql("delete from " + table + " where expires_at < ?")
                .param(Timestamp.from(clock.instant())).update());
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        try {
            int deleted = purgeExpired();
            if (deleted > 0) {
                log.debug("Deleted {} expired OAuth state nonces from {}", deleted, table);
            }
        } catch (DataAccessException e) {
            log.warn("Could not delete expired OAuth state nonces from {}: {}", table, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "JdbcUsedNonceStore[table=" + table + "]";
    }
}
