package io.github.metacommerce.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.metacommerce.GraphStub.TOKEN;
import static io.github.metacommerce.GraphStub.proof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.AppSecretProofMode;
import io.github.metacommerce.GraphStub;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.Price;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.exception.GraphResponseParseException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphClientTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private GraphClient graph() {
        return stub.client().graph(TOKEN);
    }

    @Test
    void listsBusinessesAcrossPagesFollowingNextWithoutLeakedCredentials() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).withQueryParam("after", absent())
                .willReturn(okJson(stub.fixture("businesses-page1.json"))));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).withQueryParam("after", equalTo("QVFIUmFm"))
                .willReturn(okJson(stub.fixture("businesses-page2.json"))));

        List<Business> all = graph().businesses().stream().toList();

        assertThat(all).extracting(Business::id).containsExactly("1001", "1002", "1003");
        assertThat(all.get(0).verificationStatus()).contains("verified");
        assertThat(all.get(1).verificationStatus()).isEmpty();
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/me/businesses"))
                .withQueryParam("after", absent())
                .withQueryParam("fields", equalTo("id,name,verification_status"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("appsecret_proof", equalTo(proof())));
        // the second page: Meta's link is followed, but its access_token and stale proof are replaced
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/me/businesses"))
                .withQueryParam("after", equalTo("QVFIUmFm"))
                .withQueryParam("limit", equalTo("2"))
                .withQueryParam("access_token", absent())
                .withQueryParam("appsecret_proof", equalTo(proof()))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(stub.wm.getAllServeEvents()).hasSize(2);
    }

    @Test
    void pagingIsLazyAndExposesPagesWithCursors() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).withQueryParam("after", absent())
                .willReturn(okJson(stub.fixture("businesses-page1.json"))));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).withQueryParam("after", equalTo("QVFIUmFm"))
                .willReturn(okJson(stub.fixture("businesses-page2.json"))));

        PageIterable<Business> paged = graph().businesses();
        assertThat(stub.wm.getAllServeEvents()).as("nothing fetched before iteration").isEmpty();

        assertThat(paged.iterator().next().id()).isEqualTo("1001");
        assertThat(stub.wm.getAllServeEvents()).as("only the first page fetched").hasSize(1);

        List<Page<Business>> pages = new ArrayList<>();
        paged.pages().forEach(pages::add);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).hasNext()).isTrue();
        assertThat(pages.get(0).afterCursor()).contains("QVFIUmFm");
        assertThat(pages.get(1).hasNext()).isFalse();
        assertThat(pages.get(1).items()).extracting(Business::name).containsExactly("Acme Pro");
    }

    @Test
    void refusesToFollowANextLinkToAnotherHost() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).willReturn(okJson(
                "{\"data\":[{\"id\":\"1\",\"name\":\"a\"}],\"paging\":{\"next\":"
                        + "\"https://evil.example/v27.0/me/businesses?after=x\"}}")));

        assertThatThrownBy(() -> graph().businesses().stream().toList())
                .isInstanceOf(GraphResponseParseException.class)
                .hasMessageContaining("paging.next points outside")
                .hasMessageNotContaining(TOKEN);
        assertThat(stub.wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void listsOwnedAndClientCatalogs() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/1001/owned_product_catalogs"))
                .willReturn(okJson(stub.fixture("owned-catalogs.json"))));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/1001/client_product_catalogs"))
                .willReturn(okJson("{\"data\":[{\"id\":\"2900\",\"name\":\"Client\",\"product_count\":\"12\","
                        + "\"vertical\":\"commerce\"}]}")));

        List<Catalog> owned = graph().ownedCatalogs("1001").stream().toList();
        List<Catalog> client = graph().clientCatalogs("1001").stream().toList();

        assertThat(owned).containsExactly(
                Catalog.of("2001", "Acme Outdoor Catalog", 1532, "commerce"),
                Catalog.of("2002", "Acme Ads Catalog", 0, "commerce"));
        assertThat(client).containsExactly(Catalog.of("2900", "Client", 12, "commerce"));
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/1001/owned_product_catalogs"))
                .withQueryParam("fields", equalTo("id,name,product_count,vertical")));
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/1001/client_product_catalogs"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void createsACommerceCatalogWithAFormPostAndNoRetry() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/1001/owned_product_catalogs"))
                .willReturn(okJson("{\"id\":\"2003\"}")));

        Catalog created = graph().createCatalog("1001", "Spring & Summer");

        assertThat(created).isEqualTo(Catalog.of("2003", "Spring & Summer", 0, "commerce"));
        stub.wm.verify(postRequestedFor(urlPathEqualTo("/v27.0/1001/owned_product_catalogs"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withFormParam("name", equalTo("Spring & Summer"))
                .withFormParam("vertical", equalTo("commerce"))
                .withFormParam("appsecret_proof", equalTo(proof())));
    }

    @Test
    void readsOneCatalog() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));

        assertThat(graph().catalog("2001"))
                .isEqualTo(Catalog.of("2001", "Acme Outdoor Catalog", 1532, "commerce"));
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001"))
                .withQueryParam("fields", equalTo("id,name,product_count,vertical")));
    }

    @Test
    void readsProductsFilteredByRetailerIds() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001/products")).willReturn(okJson(stub.fixture("products.json"))));

        List<CatalogItemSnapshot> products = graph().products("2001", ProductQuery.builder()
                .retailerIds("SKU-1", "SKU-2").fields("name", "price", "availability", "review_status")
                .pageSize(50).build()).stream().toList();

        assertThat(products).extracting(CatalogItemSnapshot::retailerId).containsExactly("SKU-1", "SKU-2");
        assertThat(products.get(1).reviewStatus()).contains("rejected");
        assertThat(products.get(0).price()).contains("$199.00");
        assertThat(products.get(0).fields()).containsEntry("name", "Trail Tent");
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001/products"))
                .withQueryParam("fields", equalTo("id,retailer_id,name,price,availability,review_status"))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("filter", equalToJson("{\"retailer_id\":{\"is_any\":[\"SKU-1\",\"SKU-2\"]}}")));
    }

    @Test
    void singleRetailerIdUsesAnEqFilter() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001/products")).willReturn(okJson("{\"data\":[]}")));

        assertThat(graph().products("2001", ProductQuery.builder().retailerIds("SKU-9").build())).isEmpty();

        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001/products"))
                .withQueryParam("filter", equalToJson("{\"retailer_id\":{\"eq\":\"SKU-9\"}}")));
    }

    @Test
    void revokesPermissionsWithDelete() {
        stub.wm.stubFor(delete(urlPathEqualTo("/v27.0/me/permissions")).willReturn(okJson("{\"success\":true}")));

        graph().revokePermissions();

        stub.wm.verify(deleteRequestedFor(urlPathEqualTo("/v27.0/me/permissions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("appsecret_proof", equalTo(proof())));
    }

    @Test
    void revocationWithoutSuccessIsReported() {
        stub.wm.stubFor(delete(urlPathEqualTo("/v27.0/me/permissions")).willReturn(okJson("{\"success\":false}")));

        assertThatThrownBy(() -> graph().revokePermissions()).isInstanceOf(GraphResponseParseException.class)
                .hasMessageContaining("did not confirm");
    }

    @Test
    void rawCallReturnsJsonWithUsageAndVersionHeaders() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001/diagnostics")).willReturn(okJson("{\"data\":[]}")
                .withHeader("facebook-api-version", "v27.0")
                .withHeader("x-fb-trace-id", "Trace123")
                .withHeader("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":12}")
                .withHeader("X-Business-Use-Case-Usage", "{\"2001\":[{\"type\":\"catalog_batch\",\"call_count\":40,"
                        + "\"total_cputime\":5,\"total_time\":6,\"estimated_time_to_regain_access\":0}]}")));

        GraphResponse<JsonNode> r = graph().raw(GraphRequest.get("2001/diagnostics")
                .param("severities", "[\"MUST_FIX\"]").build());

        assertThat(r.body().get("data").isArray()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.apiVersion()).contains("v27.0");
        assertThat(r.traceId()).contains("Trace123");
        assertThat(r.usage().app()).contains(AppUsage.of(28, 12, 25));
        assertThat(r.usage().forObject("2001")).singleElement()
                .satisfies(u -> assertThat(u.callCount()).isEqualTo(40));
        assertThat(r.usage().maxPercent()).isEqualTo(40);
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001/diagnostics"))
                .withQueryParam("severities", equalTo("[\"MUST_FIX\"]")));
    }

    @Test
    void rawRequestRefusesCredentialParameters() {
        assertThatThrownBy(() -> GraphRequest.get("me").param("access_token", TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access_token")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> GraphRequest.get("https://graph.facebook.com/me"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
    }

    @Test
    void timedProofSendsAppsecretTime() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));
        long now = GraphStub.NOW.getEpochSecond();

        stub.clientBuilder().appSecretProof(AppSecretProofMode.TIMED).build().graph(TOKEN).catalog("2001");

        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001"))
                .withQueryParam("appsecret_time", equalTo(Long.toString(now)))
                .withQueryParam("appsecret_proof",
                        equalTo(GraphStub.hmacHex(GraphStub.APP_SECRET, TOKEN + "|" + now))));
    }

    @Test
    void proofCanBeTurnedOff() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));

        stub.clientBuilder().appSecretProof(AppSecretProofMode.DISABLED).build().graph(TOKEN).catalog("2001");

        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/2001"))
                .withQueryParam("appsecret_proof", absent())
                .withQueryParam("appsecret_time", absent())
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void pinsTheConfiguredVersionAndSendsUserAgent() {
        stub.wm.stubFor(get(urlPathEqualTo("/v26.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));

        stub.clientBuilder().apiVersion("v26.0").userAgent("acme-shop/1.0").build().graph(TOKEN).catalog("2001");

        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v26.0/2001")).withHeader("User-Agent", equalTo("acme-shop/1.0")));
    }

    @Test
    void listenerSeesEveryAttemptWithoutTokens() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));
        List<GraphCall> calls = new ArrayList<>();

        stub.clientBuilder().callListener(calls::add).build().graph(TOKEN).catalog("2001");

        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo(HttpMethod.GET);
            assertThat(c.path()).isEqualTo("/v27.0/2001");
            assertThat(c.httpStatus()).isEqualTo(200);
            assertThat(c.attempt()).isEqualTo(1);
            assertThat(c.succeeded()).isTrue();
            assertThat(c.failure()).isEqualTo(Optional.empty());
            assertThat(c.toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void usesTheInjectedHttpClientAndDerivedClientsShareIt() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(okJson(stub.fixture("catalog.json"))));
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = r -> {
            tasks.incrementAndGet();
            r.run();
        };
        HttpClient http = HttpClient.newBuilder().executor(counting).build();
        io.github.metacommerce.MetaCommerceClient client = stub.clientBuilder().httpClient(http).build();

        client.graph(TOKEN).catalog("2001");
        int afterFirst = tasks.get();
        client.toBuilder().apiVersion("v27.0").build().graph(TOKEN).catalog("2001");

        assertThat(afterFirst).isPositive();
        assertThat(tasks.get()).isGreaterThan(afterFirst);
    }

    @Test
    void blankOrMalformedIdsFailBeforeAnyRequest() {
        GraphClient graph = graph();
        assertThatThrownBy(() -> graph.ownedCatalogs(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("businessId must not be null or blank");
        assertThatThrownBy(() -> graph.catalog(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("catalogId must not be null or blank");
        assertThatThrownBy(() -> graph.catalog("123/../me")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("catalogId must be a Graph object id");
        assertThatThrownBy(() -> graph.createCatalog("1001", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be null or blank");
        assertThatThrownBy(() -> graph.products("2001", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThat(stub.wm.getAllServeEvents()).isEmpty();
    }

    private static final String BATCH_OK = "{\"handles\":[\"h1\"],\"validation_status\":[]}";

    private static List<ItemRequest> someRequests() {
        CatalogItem tent = CatalogItem.builder().id("SKU-1").title("Trail \uD83D\uDE00 Tent & \"co\"")
                .description("Line\nbreak").price(Price.of(new java.math.BigDecimal("199"), "USD"))
                .link("https://shop.example/p/tent?x=1&y=%20").quantityToSellOnFacebook(3).build();
        return List.of(ItemRequest.of(tent), ItemRequest.update(tent.toBuilder().id("SKU-2").build().toData()),
                ItemRequest.delete("SKU-3"));
    }

    private static String joined(List<ItemRequest> requests) {
        return requests.stream().map(ItemRequest::json).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void sendsItemsBatchAsAJsonBodyHoldingTheRequestsAsTheyAre() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(okJson(BATCH_OK)));
        List<ItemRequest> requests = someRequests();

        assertThat(graph().itemsBatch("2001", requests, true).handles()).containsExactly("h1");

        LoggedRequest sent = stub.wm.findAll(postRequestedFor(urlPathEqualTo("/v27.0/2001/items_batch"))).get(0);
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(new String(sent.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"item_type\":\"PRODUCT_ITEM\","
                + "\"allow_upsert\":true,\"requests\":" + joined(requests) + ",\"appsecret_proof\":\"" + proof()
                + "\"}");
        assertThat(sent.getBody()).hasSize(requests.stream().mapToInt(ItemRequest::sizeInBytes).sum()
                + "{\"item_type\":\"PRODUCT_ITEM\",\"allow_upsert\":true,\"requests\":[,,],\"appsecret_proof\":\"\"}"
                        .length() + proof().length());
        assertThat(sent.getBodyAsString()).doesNotContain(TOKEN);
        assertThat(sent.getUrl()).isEqualTo("/v27.0/2001/items_batch").doesNotContain(TOKEN);
    }

    @Test
    void sendsLocalizedItemsBatchAsAJsonBodyWithTheLocalizationAsAnObject() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/localized_items_batch")).willReturn(okJson(BATCH_OK)));
        List<ItemRequest> requests = List.of(ItemRequest.update(java.util.Map.of("id", "SKU-1", "title", "Tente")));

        graph().localizedItemsBatch("2001", "fr_XX", requests);

        stub.wm.verify(postRequestedFor(urlPathEqualTo("/v27.0/2001/localized_items_batch"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"item_type\":\"PRODUCT_ITEM\",\"localization\":{\"type\":"
                        + "\"LANGUAGE\",\"value\":\"fr_XX\"},\"requests\":" + joined(requests)
                        + ",\"appsecret_proof\":\"" + proof() + "\"}")));
    }

    @Test
    void aTimedProofGoesIntoTheJsonBodyWithItsTime() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(okJson(BATCH_OK)));
        List<ItemRequest> requests = someRequests();

        stub.clientBuilder().appSecretProof(AppSecretProofMode.TIMED).build().graph(TOKEN)
                .itemsBatch("2001", requests, false);

        long now = GraphStub.NOW.getEpochSecond();
        stub.wm.verify(postRequestedFor(urlPathEqualTo("/v27.0/2001/items_batch"))
                .withRequestBody(equalToJson("{\"item_type\":\"PRODUCT_ITEM\",\"allow_upsert\":false,\"requests\":"
                        + joined(requests) + ",\"appsecret_proof\":\"" + GraphStub.hmacHex(GraphStub.APP_SECRET,
                        TOKEN + "|" + now) + "\",\"appsecret_time\":\"" + now + "\"}")));
    }

    @Test
    void aRequestThatIsNotValidUnicodeIsNeverSent() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(okJson(BATCH_OK)));
        List<ItemRequest> requests = List.of(ItemRequest.update(java.util.Map.of("id", "SKU-1", "title",
                "Tent \uD800")));

        assertThatThrownBy(() -> graph().itemsBatch("2001", requests, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid Unicode")
                .hasMessageNotContaining("Tent");
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo("/v27.0/2001/items_batch")))).isEmpty();
        assertThatThrownBy(() -> graph().localizedItemsBatch("2001", "fr\uD800", List.of(ItemRequest.delete("A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid Unicode");
    }
}
