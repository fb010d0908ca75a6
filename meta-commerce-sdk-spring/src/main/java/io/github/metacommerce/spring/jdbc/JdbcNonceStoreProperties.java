package io.github.metacommerce.spring.jdbc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the database-backed OAuth nonce store ({@code meta.commerce.oauth.jdbc-nonce-store.*}). */
@ConfigurationProperties("meta.commerce.oauth.jdbc-nonce-store")
public class JdbcNonceStoreProperties {
    /**
     * Whether used OAuth state nonces are kept in the application's database (shared by every instance) when a
     * DataSource exists.
     */
    private boolean enabled = true;

    // a literal (JdbcUsedNonceStore.DEFAULT_TABLE), so that the generated configuration metadata shows the default
    /** Table of used OAuth state nonces; create it with the DDL shipped in io/github/metacommerce/spring/jdbc. */
    private String table = "oauth_used_nonces";

    /**
     * When the table is created if it is missing: {@code embedded} (only in an in-memory database, as in tests),
     * {@code always}, or {@code never} (create it yourself, e.g. with Flyway).
     */
    private JdbcUsedNonceStore.SchemaInit initializeSchema = JdbcUsedNonceStore.SchemaInit.EMBEDDED;

    /** @return when the table is created */
    public JdbcUsedNonceStore.SchemaInit getInitializeSchema() {
        return initializeSchema;
    }

    /** @param initializeSchema when the table is created */
    public void setInitializeSchema(JdbcUsedNonceStore.SchemaInit initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    /** @return whether the store is enabled */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the store is enabled */
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
}
