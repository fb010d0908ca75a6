package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.AppSecretProofMode;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.graph.GraphRequest;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.OAuthCallback;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.TokenInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK used as a client of the sandbox: the two must speak the same protocol. */
class SandboxWithSdkTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.requireAppSecretProof(true)
            .batchProcessingDelay(Duration.ZERO));

    private static final String REDIRECT = "https://shop.example/meta/callback";
    private MetaCommerceClient client;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        client = MetaCommerceClient.builder().appId(sandbox.appId()).appSecret(sandbox.appSecret())
                .graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl())
                .appSecretProof(AppSecretProofMode.TIMED).build();
    }

    @Test
    void theWholeOAuthFlowWorksThroughTheSdk(GraphSandbox running) {
        OAuthStateCodec states = OAuthStateCodec.builder().signingKeyDerivedFrom(sandbox.appSecret()).build();
        URI login = client.oauth().authorizationUrl(AuthorizationRequest.builder().redirectUri(REDIRECT)
                .state(states.issue("store-1")).build());
        Http http = new Http(running.baseUrl());
        Http.Res page = http.get(login.getRawPath() + "?" + login.getRawQuery(), null);
        java.util.Map<String, String> dialog = SandboxRequest.decodeForm(login.getRawQuery());
        Http.Res redirect = http.postForm("/v27.0/dialog/oauth/confirm", null, Http.params("client_id",
                dialog.get("client_id"), "redirect_uri", dialog.get("redirect_uri"), "state", dialog.get("state"),
                "scope", dialog.get("scope"), "decision", "continue"));

        OAuthCallback callback = OAuthCallback.parse(URI.create(redirect.header("location")).getRawQuery());
        OAuthCallback.Authorized ok = (OAuthCallback.Authorized) callback;
        states.verify(ok.state(), "store-1");
        AccessToken shortLived = client.oauth().exchangeCode(ok.code(), REDIRECT);
        AccessToken longLived = client.oauth().exchangeForLongLivedToken(shortLived.value());
        TokenInfo info = client.oauth().inspectToken(longLived.value());

        assertThat(page.status()).isEqualTo(200);
        assertThat(info.valid()).isTrue();
        assertThat(info.issuedFor(sandbox.appId())).isTrue();
        assertThat(info.scopes()).contains("catalog_management", "business_management");
        assertThat(Duration.between(java.time.Instant.now(), longLived.expiresAt().orElseThrow()).toDays())
                .isBetween(59L, 60L);

        client.oauth().revoke(longLived.value());
        assertThatThrownBy(() -> client.graph(longLived).businesses().stream().toList())
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.APP_NOT_INSTALLED));
    }

    @Test
    void listsCreatesAndReadsThroughTheSdk() {
        GraphClient graph = client.graph(sandbox.mintUserToken());

        List<Business> businesses = graph.businesses().stream().toList();
        List<Catalog> owned = graph.ownedCatalogs(businesses.get(0).id()).stream().toList();
        List<Catalog> shared = graph.clientCatalogs(businesses.get(0).id()).stream().toList();
        Catalog created = graph.createCatalog(businesses.get(1).id(), "SDK Catalog");

        assertThat(businesses).extracting(Business::name).containsExactly("Sandbox Outdoor Co.", "Sandbox Kids Co.");
        assertThat(businesses.get(0).verificationStatus()).contains("verified");
        assertThat(owned).extracting(Catalog::name).containsExactly("Outdoor Catalog");
        assertThat(shared).extracting(Catalog::name).containsExactly("Partner Brand Catalog");
        assertThat(graph.catalog(created.id()).name()).isEqualTo("SDK Catalog");
        assertThatThrownBy(() -> graph.catalog("999999999")).isInstanceOf(CatalogAccessException.class);
    }

    @Test
    void itemsBatchAndStatusThroughTheRawEscapeHatch() {
        GraphClient graph = client.graph(sandbox.mintUserToken());
        String item = "{\"id\":\"SDK-1\",\"title\":\"Tent\",\"description\":\"Sleeps two\",\"availability\":"
                + "\"in stock\",\"condition\":\"new\",\"price\":\"199.00 USD\",\"link\":\"https://shop.example/p/1\","
                + "\"image_link\":\"https://shop.example/i/1.jpg\",\"brand\":\"Acme\"}";

        JsonNode batch = graph.raw(GraphRequest.post(GraphSandbox.CATALOG_ID + "/items_batch")
                .param("item_type", "PRODUCT_ITEM")
                .param("requests", "[{\"method\":\"UPDATE\",\"data\":" + item + "}]").build()).body();
        JsonNode status = graph.raw(GraphRequest.get(GraphSandbox.CATALOG_ID + "/check_batch_request_status")
                .param("handle", batch.at("/handles/0").asText()).build()).body();
        List<CatalogItemSnapshot> products = graph.products(GraphSandbox.CATALOG_ID,
                ProductQuery.builder().retailerIds("SDK-1").build()).stream().toList();

        assertThat(status.at("/data/0/status").asText()).isEqualTo("finished");
        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.retailerId()).isEqualTo("SDK-1");
            assertThat(p.name()).contains("Tent");
            assertThat(p.reviewStatus()).contains("approved");
        });
    }

    @Test
    void theSdkSeesThrottlingWithTheWaitFromTheUsageHeader() {
        GraphClient graph = client.graph(sandbox.mintUserToken());
        GraphRequest call = GraphRequest.post(GraphSandbox.SECOND_CATALOG_ID + "/items_batch")
                .param("item_type", "PRODUCT_ITEM")
                .param("requests", "[{\"method\":\"DELETE\",\"data\":{\"id\":\"X\"}}]").build();
        for (int i = 0; i < 8; i++) {
            graph.raw(call);
        }

        assertThatThrownBy(() -> graph.raw(call)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).isEqualTo(80014);
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
            assertThat(e.usage().forObject(GraphSandbox.SECOND_CATALOG_ID)).isNotEmpty();
        });
    }
}
