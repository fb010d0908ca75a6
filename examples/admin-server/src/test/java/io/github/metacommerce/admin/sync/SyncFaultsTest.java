package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.connection.TokenCipher;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Faults injected through the sandbox: a burst of 5xx answers, Meta's throttling, a token revoked in the middle of
 * a run. Every product ends synced, unchanged, failed with a category or not attempted; the counts add up and the
 * errors view agrees with the run.
 */
class SyncFaultsTest extends AdminServerTestBase {
    private static final int PRODUCTS = 40;

    @Autowired
    GraphSandbox sandbox;
    @Autowired
    MetaConnections connections;
    @Autowired
    TokenCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void noFaults() {
        SyncScenarios.sandbox(sandbox, "DELETE", "/_sandbox/faults", null);
    }

    @Test
    void aBurstOf5xxIsRetriedAndEveryProductArrives() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = storeWithProducts(admin, "burst");
        fault("{\"method\":\"POST\",\"path\":\"/**/items_batch\",\"times\":3,\"kind\":\"error\",\"status\":500,"
                + "\"code\":2,\"transient\":true}");
        JsonNode job = SyncScenarios.syncToEnd(admin, "{}");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("counts").get("created").asLong()).isEqualTo(PRODUCTS);
        assertThat(SyncScenarios.sandboxItems(sandbox, store.catalogId())).hasSize(PRODUCTS);
        assertBalanced(job);
        assertThat(Browser.json(admin.get("/api/meta-commerce/products/errors?severity=error")).get("total").asLong())
                .isZero();
    }

    @Test
    void throttlingStopsTheRunSaysWhenItResumesAndTheNextRunSendsTheRest() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = storeWithProducts(admin, "throttle");
        // Meta's "too many calls to this catalog" on the third batch: longer than the wait the run may take
        fault("{\"method\":\"POST\",\"path\":\"/**/items_batch\",\"times\":100,\"kind\":\"error\",\"status\":400,"
                + "\"code\":80014,\"transient\":false,\"message\":\"Too many calls to this catalog\"}");
        JsonNode job = SyncScenarios.syncToEnd(admin, "{}");
        assertThat(job.get("status").asString()).as(job.toString()).isIn("partial", "failed");
        assertThat(job.get("error").get("category").asString()).isEqualTo("rate_limit_error");
        assertThat(job.get("throttledUntil").isNull()).as(job.toString()).isFalse();
        Instant resumeAt = Instant.parse(job.get("throttledUntil").asString());
        assertThat(resumeAt).isAfter(Instant.now());
        assertThat(job.get("error").get("message").asString()).contains("resumes");
        assertBalanced(job);
        assertThat(job.get("counts").get("notAttempted").asLong()).isPositive();

        // the rest is already queued for when Meta allows it: a manual request gets that run (409)
        HttpResponse<String> again = admin.post("/api/meta-commerce/sync-job", "{}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        JsonNode resume = Browser.json(again).get("job");
        assertThat(resume.get("status").asString()).isEqualTo("queued");
        assertThat(resume.get("trigger").asString()).isEqualTo("scheduled");

        // when it runs (here: now, by hand after cancelling the queued one) it sends only what was missing
        noFaults();
        assertThat(admin.post("/api/meta-commerce/jobs/" + resume.get("jobId").asString() + "/cancel", "{}")
                .statusCode()).isEqualTo(202);
        JsonNode rest = SyncScenarios.syncToEnd(admin, "{}");
        assertThat(rest.get("status").asString()).isEqualTo("completed");
        assertThat(rest.get("counts").get("created").asLong() + job.get("counts").get("created").asLong())
                .isEqualTo(PRODUCTS);
        assertThat(SyncScenarios.sandboxItems(sandbox, store.catalogId())).hasSize(PRODUCTS);
    }

    @Test
    void aTokenRevokedMidRunStopsItAndMarksTheConnection() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = storeWithProducts(admin, "revoked");
        // slow batches, so the test can revoke the token after the first ones arrived
        fault("{\"method\":\"POST\",\"path\":\"/**/items_batch\",\"times\":1000,\"kind\":\"latency\","
                + "\"latencyMs\":150}");
        HttpResponse<String> started = admin.post("/api/meta-commerce/sync-job", "{}");
        assertThat(started.statusCode()).isEqualTo(202);
        String jobId = Browser.json(started).get("jobId").asString();
        // Meta confirmed the first batches: the ledger has them
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from meta_commerce_ledger where catalog_id = ?",
                        Long.class, store.catalogId()) > 0);
        String token = cipher.decrypt(connections.find(store.storeId()).orElseThrow().encryptedToken(),
                store.storeId());
        SyncScenarios.sandbox(sandbox, "POST", "/_sandbox/tokens/expire", "{\"token\":\"" + token + "\"}");

        JsonNode job = SyncScenarios.awaitEnd(admin, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("partial");
        assertThat(job.get("error").get("category").asString()).isEqualTo("authentication_error");
        assertBalanced(job);
        long created = job.get("counts").get("created").asLong();
        assertThat(created).isPositive().isLessThan(PRODUCTS);
        // what Meta confirmed before the revoke is in the catalog; everything else is accounted for
        assertThat(SyncScenarios.sandboxItems(sandbox, store.catalogId()).size()).isGreaterThanOrEqualTo((int) created);
        JsonNode status = Browser.json(admin.get("/api/meta-commerce/status"));
        assertThat(status.get("connectionStatus").asString()).isEqualTo("reconnect_required");
        assertThat(status.get("connected").asBoolean()).isFalse();
        HttpResponse<String> refused = admin.post("/api/meta-commerce/sync-job", "{}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Browser.json(refused).get("code").asString()).isEqualTo("reconnect_required");
        // the products Meta confirmed are synced; those refused carry an error; those sent but unconfirmed (never
        // reported failed) and the rest wait
        JsonNode summary = Browser.json(admin.get("/api/meta-commerce/products/status")).get("summary");
        assertThat(summary.get("synced").asLong()).isEqualTo(created);
        assertThat(summary.get("error").asLong()).isEqualTo(job.get("counts").get("failed").asLong());
        assertThat(summary.get("not_synced").asLong()).isEqualTo(job.get("counts").get("notAttempted").asLong()
                + job.get("counts").get("unconfirmed").asLong());
        assertThat(Browser.json(admin.get("/api/meta-commerce/products/errors?severity=error")).get("total").asLong())
                .isEqualTo(job.get("counts").get("errors").asLong());
    }

    private void fault(String json) {
        SyncScenarios.sandbox(sandbox, "POST", "/_sandbox/faults", json);
    }

    private static void assertBalanced(JsonNode job) {
        JsonNode c = job.get("counts");
        assertThat(c.get("created").asLong() + c.get("updated").asLong() + c.get("unchanged").asLong()
                + c.get("deleted").asLong() + c.get("failed").asLong() + c.get("notAttempted").asLong()
                + c.get("unconfirmed").asLong())
                .as("every item is accounted for: " + c).isEqualTo(c.get("items").asLong());
    }

    private SyncScenarios.ConnectedStore storeWithProducts(Browser admin, String name) {
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique(name));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"currency\":\"USD\","
                + "\"defaultBrand\":\"Acme\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> put = admin.put("/api/meta-commerce/products", SyncScenarios.products(PRODUCTS));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Browser.json(put).get("created").asLong()).isEqualTo(PRODUCTS);
        return store;
    }
}
