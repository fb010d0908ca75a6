package io.github.metacommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.metacommerce.GraphStub.APP_SECRET;
import static io.github.metacommerce.GraphStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.graph.GraphRequest;
import io.github.metacommerce.oauth.OAuthClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every call the SDK makes and checks that no request URL carries the merchant's token, the app secret, an
 * authorization code or a short-lived token. The one documented exception is {@code debug_token}, whose
 * {@code input_token} Meta only takes in the query.
 */
class NoTokenInUrlTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private static final String CODE = "AQD-authorization-code-0001";
    private static final String SHORT = "EAAB-short-lived-token-0002";

    @Test
    void noRequestUrlEverContainsATokenOrSecret() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"EAAB-new\",\"expires_in\":60}")));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).willReturn(okJson(
                stub.fixture("businesses-page1.json"))).atPriority(5));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("QVFIUmFm"))
                .willReturn(okJson(stub.fixture("businesses-page2.json"))).atPriority(1));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/debug_token")).willReturn(okJson(stub.fixture("debug_token.json"))));
        stub.wm.stubFor(delete(urlPathEqualTo("/v27.0/me/permissions")).willReturn(okJson("{\"success\":true}")));
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/1001/owned_product_catalogs")).willReturn(okJson("{\"id\":\"9\"}")));
        stub.wm.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":[],\"id\":\"1\"}")).atPriority(10));
        MetaCommerceClient client = stub.client();
        OAuthClient oauth = client.oauth();
        GraphClient graph = client.graph(TOKEN);

        oauth.exchangeCode(CODE, "https://shop.example/cb");
        oauth.exchangeForLongLivedToken(SHORT);
        graph.businesses().stream().toList();
        graph.ownedCatalogs("1001").stream().toList();
        graph.clientCatalogs("1001").stream().toList();
        graph.createCatalog("1001", "New");
        graph.catalog("2001");
        graph.products("2001", ProductQuery.builder().retailerIds("SKU-1").build()).stream().toList();
        graph.raw(GraphRequest.get("2001/diagnostics").build());
        graph.raw(GraphRequest.post("2001/items_batch").param("requests", "[]").build());
        graph.revokePermissions();
        oauth.revoke(TOKEN);
        oauth.inspectToken(TOKEN);

        List<ServeEvent> events = stub.wm.getAllServeEvents();
        assertThat(events).hasSize(14);
        for (ServeEvent e : events) {
            String url = e.getRequest().getAbsoluteUrl();
            assertThat(url).doesNotContain(APP_SECRET).doesNotContain(CODE).doesNotContain(SHORT)
                    .doesNotContain("access_token=").doesNotContain("EAAB-leaked-token");
            if (!e.getRequest().getUrl().startsWith("/v27.0/debug_token")) {
                assertThat(url).as("URL of %s", e.getRequest().getUrl()).doesNotContain(TOKEN);
            }
        }
    }
}
