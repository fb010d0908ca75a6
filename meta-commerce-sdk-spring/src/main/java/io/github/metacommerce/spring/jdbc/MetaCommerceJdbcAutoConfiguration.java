package io.github.metacommerce.spring.jdbc;

import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.spring.MetaCommerceAutoConfiguration;
import io.github.metacommerce.sync.SyncStateStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the SDK's shared state in the application's database when there is a single {@code DataSource} and
 * {@code spring-jdbc} is on the classpath:
 * <ul>
 *   <li>the {@link UsedNonceStore} is a {@link JdbcUsedNonceStore} on the table
 *   {@code meta.commerce.oauth.jdbc-nonce-store.table} (default {@value JdbcUsedNonceStore#DEFAULT_TABLE}), so a
 *   state used on one instance is refused on all; switch it off with
 *   {@code meta.commerce.oauth.jdbc-nonce-store.enabled=false} (the in-memory store then applies);</li>
 *   <li>a {@link SyncStateStore} bean, the sync ledger, is a {@link JdbcSyncStateStore} on the table
 *   {@code meta.commerce.sync.jdbc-ledger.table} (default {@value JdbcSyncStateStore#DEFAULT_TABLE}); switch it
 *   off with {@code meta.commerce.sync.jdbc-ledger.enabled=false}.</li>
 * </ul>
 * Either backs off when the application defines its own bean of that type.
 */
@AutoConfiguration(before = MetaCommerceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({DataSource.class, org.springframework.jdbc.core.simple.JdbcClient.class, UsedNonceStore.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({JdbcNonceStoreProperties.class, JdbcLedgerProperties.class})
public class MetaCommerceJdbcAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public MetaCommerceJdbcAutoConfiguration() {
    }

    /** The database-backed OAuth nonce store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "meta.commerce.oauth.jdbc-nonce-store", name = "enabled", matchIfMissing = true)
    static class NonceStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        UsedNonceStore metaCommerceUsedNonceStore(DataSource dataSource, JdbcNonceStoreProperties properties) {
            return new JdbcUsedNonceStore(dataSource, properties.getTable(), Clock.systemUTC(),
                    properties.getInitializeSchema());
        }
    }

    /** The database-backed sync ledger. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SyncStateStore.class)
    @ConditionalOnProperty(prefix = "meta.commerce.sync.jdbc-ledger", name = "enabled", matchIfMissing = true)
    static class LedgerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SyncStateStore metaCommerceSyncStateStore(DataSource dataSource, JdbcLedgerProperties properties) {
            try {
                return new JdbcSyncStateStore(dataSource, properties.getTable(), properties.getBatchSize());
            } catch (IllegalArgumentException e) {
                String property = e.getMessage().startsWith("table") ? "meta.commerce.sync.jdbc-ledger.table"
                        : "meta.commerce.sync.jdbc-ledger.batch-size";
                throw new IllegalArgumentException("Invalid " + property + ": " + e.getMessage(), e);
            }
        }
    }
}
