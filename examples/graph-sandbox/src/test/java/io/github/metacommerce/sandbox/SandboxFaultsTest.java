package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxFaultsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create();

    private static final String CATALOG = "/v27.0/" + GraphSandbox.CATALOG_ID;
    private Http http;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
        token = sandbox.mintUserToken();
    }

    private void fault(String json) {
        assertThat(http.postJson("/_sandbox/faults", null, json).status()).isEqualTo(201);
    }

    @Test
    void anErrorFaultAppliesNTimesThenStops() {
        fault("{\"method\":\"GET\",\"path\":\"/v*/{catalog}\",\"times\":2,\"status\":500,\"code\":2}");

        Http.Res first = http.get(CATALOG, token);
        Http.Res second = http.get(CATALOG, token);
        Http.Res third = http.get(CATALOG, token);

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.error().get("code").asInt()).isEqualTo(2);
        assertThat(first.error().get("is_transient").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void throttleAndTokenErrorsCanBeInjected() {
        fault("{\"path\":\"/**\",\"times\":1,\"status\":400,\"code\":613,\"subcode\":1996,"
                + "\"message\":\"(#613) Calls to this api have exceeded the rate limit.\"}");
        fault("{\"path\":\"/**\",\"times\":1,\"status\":400,\"code\":190,\"subcode\":460,\"message\":\"changed\"}");

        Http.Res throttled = http.get(CATALOG, token);
        Http.Res auth = http.get(CATALOG, token);

        assertThat(throttled.error().get("code").asInt()).isEqualTo(613);
        assertThat(throttled.error().get("error_subcode").asInt()).isEqualTo(1996);
        assertThat(auth.error().get("code").asInt()).isEqualTo(190);
        assertThat(auth.error().get("error_subcode").asInt()).isEqualTo(460);
    }

    @Test
    void aDroppedConnectionGivesTheClientAnIoError() {
        // two drops: the JDK client silently retries an idempotent GET once on a closed connection
        fault("{\"path\":\"/v*/{catalog}\",\"times\":2,\"kind\":\"drop\"}");

        assertThatThrownBy(() -> http.get(CATALOG, token)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(CATALOG, token).status()).isEqualTo(200);
    }

    @Test
    void malformedTruncatedAndHtmlBodies() {
        fault("{\"path\":\"/v*/{catalog}\",\"times\":1,\"kind\":\"malformed\"}");
        fault("{\"path\":\"/v*/{catalog}\",\"times\":1,\"kind\":\"html\",\"status\":502}");
        fault("{\"path\":\"/v*/{catalog}\",\"times\":1,\"kind\":\"truncated\"}");

        Http.Res malformed = http.get(CATALOG, token);
        Http.Res html = http.get(CATALOG, token);

        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.body()).startsWith("{\"data\": [");
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("content-type")).startsWith("text/html");
        assertThatThrownBy(() -> http.get(CATALOG, token)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void latencyDelaysButStillAnswers() {
        fault("{\"path\":\"/v*/{catalog}\",\"times\":1,\"kind\":\"latency\",\"latencyMs\":50}");

        assertThat(http.get(CATALOG, token).status()).isEqualTo(200);
        assertThat(http.get("/_sandbox/faults", null).json()).isEmpty();
    }

    @Test
    void aProbabilityFaultHitsSomeCallsAndSparesOthers() {
        fault("{\"path\":\"/v*/{catalog}\",\"probability\":0.5,\"status\":503,\"code\":2}");
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            if (http.get(CATALOG, token).status() == 503) {
                failed++;
            }
        }

        assertThat(failed).isBetween(1, 39);
        assertThat(http.delete("/_sandbox/faults", null).status()).isEqualTo(200);
        assertThat(http.get(CATALOG, token).status()).isEqualTo(200);
    }

    @Test
    void faultsOnlyMatchTheirMethodAndPath() {
        fault("{\"method\":\"POST\",\"path\":\"/v*/{catalog}/items_batch\",\"status\":500,\"code\":1}");

        assertThat(http.get(CATALOG, token).status()).isEqualTo(200);
        assertThat(http.postForm(CATALOG + "/items_batch", token, Http.params("item_type", "PRODUCT_ITEM"))
                .error().get("code").asInt()).isEqualTo(1);
    }

    @Test
    void theCallLogHasNoTokensAndCountsEndpoints() {
        http.get(CATALOG + "?access_token=" + token, null);
        http.get(CATALOG, token);

        Http.Res log = http.get("/_sandbox/calls", null);

        assertThat(log.body()).doesNotContain(token).contains("\"GET /{v}/{id}\":2");
        assertThat(sandbox.sandbox().callCount("GET /{v}/{id}")).isEqualTo(2);
    }

    @Test
    void resetRestoresTheStartingState() {
        fault("{\"path\":\"/**\",\"status\":500,\"code\":2}");

        http.postForm("/_sandbox/reset", null, Http.params());

        assertThat(http.get(CATALOG, token).status()).as("old tokens are gone").isEqualTo(400);
        assertThat(http.get(CATALOG, sandbox.mintUserToken()).status()).isEqualTo(200);
    }
}
