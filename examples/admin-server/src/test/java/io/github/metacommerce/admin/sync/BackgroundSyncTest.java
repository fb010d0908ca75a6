package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.connection.TokenCheck;
import io.github.metacommerce.admin.connection.TokenCipher;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Runs nobody clicked: sync on change, schedules, and the daily token check. */
class BackgroundSyncTest extends AdminServerTestBase {
    @Autowired
    GraphSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScheduledSyncs schedules;
    @Autowired
    TokenCheck tokenCheck;
    @Autowired
    MetaConnections connections;
    @Autowired
    TokenCipher cipher;
    @Autowired
    SandboxRestart sandboxRestart;

    @Test
    void aStoreWithoutADomainIsToldToSetItBeforeARunStarts() {
        Browser admin = admin();
        SyncScenarios.connectedStore(admin, unique("no-domain"));
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(2)).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = admin.post("/api/meta-commerce/sync-job", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Browser.json(refused).get("field").asString()).isEqualTo("storeUrl");
        assertThat(Browser.json(refused).get("error").asString()).contains("store domain");
        assertThat(Browser.json(admin.get("/api/meta-commerce/sync/history")).get("total").asLong()).isZero();

        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\"}").statusCode())
                .isEqualTo(200);
        JsonNode run = SyncScenarios.syncToEnd(admin, "{}");
        assertThat(run.get("status").asString()).isEqualTo("completed");
        assertThat(run.get("counts").get("created").asLong()).isEqualTo(2);
    }

    @Test
    void aChangedProductIsSyncedOnItsOwnAndADeletedOneIsDeletedAtMeta() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique("on-change"));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"defaultBrand\":"
                + "\"Acme\",\"syncSettings\":{\"syncOnChange\":true}}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(3)).statusCode()).isEqualTo(200);
        awaitItems(store, 3);
        JsonNode first = SyncScenarios.awaitEnd(admin, lastRun(admin).get("jobId").asString());
        assertThat(first.get("trigger").asString()).isEqualTo("change");
        assertThat(first.get("mode").asString()).isEqualTo("incremental");
        assertThat(first.get("productCount").asInt()).isEqualTo(3);

        assertThat(admin.delete("/api/meta-commerce/products/p2").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !SyncScenarios.sandboxItems(sandbox, store.catalogId()).containsKey("SKU-2"));
        JsonNode second = SyncScenarios.awaitEnd(admin, lastRun(admin).get("jobId").asString());
        assertThat(second.get("trigger").asString()).isEqualTo("change");
        assertThat(second.get("mode").asString()).as("a deletion needs the full list").isEqualTo("full");
        assertThat(second.get("counts").get("deleted").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sync_pending_changes where store_id = ?", Long.class,
                store.storeId())).isZero();
    }

    @Test
    void aDueScheduleQueuesOneFullRunAndMovesOn() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique("scheduled"));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"defaultBrand\":"
                + "\"Acme\",\"syncSettings\":{\"schedule\":{\"type\":\"interval\",\"everyHours\":6}}}").statusCode())
                .isEqualTo(200);
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(2)).statusCode()).isEqualTo(200);
        Instant planned = jdbc.queryForObject("select next_run_at from store_settings where store_id = ?",
                OffsetDateTime.class, store.storeId()).toInstant();
        assertThat(planned).isBetween(Instant.now().plus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(7)));
        // make it due, as if six hours had passed
        jdbc.update("update store_settings set next_run_at = ? where store_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), store.storeId());
        assertThat(schedules.runDue()).isGreaterThanOrEqualTo(1);
        assertThat(schedules.runDue()).as("claimed once").isZero();
        JsonNode run = lastRun(admin);
        assertThat(run.get("trigger").asString()).isEqualTo("scheduled");
        assertThat(run.get("mode").asString()).isEqualTo("full");
        assertThat(SyncScenarios.awaitEnd(admin, run.get("jobId").asString()).get("status").asString())
                .isEqualTo("completed");
        Instant next = jdbc.queryForObject("select next_run_at from store_settings where store_id = ?",
                OffsetDateTime.class, store.storeId()).toInstant();
        assertThat(next).isAfter(Instant.now().plus(Duration.ofHours(5)));
    }

    @Test
    void theTokenCheckMarksARevokedTokenAndKeepsAHealthyOne() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore revoked = SyncScenarios.connectedStore(admin, unique("revoked-token"));
        SyncScenarios.ConnectedStore healthy = SyncScenarios.connectedStore(admin, unique("healthy-token"));
        String token = cipher.decrypt(connections.find(revoked.storeId()).orElseThrow().encryptedToken(),
                revoked.storeId());
        SyncScenarios.sandbox(sandbox, "POST", "/_sandbox/tokens/expire", "{\"token\":\"" + token + "\"}");

        TokenCheck.Result result = tokenCheck.checkAll();
        assertThat(result.reconnectRequired()).isGreaterThanOrEqualTo(1);
        assertThat(connections.find(revoked.storeId()).orElseThrow().usable()).isFalse();
        assertThat(connections.find(revoked.storeId()).orElseThrow().statusReason()).isPresent();
        assertThat(connections.find(healthy.storeId()).orElseThrow().usable()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("select token_expires_at from meta_connections where store_id = ?",
                healthy.storeId());
        assertThat(row.get("token_expires_at")).isNotNull();
    }

    @Test
    void aRestartedSandboxStartsEmptySoWhatTheLedgerKnewOfItIsForgotten() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique("restart"));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"defaultBrand\":"
                + "\"Acme\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(2)).statusCode()).isEqualTo(200);
        assertThat(SyncScenarios.syncToEnd(admin, "{}").get("status").asString()).isEqualTo("completed");
        assertThat(jdbc.queryForObject("select count(*) from meta_commerce_ledger where catalog_id = ?", Long.class,
                store.catalogId())).isEqualTo(2);

        sandboxRestart.run(null);

        assertThat(jdbc.queryForObject("select count(*) from meta_commerce_ledger", Long.class)).isZero();
        assertThat(Browser.json(admin.get("/api/meta-commerce/products/status")).get("summary").get("not_synced")
                .asLong()).isEqualTo(2);
    }

    private void awaitItems(SyncScenarios.ConnectedStore store, int n) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> SyncScenarios.sandboxItems(sandbox, store.catalogId()).size() == n);
    }

    private static JsonNode lastRun(Browser admin) {
        return Browser.json(admin.get("/api/meta-commerce/sync/history?size=1")).get("runs").get(0);
    }
}
