package io.github.metacommerce.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.metacommerce.GraphStub.APP_ID;
import static io.github.metacommerce.GraphStub.APP_SECRET;
import static io.github.metacommerce.GraphStub.NOW;
import static io.github.metacommerce.GraphStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.GraphStub;
import io.github.metacommerce.exception.InvalidRequestException;
import io.github.metacommerce.internal.FormEncoding;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthClientTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private static final String REDIRECT = "https://shop.example/meta/callback?store=7";

    private OAuthClient oauth() {
        return stub.client().oauth();
    }

    @Test
    void buildsTheLoginDialogUrlWithDefaultScopes() {
        URI url = oauth().authorizationUrl(AuthorizationRequest.builder().redirectUri(REDIRECT).state("st.ate")
                .build());

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://www.facebook.com/v27.0/dialog/oauth");
        Map<String, String> q = FormEncoding.decode(url.getRawQuery());
        assertThat(q).containsExactly(
                Map.entry("client_id", APP_ID),
                Map.entry("redirect_uri", REDIRECT),
                Map.entry("state", "st.ate"),
                Map.entry("response_type", "code"),
                Map.entry("scope", "catalog_management,business_management,pages_read_engagement,instagram_basic"));
        assertThat(url.toString()).doesNotContain(APP_SECRET);
    }

    @Test
    void loginForBusinessUsesConfigIdInsteadOfScope() {
        URI url = oauth().authorizationUrl(AuthorizationRequest.builder().redirectUri(REDIRECT).state("s")
                .configId("987654").rerequest(true).build());

        Map<String, String> q = FormEncoding.decode(url.getRawQuery());
        assertThat(q).containsEntry("config_id", "987654").containsEntry("auth_type", "rerequest")
                .doesNotContainKey("scope");
    }

    @Test
    void authorizationRequestNamesWhatIsMissing() {
        assertThatThrownBy(() -> AuthorizationRequest.builder().state("s").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirectUri");
        assertThatThrownBy(() -> AuthorizationRequest.builder().redirectUri(REDIRECT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> AuthorizationRequest.builder().redirectUri("/relative").state("s").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> AuthorizationRequest.builder().redirectUri(REDIRECT).state("s").scopes(List.of())
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scopes or configId");
    }

    @Test
    void exchangesTheCodeWithAFormPostKeepingSecretsOutOfTheUrl() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).willReturn(okJson(
                "{\"access_token\":\"EAAB-short\",\"token_type\":\"bearer\",\"expires_in\":5400}")));

        AccessToken token = oauth().exchangeCode("AQD-code-123", REDIRECT);

        assertThat(token.value()).isEqualTo("EAAB-short");
        assertThat(token.expiresAt()).contains(NOW.plusSeconds(5400));
        assertThat(token.toString()).doesNotContain("EAAB-short");
        stub.wm.verify(postRequestedFor(urlPathEqualTo("/v27.0/oauth/access_token"))
                .withFormParam("client_id", equalTo(APP_ID))
                .withFormParam("client_secret", equalTo(APP_SECRET))
                .withFormParam("redirect_uri", equalTo(REDIRECT))
                .withFormParam("code", equalTo("AQD-code-123"))
                .withHeader("Authorization", absent()));
        assertThat(stub.wm.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/v27.0/oauth/access_token");
    }

    @Test
    void aUsedCodeIsAnInvalidRequest() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"This authorization code has been used.\",\"type\":\"OAuthException\","
                        + "\"code\":100,\"error_subcode\":36009,\"fbtrace_id\":\"Abc\"}}")));

        assertThatThrownBy(() -> oauth().exchangeCode("AQD-used", REDIRECT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has been used").hasMessageNotContaining("AQD-used");
        stub.wm.verify(1, postRequestedFor(urlPathEqualTo("/v27.0/oauth/access_token")));
    }

    @Test
    void exchangesForALongLivedToken() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).willReturn(okJson(
                "{\"access_token\":\"EAAB-long\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

        AccessToken token = oauth().exchangeForLongLivedToken("EAAB-short");

        assertThat(token.expiresAt()).contains(NOW.plusSeconds(5183944));
        assertThat(token.timeLeft(stub.clock)).contains(Duration.ofSeconds(5183944));
        assertThat(token.isExpired(Clock.fixed(NOW.plus(Duration.ofDays(61)), ZoneOffset.UTC))).isTrue();
        stub.wm.verify(postRequestedFor(urlPathEqualTo("/v27.0/oauth/access_token"))
                .withFormParam("grant_type", equalTo("fb_exchange_token"))
                .withFormParam("fb_exchange_token", equalTo("EAAB-short"))
                .withFormParam("client_secret", equalTo(APP_SECRET)));
    }

    @Test
    void aTokenWithoutExpiresInHasNoKnownExpiry() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).willReturn(okJson(
                "{\"access_token\":\"EAAB-bisu\",\"token_type\":\"bearer\"}")));

        AccessToken token = oauth().exchangeCode("code", REDIRECT);

        assertThat(token.expiresAt()).isEmpty();
        assertThat(token.isExpired(stub.clock)).isFalse();
    }

    @Test
    void inspectsATokenWithTheAppToken() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/debug_token")).willReturn(okJson(stub.fixture("debug_token.json"))));

        TokenInfo info = oauth().inspectToken(TOKEN);

        assertThat(info.valid()).isTrue();
        assertThat(info.issuedFor(APP_ID)).isTrue();
        assertThat(info.issuedFor("other-app")).isFalse();
        assertThat(info.userId()).contains("555");
        assertThat(info.type()).contains("USER");
        assertThat(info.scopes()).contains("catalog_management", "business_management");
        assertThat(info.hasScopes(List.of("catalog_management", "instagram_basic"))).isTrue();
        assertThat(info.granularScopes()).containsExactly(
                GranularScope.of("catalog_management", List.of("2001", "2002")),
                GranularScope.of("business_management", List.of()));
        assertThat(info.expiresAt()).contains(Instant.ofEpochSecond(1800000000));
        assertThat(info.dataAccessExpiresAt()).contains(Instant.ofEpochSecond(1806000000));
        assertThat(info.issuedAt()).contains(Instant.ofEpochSecond(1794816000));
        assertThat(info.neverExpires()).isFalse();
        String appToken = APP_ID + "|" + APP_SECRET;
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/debug_token"))
                .withQueryParam("input_token", equalTo(TOKEN))
                .withHeader("Authorization", equalTo("Bearer " + appToken))
                .withQueryParam("appsecret_proof", equalTo(GraphStub.hmacHex(APP_SECRET, appToken))));
    }

    @Test
    void expiresAtZeroMeansTheTokenNeverExpires() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/debug_token"))
                .willReturn(okJson(stub.fixture("debug_token-never-expires.json"))));

        TokenInfo info = oauth().inspectToken(TOKEN);

        assertThat(info.neverExpires()).isTrue();
        assertThat(info.expiresAt()).isEmpty();
        assertThat(info.dataAccessExpiresAt()).isEmpty();
        assertThat(info.isExpired(stub.clock)).isFalse();
    }

    @Test
    void anInvalidTokenIsReportedNotThrown() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/debug_token"))
                .willReturn(okJson(stub.fixture("debug_token-invalid.json"))));

        TokenInfo info = oauth().inspectToken(TOKEN);

        assertThat(info.valid()).isFalse();
        assertThat(info.isExpired(stub.clock)).isTrue();
        assertThat(info.error()).hasValueSatisfying(m -> assertThat(m).contains("Session has expired"));
    }

    @Test
    void revokesWithTheUsersToken() {
        stub.wm.stubFor(delete(urlPathEqualTo("/v27.0/me/permissions")).willReturn(okJson("{\"success\":true}")));

        oauth().revoke(TOKEN);

        stub.wm.verify(deleteRequestedFor(urlPathEqualTo("/v27.0/me/permissions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void blankArgumentsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> oauth().exchangeCode(" ", REDIRECT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must not be null or blank");
        assertThatThrownBy(() -> oauth().exchangeCode("c", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redirectUri must not be null or blank");
        assertThatThrownBy(() -> oauth().exchangeForLongLivedToken(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shortLivedToken must not be null or blank");
        assertThatThrownBy(() -> oauth().inspectToken("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token must not be null or blank");
        assertThatThrownBy(() -> oauth().revoke(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token must not be null or blank");
        assertThatThrownBy(() -> oauth().authorizationUrl(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request");
        assertThat(stub.wm.getAllServeEvents()).isEmpty();
    }
}
