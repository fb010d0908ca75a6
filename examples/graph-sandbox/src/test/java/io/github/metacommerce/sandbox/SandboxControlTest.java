package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control surface under {@code /_sandbox/}, driven over HTTP the way curl or a test script drives it. */
class SandboxControlTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO)
            .batchCallsPerMinute(1000).clock(Clock.fixed(START, ZoneOffset.UTC)));

    private Http http;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
    }

    private Http.Res post(String path, String contentType, String body) {
        HttpRequest.Builder b = http.builder(path, null).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build());
    }

    private Instant now() {
        return Instant.parse(http.get("/_sandbox/clock", null).json().get("now").asText());
    }

    private static String message(Http.Res r) {
        return r.error().get("message").asText();
    }

    @Test
    void jsonSentAsAFormAsCurlDashDDoesIsRefusedAndSaysWhy() {
        Http.Res r = post("/_sandbox/clock", "application/x-www-form-urlencoded", "{\"advance\":\"PT61S\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).contains("the body is JSON", "Content-Type: application/json");
        assertThat(now()).as("the clock did not move").isEqualTo(START);
    }

    @Test
    void aBodyWithoutContentTypeOrWithAnUnreadableOneIsRefused() {
        Http.Res none = post("/_sandbox/clock", null, "{\"advance\":\"PT61S\"}");
        Http.Res text = post("/_sandbox/tokens", "text/plain", "{\"expires_in\":60}");
        Http.Res broken = post("/_sandbox/clock", "application/json", "{\"advance\":");

        assertThat(none.status()).isEqualTo(400);
        assertThat(message(none)).contains("no Content-Type");
        assertThat(text.status()).isEqualTo(400);
        assertThat(message(text)).contains("Content-Type text/plain");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(message(broken)).contains("not a JSON object");
        assertThat(now()).isEqualTo(START);
    }

    @Test
    void jsonWithItsContentTypeAndFormFieldsBothWork() {
        Http.Res json = http.postJson("/_sandbox/clock", null, "{\"advance\":\"PT61S\"}");
        Http.Res form = http.postForm("/_sandbox/clock", null, Http.params("advance", "PT1M"));

        assertThat(json.status()).isEqualTo(200);
        assertThat(form.status()).isEqualTo(200);
        assertThat(now()).isEqualTo(START.plusSeconds(121));
    }

    @Test
    void unknownKeysAreRefusedNamingThemAndTheKnownOnes() {
        Http.Res clock = http.postJson("/_sandbox/clock", null, "{\"advanse\":\"PT61S\"}");
        Http.Res token = http.postJson("/_sandbox/tokens", null, "{\"expires\":60,\"scope\":[\"x\"]}");
        Http.Res reset = http.postJson("/_sandbox/reset", null, "{\"keep_tokens\":true}");

        assertThat(clock.status()).isEqualTo(400);
        assertThat(message(clock)).contains("unknown key 'advanse'", "(it takes advance)");
        assertThat(token.status()).isEqualTo(400);
        assertThat(message(token)).contains("unknown keys 'expires', 'scope'", "expires_in, scopes");
        assertThat(reset.status()).isEqualTo(400);
        assertThat(message(reset)).contains("'keep_tokens'", "it takes none");
    }

    @Test
    void badValuesAreRefusedInsteadOfFallingBackToADefault() {
        Http.Res zero = http.postJson("/_sandbox/tokens", null, "{\"expires_in\":0}");
        Http.Res words = http.postJson("/_sandbox/tokens", null, "{\"expires_in\":\"soon\"}");
        Http.Res scopes = http.postJson("/_sandbox/tokens", null, "{\"scopes\":\"\"}");
        Http.Res missing = http.postJson("/_sandbox/clock", null, "{}");
        Http.Res backwards = http.postJson("/_sandbox/clock", null, "{\"advance\":\"-PT1S\"}");
        Http.Res status = http.postJson("/_sandbox/faults", null, "{\"status\":\"five hundred\"}");
        Http.Res times = http.postJson("/_sandbox/faults", null, "{\"times\":0}");
        Http.Res expire = http.postJson("/_sandbox/tokens/expire", null, "{}");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(message(zero)).contains("expires_in must be 1 to", "\"never\"", "was '0'");
        assertThat(message(words)).contains("expires_in must be a whole number, was 'soon'");
        assertThat(message(scopes)).contains("scopes must be an array");
        assertThat(message(missing)).contains("advance is required");
        assertThat(message(backwards)).contains("advance must be an ISO-8601 duration of zero or more");
        assertThat(message(status)).contains("status must be a whole number");
        assertThat(message(times)).contains("times must be 1 to");
        assertThat(message(expire)).contains("token is required");
        assertThat(http.get("/_sandbox/faults", null).json()).as("no rule was added").isEmpty();
    }

    @Test
    void tokensCanLiveForAGivenTimeOrForever() {
        JsonNode minute = http.postJson("/_sandbox/tokens", null, "{\"expires_in\":60}").json();
        JsonNode forever = http.postJson("/_sandbox/tokens", null, "{\"expires_in\":\"never\"}").json();

        assertThat(minute.get("expires_at").asText()).isEqualTo(START.plusSeconds(60).toString());
        assertThat(forever.get("expires_in").asText()).isEqualTo("never");
        assertThat(http.get("/v27.0/me", minute.get("access_token").asText()).status()).isEqualTo(200);
        sandbox.sandbox().advanceClock(Duration.ofSeconds(61));
        assertThat(http.get("/v27.0/me", minute.get("access_token").asText()).error().get("error_subcode").asInt())
                .isEqualTo(463);
        assertThat(http.get("/v27.0/me", forever.get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void resetPutsTheClockBackToTheStartWithEverythingElse() {
        String token = sandbox.mintUserToken();
        http.postJson("/_sandbox/clock", null, "{\"advance\":\"PT3H\"}");
        http.postJson("/_sandbox/faults", null, "{\"path\":\"/v*/me\",\"status\":500}");
        assertThat(now()).isEqualTo(START.plus(Duration.ofHours(3)));

        Http.Res reset = http.postJson("/_sandbox/reset", null, "");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("now").asText()).isEqualTo(START.toString());
        assertThat(now()).isEqualTo(START);
        assertThat(http.get("/_sandbox/faults", null).json()).isEmpty();
        assertThat(http.get("/v27.0/me", token).error().get("code").asInt()).as("tokens are gone").isEqualTo(190);
    }

    @Test
    void theCallLogUsesSandboxTimeLikeTheItems() {
        String token = sandbox.mintUserToken();
        sandbox.sandbox().advanceClock(Duration.ofHours(2));
        http.postForm("/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch", token, Http.params("item_type",
                "PRODUCT_ITEM", "requests", "[" + SandboxItemsBatchTest.request("CREATE",
                        SandboxItemsBatchTest.item("SKU-1", "")) + "]"));

        JsonNode calls = http.get("/_sandbox/calls", null).json().get("calls");
        JsonNode item = http.get("/_sandbox/catalogs/" + GraphSandbox.CATALOG_ID + "/items", null).json()
                .at("/data/0");

        Instant expected = START.plus(Duration.ofHours(2));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("path").asText()).endsWith("/items_batch");
        assertThat(calls.get(0).get("at").asText()).isEqualTo(expected.toString());
        assertThat(item.get("updated_time").asText()).isEqualTo(expected.toString());
    }

    @Test
    void theManagerPageSaysHowManyItemsItShowsAndPagesThroughThem() {
        String token = sandbox.mintUserToken();
        StringJoiner requests = new StringJoiner(",", "[", "]");
        for (int i = 1; i <= 120; i++) {
            requests.add(SandboxItemsBatchTest.request("CREATE", SandboxItemsBatchTest.item(String.format("SKU-%03d", i),
                    "")));
        }
        http.postForm("/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch", token, Http.params("item_type",
                "PRODUCT_ITEM", "requests", requests.toString()));

        String first = http.get("/_sandbox/", null).body();
        String second = http.get("/_sandbox/?catalog=" + GraphSandbox.CATALOG_ID + "&offset=100", null).body();
        JsonNode json = http.get("/_sandbox/catalogs/" + GraphSandbox.CATALOG_ID + "/items?offset=100&limit=50",
                null).json();

        assertThat(first).contains("showing 1 to 50 of 120 items", "offset=50\">next 50</a>", "no items",
                "showing 1 batch");
        assertThat(first).contains("Tent SKU-050").doesNotContain("Tent SKU-051");
        assertThat(second).contains("showing 101 to 120 of 120 items", "offset=50\">previous 50</a>",
                "Tent SKU-101", "Tent SKU-120").doesNotContain("Tent SKU-100<").doesNotContain("next ");
        assertThat(json.get("data")).hasSize(20);
        assertThat(json.get("data").get(0).get("retailer_id").asText()).isEqualTo("SKU-101");
    }

    @Test
    void settingsNameTheBatchBudget() {
        JsonNode s = http.get("/_sandbox/settings", null).json();

        assertThat(s.get("batch_calls_per_minute").asInt()).isEqualTo(1000);
        assertThat(s.get("app_id").asText()).isEqualTo(GraphSandbox.DEFAULT_APP_ID);
        assertThat(s.toString()).doesNotContain(GraphSandbox.DEFAULT_APP_SECRET);
    }
}
