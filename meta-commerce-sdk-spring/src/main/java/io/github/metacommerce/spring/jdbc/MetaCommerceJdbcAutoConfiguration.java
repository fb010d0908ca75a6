package io.github.metacommerce.spring.jdbc;

import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.spring.MetaCommerceAutoConfiguration;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Shares OAuth state nonces through the application's database: with a single {@code DataSource} and
 * {@code spring-jdbc} on the classpath, the {@link UsedNonceStore} is a {@link JdbcUsedNonceStore} on the table
 * {@code meta.commerce.oauth.jdbc-nonce-store.table} (default {@value JdbcUsedNonceStore#DEFAULT_TABLE}), so a
 * state used on one instance is refused on all. Switch it off with
 * {@code meta.commerce.oauth.jdbc-nonce-store.enabled=false} (the in-memory store then applies), or define your
 * own {@code UsedNonceStore} bean.
 */
@AutoConfiguration(before = MetaCommerceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({DataSource.class, org.springframework.jdbc.core.simple.JdbcClient.class, UsedNonceStore.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "meta.commerce.oauth.jdbc-nonce-store", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(JdbcNonceStoreProperties.class)
public class MetaCommerceJdbcAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public MetaCommerceJdbcAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    UsedNonceStore metaCommerceUsedNonceStore(DataSource dataSource, JdbcNonceStoreProperties properties) {
        return new JdbcUsedNonceStore(dataSource, properties.getTable(), Clock.systemUTC(),
                properties.getInitializeSchema());
    }
}
