package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxOAuthTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create();

    private static final String REDIRECT = "https://shop.example/meta/callback?store=7";
    private Http http;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
    }

    private String dialogQuery(String clientId, String redirect, String state) {
        return "/v27.0/dialog/oauth?" + Http.form(Http.params("client_id", clientId, "redirect_uri", redirect,
                "state", state, "response_type", "code", "scope", "catalog_management,business_management"));
    }

    private Http.Res decide(String decision, String redirect, String state) {
        return http.postForm("/v27.0/dialog/oauth/confirm", null, Http.params("client_id", "sandbox-app",
                "redirect_uri", redirect, "state", state, "scope", "catalog_management,business_management",
                "decision", decision));
    }

    private static Map<String, String> query(String location) {
        return SandboxRequest.decodeForm(URI.create(location).getRawQuery());
    }

    @Test
    void consentPageNamesTheAppAndScopesAndEscapesInput() {
        Http.Res page = http.get(dialogQuery("sandbox-app", REDIRECT, "<script>alert(1)</script>"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body()).contains("Sandbox App", "catalog_management", "business_management", "Continue",
                "Cancel").doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void continueRedirectsWithACodeAndTheStateUnchanged() {
        String state = "v1.c3RvcmUtNw.abc_-.1800000000.sig/+=";

        Http.Res r = decide("continue", REDIRECT, state);

        assertThat(r.status()).isEqualTo(302);
        String location = r.header("location");
        assertThat(location).startsWith("https://shop.example/meta/callback?store=7&code=");
        assertThat(query(location)).containsEntry("state", state).containsKey("code");
    }

    @Test
    void cancelRedirectsWithMetasDenial() {
        Http.Res r = decide("cancel", REDIRECT, "s1");

        assertThat(r.status()).isEqualTo(302);
        assertThat(query(r.header("location"))).containsEntry("error", "access_denied")
                .containsEntry("error_reason", "user_denied").containsEntry("error_description", "Permissions error")
                .containsEntry("state", "s1").doesNotContainKey("code");
    }

    @Test
    void anUnknownClientIdGetsAnErrorPageAndNoCode() {
        Http.Res r = http.get(dialogQuery("someone-else", REDIRECT, "s"), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid App ID");
        assertThat(r.header("location")).isNull();
    }

    @Test
    void strictModeDemandsAnExactRedirectUri() {
        try (GraphSandbox strict = GraphSandbox.builder().redirectUri(REDIRECT).build().start()) {
            Http h = new Http(strict.baseUrl());

            Http.Res blocked = h.get(dialogQuery("sandbox-app", REDIRECT + "&extra=1", "s"), null);
            Http.Res allowed = h.get(dialogQuery("sandbox-app", REDIRECT, "s"), null);

            assertThat(blocked.status()).isEqualTo(400);
            assertThat(blocked.body()).contains("URL blocked", "not whitelisted");
            assertThat(allowed.status()).isEqualTo(200);
        }
    }

    @Test
    void autoApproveRedirectsStraightBack() {
        try (GraphSandbox auto = GraphSandbox.builder().autoApprove(true).build().start()) {
            Http.Res r = new Http(auto.baseUrl()).get(dialogQuery("sandbox-app", REDIRECT, "st"), null);

            assertThat(r.status()).isEqualTo(302);
            assertThat(query(r.header("location"))).containsKey("code").containsEntry("state", "st");
        }
    }

    private String code() {
        return query(decide("continue", REDIRECT, "s").header("location")).get("code");
    }

    @Test
    void aCodeIsExchangedOnceAndOnlyWithItsRedirectUri() {
        String code = code();

        Http.Res wrongRedirect = http.postForm("/v27.0/oauth/access_token", null, Http.params("client_id",
                "sandbox-app", "client_secret", "sandbox-secret", "redirect_uri", "https://evil.example/cb",
                "code", code));
        String code2 = code();
        Http.Res ok = http.get("/v27.0/oauth/access_token?" + Http.form(Http.params("client_id", "sandbox-app",
                "client_secret", "sandbox-secret", "redirect_uri", REDIRECT, "code", code2)), null);
        Http.Res again = http.postForm("/v27.0/oauth/access_token", null, Http.params("client_id", "sandbox-app",
                "client_secret", "sandbox-secret", "redirect_uri", REDIRECT, "code", code2));

        assertThat(wrongRedirect.status()).isEqualTo(400);
        assertThat(wrongRedirect.error().get("error_subcode").asInt()).isEqualTo(36008);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(ok.json().get("expires_in").asLong()).isEqualTo(5400);
        assertThat(again.error().get("code").asInt()).isEqualTo(100);
        assertThat(again.error().get("error_subcode").asInt()).isEqualTo(36009);
    }

    @Test
    void aWrongSecretIsAnOAuthException() {
        Http.Res r = http.postForm("/v27.0/oauth/access_token", null, Http.params("client_id", "sandbox-app",
                "client_secret", "nope", "redirect_uri", REDIRECT, "code", code()));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("type").asText()).isEqualTo("OAuthException");
        assertThat(r.error().get("code").asInt()).isEqualTo(1);
    }

    @Test
    void exchangesForALongLivedTokenAndDebugsIt() {
        String shortLived = http.postForm("/v27.0/oauth/access_token", null, Http.params("client_id", "sandbox-app",
                "client_secret", "sandbox-secret", "redirect_uri", REDIRECT, "code", code())).json()
                .get("access_token").asText();

        Http.Res longLived = http.postForm("/v27.0/oauth/access_token", null, Http.params("grant_type",
                "fb_exchange_token", "client_id", "sandbox-app", "client_secret", "sandbox-secret",
                "fb_exchange_token", shortLived));
        String token = longLived.json().get("access_token").asText();
        JsonNode data = http.get("/v27.0/debug_token?input_token=" + token, "sandbox-app|sandbox-secret").json()
                .get("data");

        assertThat(longLived.json().get("expires_in").asLong()).isEqualTo(5183944);
        assertThat(data.get("is_valid").asBoolean()).isTrue();
        assertThat(data.get("app_id").asText()).isEqualTo("sandbox-app");
        assertThat(data.get("user_id").asText()).isEqualTo("100000000000001");
        assertThat(data.get("scopes")).extracting(JsonNode::asText)
                .containsExactly("catalog_management", "business_management");
        assertThat(data.get("expires_at").asLong()).isGreaterThan(data.get("issued_at").asLong());
        assertThat(data.has("data_access_expires_at")).isTrue();
    }

    @Test
    void debugTokenNeedsTheAppToken() {
        Http.Res r = http.get("/v27.0/debug_token?input_token=x", "sandbox-app|wrong");

        assertThat(r.error().get("code").asInt()).isEqualTo(100);
    }

    @Test
    void revokingPermissionsKillsTheToken() {
        String token = sandbox.mintUserToken();

        Http.Res revoke = http.delete("/v27.0/me/permissions", token);
        Http.Res after = http.get("/v27.0/me/businesses", token);
        JsonNode debug = http.get("/v27.0/debug_token?input_token=" + token, "sandbox-app|sandbox-secret").json()
                .get("data");

        assertThat(revoke.json().get("success").asBoolean()).isTrue();
        assertThat(after.error().get("code").asInt()).isEqualTo(190);
        assertThat(after.error().get("error_subcode").asInt()).isEqualTo(458);
        assertThat(debug.get("is_valid").asBoolean()).isFalse();
    }

    @Test
    void anExpiredTokenGets190Subcode463() {
        String token = sandbox.mintUserToken();
        http.postJson("/_sandbox/tokens/expire", null, "{\"token\":\"" + token + "\"}");

        Http.Res r = http.get("/v27.0/me/businesses", token);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("code").asInt()).isEqualTo(190);
        assertThat(r.error().get("error_subcode").asInt()).isEqualTo(463);
        assertThat(r.header("www-authenticate")).contains("invalid_token");
    }
}
