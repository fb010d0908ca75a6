package io.github.metacommerce.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.spring.MetaCommerceAutoConfiguration;
import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The {@link SyncStateStore} bean that {@link MetaCommerceJdbcAutoConfiguration} makes from a DataSource. */
class JdbcLedgerAutoConfigurationTest {

    private static ApplicationContextRunner runner(String database) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MetaCommerceJdbcAutoConfiguration.class, MetaCommerceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                        "spring.datasource.username=sa", "spring.datasource.password=",
                        "meta.commerce.app-id=123", "meta.commerce.app-secret=app-secret-for-tests",
                        "meta.commerce.oauth.redirect-uri=https://shop.example/callback");
    }

    /** A new H2 database with the shipped ledger DDL, its table renamed to {@code table}. */
    private static String newDatabaseWithLedger(String table) {
        String name = "ledger" + UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        try (var connection = ds.getConnection()) {
            String ddl = new ClassPathResource("io/github/metacommerce/spring/jdbc/ledger-h2.sql")
                    .getContentAsString(StandardCharsets.UTF_8).replace(JdbcSyncStateStore.DEFAULT_TABLE, table);
            ScriptUtils.executeSqlScript(connection, new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8)));
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    private static SyncRecord record(String retailerId) {
        return SyncRecord.builder().retailerId(retailerId).contentHash("hash").translationHash("fr_XX", "fr")
                .syncedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }

    @Test
    void aDataSourceMakesTheLedgerJdbcBackedOnTheDefaultTable() {
        runner(newDatabaseWithLedger(JdbcSyncStateStore.DEFAULT_TABLE)).run(context -> {
            assertThat(context).hasSingleBean(SyncStateStore.class);
            SyncStateStore ledger = context.getBean(SyncStateStore.class);
            assertThat(ledger).isInstanceOf(JdbcSyncStateStore.class);
            assertThat(ledger.toString()).contains("table=" + JdbcSyncStateStore.DEFAULT_TABLE)
                    .contains("batchSize=" + JdbcSyncStateStore.DEFAULT_BATCH_SIZE);
            ledger.saveAll("cat", List.of(record("SKU-1")));
            assertThat(ledger.find("cat", List.of("SKU-1"))).containsEntry("SKU-1", record("SKU-1"));
        });
    }

    @Test
    void thePropertyDefaultsAreTheStoreDefaults() {
        JdbcLedgerProperties defaults = new JdbcLedgerProperties();
        assertThat(defaults.isEnabled()).isTrue();
        assertThat(defaults.getTable()).isEqualTo(JdbcSyncStateStore.DEFAULT_TABLE);
        assertThat(defaults.getBatchSize()).isEqualTo(JdbcSyncStateStore.DEFAULT_BATCH_SIZE);
        assertThat(new JdbcNonceStoreProperties().getTable()).isEqualTo(JdbcUsedNonceStore.DEFAULT_TABLE);
    }

    @Test
    void theTableAndBatchSizeAreConfigurable() {
        runner(newDatabaseWithLedger("shop_ledger"))
                .withPropertyValues("meta.commerce.sync.jdbc-ledger.table=shop_ledger",
                        "meta.commerce.sync.jdbc-ledger.batch-size=2")
                .run(context -> {
                    SyncStateStore ledger = context.getBean(SyncStateStore.class);
                    assertThat(ledger.toString()).contains("table=shop_ledger").contains("batchSize=2");
                    ledger.saveAll("cat", List.of(record("a"), record("b"), record("c")));
                    List<String> ids = new java.util.ArrayList<>();
                    ledger.forEachRetailerId("cat", ids::add);
                    assertThat(ids).containsExactly("a", "b", "c");
                });
    }

    @Test
    void switchedOffThereIsNoLedgerBeanAndTheNonceStoreStays() {
        runner(newDatabaseWithLedger(JdbcSyncStateStore.DEFAULT_TABLE))
                .withPropertyValues("meta.commerce.sync.jdbc-ledger.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SyncStateStore.class);
                    assertThat(context.getBean(UsedNonceStore.class)).isInstanceOf(JdbcUsedNonceStore.class);
                });
    }

    @Test
    void switchingOffTheNonceStoreKeepsTheLedger() {
        runner(newDatabaseWithLedger(JdbcSyncStateStore.DEFAULT_TABLE))
                .withPropertyValues("meta.commerce.oauth.jdbc-nonce-store.enabled=false")
                .run(context -> {
                    assertThat(context.getBean(SyncStateStore.class)).isInstanceOf(JdbcSyncStateStore.class);
                    assertThat(context.getBean(UsedNonceStore.class)).isNotInstanceOf(JdbcUsedNonceStore.class);
                });
    }

    @Test
    void anApplicationsOwnLedgerWins() {
        SyncStateStore own = SyncStateStore.inMemory();
        runner(newDatabaseWithLedger(JdbcSyncStateStore.DEFAULT_TABLE))
                .withBean(SyncStateStore.class, () -> own)
                .run(context -> assertThat(context.getBean(SyncStateStore.class)).isSameAs(own));
    }

    @Test
    void withoutADataSourceThereIsNoLedgerBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetaCommerceJdbcAutoConfiguration.class,
                        MetaCommerceAutoConfiguration.class))
                .withPropertyValues("meta.commerce.app-id=123", "meta.commerce.app-secret=app-secret-for-tests")
                .run(context -> assertThat(context).doesNotHaveBean(SyncStateStore.class));
    }

    @Test
    void anInvalidTableOrBatchSizeFailsStartupNamingTheProperty() {
        String database = newDatabaseWithLedger(JdbcSyncStateStore.DEFAULT_TABLE);
        runner(database).withPropertyValues("meta.commerce.sync.jdbc-ledger.table=ledger; drop table users")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("table must be a plain SQL identifier"));
        runner(database).withPropertyValues("meta.commerce.sync.jdbc-ledger.table=ledger; drop table users")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("meta.commerce.sync.jdbc-ledger.table"));
        runner(database).withPropertyValues("meta.commerce.sync.jdbc-ledger.batch-size=0")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("meta.commerce.sync.jdbc-ledger.batch-size")
                        .hasStackTraceContaining("batchSize must be between 1 and 10000"));
    }
}
