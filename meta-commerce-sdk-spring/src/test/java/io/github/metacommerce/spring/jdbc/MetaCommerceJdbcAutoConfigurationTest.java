package io.github.metacommerce.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.spring.MetaCommerceAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

class MetaCommerceJdbcAutoConfigurationTest {

    private static ApplicationContextRunner runner(String database) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MetaCommerceJdbcAutoConfiguration.class, MetaCommerceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                        "spring.datasource.username=sa", "spring.datasource.password=",
                        "meta.commerce.app-id=123", "meta.commerce.app-secret=app-secret-for-tests",
                        "meta.commerce.oauth.redirect-uri=https://shop.example/callback");
    }

    private static String newDatabaseWithTable() {
        String name = "nonces" + UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                "sa", "");
        try (var connection = ds.getConnection()) {
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("io/github/metacommerce/spring/jdbc/used-nonces-h2.sql"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    @Test
    void aDataSourceMakesTheNonceStoreJdbcBacked() {
        runner(newDatabaseWithTable()).run(context -> {
            assertThat(context).hasSingleBean(UsedNonceStore.class);
            assertThat(context.getBean(UsedNonceStore.class)).isInstanceOf(JdbcUsedNonceStore.class);
        });
    }

    @Test
    void aStateUsedOnOneInstanceIsRefusedOnAnother() {
        String database = newDatabaseWithTable();
        ApplicationContextRunner instance = runner(database);
        instance.run(first -> instance.run(second -> {
            String state = first.getBean(OAuthStateCodec.class).issue("store-7");
            assertThat(second.getBean(OAuthStateCodec.class).verify(state).storeId()).isEqualTo("store-7");
            assertThatThrownBy(() -> first.getBean(OAuthStateCodec.class).verify(state))
                    .isInstanceOfSatisfying(OAuthStateException.class,
                            e -> assertThat(e.reason()).isEqualTo(OAuthStateException.Reason.REPLAYED));
        }));
    }

    @Test
    void markUsedIsTrueOnceThenFalse() {
        runner(newDatabaseWithTable()).run(context -> {
            UsedNonceStore store = context.getBean(UsedNonceStore.class);
            Instant expires = Instant.now().plusSeconds(600);
            assertThat(store.markUsed("n-1", expires)).isTrue();
            assertThat(store.markUsed("n-1", expires)).isFalse();
            assertThat(store.markUsed("n-2", expires)).isTrue();
        });
    }

    @Test
    void purgeDeletesOnlyExpiredNonces() {
        runner(newDatabaseWithTable()).run(context -> {
            DataSource ds = context.getBean(DataSource.class);
            Instant now = Instant.parse("2026-12-01T10:00:00Z");
            JdbcUsedNonceStore store = new JdbcUsedNonceStore(ds, "oauth_used_nonces", Clock.fixed(now, ZoneOffset.UTC));
            JdbcTemplate rows = new JdbcTemplate(ds);
            rows.update("insert into oauth_used_nonces (nonce, expires_at) values (?, ?)", "old",
                    java.sql.Timestamp.from(now.minusSeconds(1)));
            rows.update("insert into oauth_used_nonces (nonce, expires_at) values (?, ?)", "new",
                    java.sql.Timestamp.from(now.plusSeconds(60)));
            assertThat(store.purgeExpired()).isEqualTo(1);
            assertThat(new JdbcTemplate(ds).queryForList("select nonce from oauth_used_nonces", String.class))
                    .containsExactly("new");
        });
    }

    @Test
    void aMissingTableIsNamedInTheError() {
        runner("nonces-empty-" + UUID.randomUUID())
                .withPropertyValues("meta.commerce.oauth.jdbc-nonce-store.initialize-schema=never").run(context -> {
            UsedNonceStore store = context.getBean(UsedNonceStore.class);
            assertThatThrownBy(() -> store.markUsed("n", Instant.now().plusSeconds(60)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("oauth_used_nonces")
                    .hasMessageContaining("meta.commerce.oauth.jdbc-nonce-store.enabled=false");
        });
    }

    @Test
    void anInMemoryDatabaseGetsTheTableOnFirstUse() {
        runner("nonces-created-" + UUID.randomUUID()).run(context -> {
            UsedNonceStore store = context.getBean(UsedNonceStore.class);
            Instant expires = Instant.now().plusSeconds(60);
            assertThat(store.markUsed("n", expires)).isTrue();
            assertThat(store.markUsed("n", expires)).isFalse();
            assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForObject("select count(*) from oauth_used_nonces", Long.class)).isEqualTo(1);
        });
    }

    @Test
    void theTableNameIsConfigurableAndChecked() {
        assertThatThrownBy(() -> new JdbcUsedNonceStore(new DriverManagerDataSource("jdbc:h2:mem:x"),
                "nonces; drop table users", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
    }

    @Test
    void switchedOffFallsBackToTheInMemoryStore() {
        runner(newDatabaseWithTable()).withPropertyValues("meta.commerce.oauth.jdbc-nonce-store.enabled=false")
                .run(context -> assertThat(context.getBean(UsedNonceStore.class))
                        .isNotInstanceOf(JdbcUsedNonceStore.class));
    }

    @Test
    void withoutSpringJdbcTheInMemoryStoreApplies() {
        runner(newDatabaseWithTable())
                .withClassLoader(new FilteredClassLoader(org.springframework.jdbc.core.simple.JdbcClient.class))
                .run(context -> assertThat(context.getBean(UsedNonceStore.class))
                        .isNotInstanceOf(JdbcUsedNonceStore.class));
    }

    @Test
    void theShippedDdlFilesAreTheSameTable() throws Exception {
        String h2 = new ClassPathResource("io/github/metacommerce/spring/jdbc/used-nonces-h2.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String pg = new ClassPathResource("io/github/metacommerce/spring/jdbc/used-nonces-postgresql.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(h2).contains("create table oauth_used_nonces").contains("primary key");
        assertThat(pg).contains("create table oauth_used_nonces").contains("primary key");
    }
}
