package io.github.metacommerce.spring.jdbc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the database-backed sync ledger ({@code meta.commerce.sync.jdbc-ledger.*}). The defaults are
 * literals, the same as {@link JdbcSyncStateStore#DEFAULT_TABLE} and {@link JdbcSyncStateStore#DEFAULT_BATCH_SIZE},
 * so that the generated configuration metadata shows them.
 */
@ConfigurationProperties("meta.commerce.sync.jdbc-ledger")
public class JdbcLedgerProperties {
    /**
     * Whether the SyncStateStore bean is a ledger in the application's database (shared by every instance and
     * kept across restarts) when a DataSource exists.
     */
    private boolean enabled = true;

    /** Table of the sync ledger; create it with the DDL shipped in io/github/metacommerce/spring/jdbc. */
    private String table = "meta_commerce_ledger";

    /** Records per statement or JDBC batch, and retailer ids per page when listing a catalog (1 to 10000). */
    private int batchSize = 1000;

    /** Creates the settings with their defaults. */
    public JdbcLedgerProperties() {
    }

    /** @return whether the ledger is enabled */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the ledger is enabled */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the table name */
    public String getTable() {
        return table;
    }

    /** @param table the table name */
    public void setTable(String table) {
        this.table = table;
    }

    /** @return the records per statement or batch */
    public int getBatchSize() {
        return batchSize;
    }

    /** @param batchSize the records per statement or batch */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
