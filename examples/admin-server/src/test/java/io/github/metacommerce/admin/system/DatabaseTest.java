package io.github.metacommerce.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.spring.TokenExpirySource;
import io.github.metacommerce.spring.jdbc.JdbcSyncStateStore;
import io.github.metacommerce.spring.jdbc.JdbcUsedNonceStore;
import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The schema, the database-backed SPIs and the actuator, on H2 and (in CI) on PostgreSQL 15. */
class DatabaseTest extends AdminServerTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UsedNonceStore nonces;
    @Autowired
    List<TokenExpirySource> expirySources;
    @Autowired
    SyncStateStore ledger;

    @Test
    void flywayCreatedEveryTable() {
        List<String> tables = jdbc.queryForList("select lower(table_name) from information_schema.tables "
                + "where lower(table_schema) = 'public'", String.class);
        assertThat(tables).contains("users", "stores", "store_members", "meta_connections", "store_settings",
                "oauth_used_nonces", "scheduled_tasks", "flyway_schema_history");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = true", Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLedgerIsTheJdbcOneAndKeepsFingerprintsSinceV7() {
        assertThat(ledger).isInstanceOf(JdbcSyncStateStore.class);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '7' and success = "
                + "true", Long.class)).isOne();
        String catalog = "db-test-" + System.nanoTime();
        SyncRecord r = SyncRecord.builder().retailerId("SKU-1").productId("1").contentHash("c".repeat(64))
                .fingerprint("0123456789abcdef0123456789abcdef").syncedAt(java.time.Instant.parse(
                        "2026-12-03T09:00:00.123456Z")).build();
        try {
            ledger.saveAll(catalog, List.of(r));

            assertThat(ledger.find(catalog, List.of("SKU-1")).get("SKU-1")).isEqualTo(r);
            assertThat(jdbc.queryForObject("select fingerprint from meta_commerce_ledger where catalog_id = ?",
                    String.class, catalog)).isEqualTo("0123456789abcdef0123456789abcdef");
        } finally {
            ledger.removeAll(catalog, List.of("SKU-1"));
        }
    }

    @Test
    void theNonceStoreIsTheSharedJdbcOne() {
        assertThat(nonces).isInstanceOf(JdbcUsedNonceStore.class);
        assertThat(nonces.markUsed("db-test-" + System.nanoTime(), java.time.Instant.now().plusSeconds(60))).isTrue();
    }

    @Test
    void theHealthIndicatorReadsTokenExpiryFromTheConnectionsTable() {
        assertThat(expirySources).hasSize(1);
        assertThat(expirySources.get(0)).isInstanceOf(io.github.metacommerce.admin.connection.MetaConnections.class);
    }

    @Test
    void theBootstrapAdminExistsOnceWithAHashedPassword() {
        String hash = jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain(ADMIN_PASSWORD);
        assertThat(jdbc.queryForObject("select count(*) from stores s join store_members m on m.store_id = s.id "
                + "join users u on u.id = m.user_id where u.username = 'admin' and s.name = 'Demo Store'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void healthIsPublicWithoutDetailsAndTheRestOfTheActuatorIsForAdministrators() {
        Browser anonymous = new Browser(baseUrl());
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Browser.json(health).get("status").asString()).isEqualTo("UP");
        assertThat(Browser.json(health).has("components")).isFalse();
        assertThat(anonymous.get("/actuator/metrics").statusCode()).isIn(302, 401);

        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        HttpResponse<String> detailed = admin.get("/actuator/health");
        assertThat(Browser.json(detailed).has("components")).isTrue();
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        HttpResponse<String> page = new Browser(baseUrl()).get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.body()).contains("Sandbox mode: nothing is sent to Meta");
    }
}
