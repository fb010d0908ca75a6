package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxRateLimitTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create();

    private static final String BATCH = "/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch";
    private Http http;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
        token = sandbox.mintUserToken();
    }

    private Http.Res call(String catalog) {
        return http.postForm("/v27.0/" + catalog + "/items_batch", token, Http.params("item_type", "PRODUCT_ITEM",
                "requests", "[{\"method\":\"DELETE\",\"data\":{\"id\":\"X\"}}]"));
    }

    @Test
    void theNinthBatchCallInAMinuteIs80014WithTheTimeToWait() {
        for (int i = 1; i <= 8; i++) {
            Http.Res ok = call(GraphSandbox.CATALOG_ID);
            assertThat(ok.status()).as("call %d", i).isEqualTo(200);
            JsonNode usage = SandboxGraphTest.parse(ok.header("x-business-use-case-usage"))
                    .get(GraphSandbox.CATALOG_ID).get(0);
            assertThat(usage.get("call_count").asInt()).isEqualTo(i * 100 / 8);
        }

        Http.Res throttled = call(GraphSandbox.CATALOG_ID);

        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.error().get("code").asInt()).isEqualTo(80014);
        JsonNode usage = SandboxGraphTest.parse(throttled.header("x-business-use-case-usage"))
                .get(GraphSandbox.CATALOG_ID).get(0);
        assertThat(usage.get("type").asText()).isEqualTo("catalog_batch");
        assertThat(usage.get("call_count").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(usage.get("estimated_time_to_regain_access").asInt()).isEqualTo(1);
        assertThat(usage.has("total_cputime")).isTrue();
        assertThat(usage.has("total_time")).isTrue();
    }

    @Test
    void theBudgetIsPerCatalog() {
        for (int i = 0; i < 8; i++) {
            call(GraphSandbox.CATALOG_ID);
        }

        assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(400);
        assertThat(call(GraphSandbox.SECOND_CATALOG_ID).status()).isEqualTo(200);
    }

    @Test
    void theWindowSlidesSoCallsAreAllowedAgainAfterAMinute() {
        for (int i = 0; i < 8; i++) {
            call(GraphSandbox.CATALOG_ID);
        }
        assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(400);

        Http.Res moved = http.postJson("/_sandbox/clock", null, "{\"advance\":\"PT61S\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(200);
    }

    @Test
    void theBudgetIsConfigurable() {
        try (GraphSandbox generous = GraphSandbox.builder().batchCallsPerMinute(20).build().start()) {
            Http h = new Http(generous.baseUrl());
            String t = generous.mintUserToken();
            int ok = 0;
            for (int i = 0; i < 21; i++) {
                if (h.postForm(BATCH, t, Http.params("item_type", "PRODUCT_ITEM", "requests",
                        "[{\"method\":\"DELETE\",\"data\":{\"id\":\"X\"}}]")).status() == 200) {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(20);
        }
    }

    @Test
    void otherCatalogCallsDoNotUseTheBatchBudget() {
        for (int i = 0; i < 20; i++) {
            http.get("/v27.0/" + GraphSandbox.CATALOG_ID + "/products", token);
        }

        assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(200);
        sandbox.sandbox().advanceClock(Duration.ofMinutes(2));
    }

    @Test
    void callingWhileBlockedExtendsTheBlock() {
        for (int i = 0; i < 8; i++) {
            call(GraphSandbox.CATALOG_ID);
        }
        sandbox.sandbox().advanceClock(java.time.Duration.ofSeconds(30));
        for (int i = 0; i < 8; i++) {
            assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(400);
        }

        sandbox.sandbox().advanceClock(java.time.Duration.ofSeconds(31));

        assertThat(call(GraphSandbox.CATALOG_ID).status()).as("the refused calls still fill the window")
                .isEqualTo(400);
        sandbox.sandbox().advanceClock(java.time.Duration.ofSeconds(30));
        assertThat(call(GraphSandbox.CATALOG_ID).status()).isEqualTo(200);
    }
}
