package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxGraphTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create();

    private Http http;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
        token = sandbox.mintUserToken();
    }

    @Test
    void healthAnswersOk() {
        Http.Res r = http.get("/_sandbox/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void listsTheMerchantsTwoBusinessesWithRealPaging() {
        Http.Res first = http.get("/v27.0/me/businesses?fields=id,name,verification_status&limit=1", token);
        String next = first.json().at("/paging/next").asText();
        Http.Res second = new Http("").get(next.replaceFirst("access_token=[^&]+&?", ""), token);

        assertThat(first.json().get("data")).hasSize(1);
        assertThat(first.json().at("/data/0/name").asText()).isEqualTo("Sandbox Outdoor Co.");
        assertThat(first.json().at("/data/0/verification_status").asText()).isEqualTo("verified");
        assertThat(next).startsWith(sandbox.baseUrl() + "/v27.0/me/businesses?").contains("after=")
                .contains("access_token=");
        assertThat(second.json().at("/data/0/name").asText()).isEqualTo("Sandbox Kids Co.");
        assertThat(second.json().at("/paging/next").isMissingNode()).isTrue();
    }

    @Test
    void listsOwnedAndClientCatalogs() {
        JsonNode owned = http.get("/v27.0/200000000000001/owned_product_catalogs?fields=id,name,product_count,vertical",
                token).json().get("data");
        JsonNode client = http.get("/v27.0/200000000000001/client_product_catalogs?fields=id,name", token).json()
                .get("data");

        assertThat(owned).hasSize(1);
        assertThat(owned.get(0).get("id").asText()).isEqualTo(GraphSandbox.CATALOG_ID);
        assertThat(owned.get(0).get("product_count").asInt()).isZero();
        assertThat(owned.get(0).get("vertical").asText()).isEqualTo("commerce");
        assertThat(client.get(0).get("name").asText()).isEqualTo("Partner Brand Catalog");
    }

    @Test
    void createsReadsAndDeletesACatalog() {
        Http.Res created = http.postForm("/v27.0/200000000000002/owned_product_catalogs", token,
                Http.params("name", "Winter <Sale>", "vertical", "commerce"));
        String id = created.json().get("id").asText();
        Http.Res read = http.get("/v27.0/" + id + "/?fields=id,name,product_count,vertical,business", token);
        Http.Res deleted = http.delete("/v27.0/" + id, token);
        Http.Res gone = http.get("/v27.0/" + id, token);

        assertThat(created.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Winter <Sale>");
        assertThat(read.json().at("/business/id").asText()).isEqualTo("200000000000002");
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
        assertThat(gone.error().get("code").asInt()).isEqualTo(100);
        assertThat(gone.error().get("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void anyVersionPrefixIsAccepted() {
        Http.Res r = http.get("/v19.0/" + GraphSandbox.CATALOG_ID + "?fields=id", token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("facebook-api-version")).isEqualTo("v19.0");
    }

    @Test
    void unknownObjectsAndOtherPeoplesBusinessesAre100Subcode33() {
        assertThat(http.get("/v27.0/999999999", token).error().get("error_subcode").asInt()).isEqualTo(33);
        assertThat(http.get("/v27.0/200000000000003/owned_product_catalogs", token).error().get("error_subcode")
                .asInt()).as("a business the merchant does not own").isEqualTo(33);
        assertThat(http.get("/v27.0/300000000000003?fields=id,name", token).status())
                .as("a client catalog shared with the merchant's business").isEqualTo(200);
    }

    @Test
    void missingPermissionIs200() {
        String limited = sandbox.mintUserToken(List.of("business_management"));

        Http.Res r = http.get("/v27.0/" + GraphSandbox.CATALOG_ID + "/products", limited);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error().get("code").asInt()).isEqualTo(200);
        assertThat(r.error().get("message").asText()).contains("catalog_management");
    }

    @Test
    void missingAndUnknownTokensAreRefused() {
        assertThat(http.get("/v27.0/me/businesses", null).error().get("code").asInt()).isEqualTo(2500);
        Http.Res bad = http.get("/v27.0/me/businesses", "EAAS-not-a-token");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("code").asInt()).isEqualTo(190);
        assertThat(bad.error().get("type").asText()).isEqualTo("OAuthException");
        assertThat(bad.error().has("fbtrace_id")).isTrue();
    }

    @Test
    void theTokenMayAlsoComeAsAParameter() {
        Http.Res r = http.get("/v27.0/me?access_token=" + token, null);

        assertThat(r.json().get("id").asText()).isEqualTo("100000000000001");
    }

    @Test
    void checksAppsecretProofPlainAndTimed() {
        String plain = GraphEndpoints.hmac("sandbox-secret", token);
        long now = System.currentTimeMillis() / 1000;
        String timed = GraphEndpoints.hmac("sandbox-secret", token + "|" + now);

        assertThat(http.get("/v27.0/me?appsecret_proof=" + plain, token).status()).isEqualTo(200);
        assertThat(http.get("/v27.0/me?appsecret_proof=" + timed + "&appsecret_time=" + now, token).status())
                .isEqualTo(200);
        Http.Res wrong = http.get("/v27.0/me?appsecret_proof=" + plain.replace('a', 'b').replace('1', '2'), token);
        assertThat(wrong.error().get("message").asText()).contains("Invalid appsecret_proof");
        Http.Res stale = http.get("/v27.0/me?appsecret_proof=" + timed + "&appsecret_time=" + (now - 3600), token);
        assertThat(stale.error().get("code").asInt()).isEqualTo(100);
    }

    @Test
    void requiresTheProofWhenConfigured() {
        try (GraphSandbox strict = GraphSandbox.builder().requireAppSecretProof(true).build().start()) {
            String t = strict.mintUserToken();
            Http h = new Http(strict.baseUrl());

            Http.Res missing = h.get("/v27.0/me", t);
            Http.Res present = h.get("/v27.0/me?appsecret_proof=" + GraphEndpoints.hmac("sandbox-secret", t), t);

            assertThat(missing.error().get("message").asText()).contains("require an appsecret_proof");
            assertThat(present.status()).isEqualTo(200);
        }
    }

    @Test
    void everyCallCarriesXAppUsageAndCatalogCallsTheBusinessUseCaseHeader() {
        Http.Res me = http.get("/v27.0/me", token);
        Http.Res catalog = http.get("/v27.0/" + GraphSandbox.CATALOG_ID, token);

        assertThat(parse(me.header("x-app-usage")).has("call_count")).isTrue();
        JsonNode buc = parse(catalog.header("x-business-use-case-usage"));
        assertThat(buc.get(GraphSandbox.CATALOG_ID).get(0).has("estimated_time_to_regain_access")).isTrue();
        assertThat(catalog.header("x-app-usage")).isNotNull();
    }

    @Test
    void unsupportedPathsAre100() {
        Http.Res r = http.get("/v27.0/me/feed", token);

        assertThat(r.error().get("code").asInt()).isEqualTo(100);
    }

    static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aForgedNegativeCursorIs100NotA500() {
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("o:-5".getBytes());

        Http.Res r = http.get("/v27.0/me/businesses?after=" + cursor, token);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("code").asInt()).isEqualTo(100);
    }

    @Test
    void revokingOnePermissionDropsOnlyThatOne() {
        Http.Res r = http.delete("/v27.0/100000000000001/permissions?permission=catalog_management", token);

        assertThat(r.json().get("success").asBoolean()).isTrue();
        assertThat(http.get("/v27.0/me/businesses", token).status()).isEqualTo(200);
        assertThat(http.get("/v27.0/" + GraphSandbox.CATALOG_ID, token).error().get("code").asInt()).isEqualTo(200);
    }

    @Test
    void catalogErrorsAlsoCarryTheUsageHeader() {
        Http.Res r = http.get("/v27.0/" + GraphSandbox.CATALOG_ID + "/nonsense", token);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("x-business-use-case-usage")).contains(GraphSandbox.CATALOG_ID);
    }
}
