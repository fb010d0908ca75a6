/**
 * JDBC implementations of the SDK's storage SPIs for applications that run several instances on one database:
 * {@link io.github.metacommerce.spring.jdbc.JdbcUsedNonceStore} (OAuth state nonces) and
 * {@link io.github.metacommerce.spring.jdbc.JdbcSyncStateStore} (the sync ledger). Auto-configured by
 * {@link io.github.metacommerce.spring.jdbc.MetaCommerceJdbcAutoConfiguration} when a single {@code DataSource}
 * exists; the tables are the application's to create, with the DDL shipped in this package's resources.
 */
package io.github.metacommerce.spring.jdbc;
