package io.github.metacommerce.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.metacommerce.GraphStub;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.Severity;
import io.github.metacommerce.product.StoreSettings;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cases of unpaired UTF-16 surrogates a store handed to a sync: ids are listed with their error and never sent
 * or recorded (they used to reach Meta as {@code ?}, so two SKUs became one item and the ledger held ids the
 * catalog lacked); text arrives with U+FFFD and a warning instead of a silent {@code ?}.
 */
class InvalidUnicodeSyncTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    static final String CATALOG = "2001";
    static final String BATCH_PATH = "/v27.0/" + CATALOG + "/items_batch";
    static final String STATUS_PATH = "/v27.0/" + CATALOG + "/check_batch_request_status";
    static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
            .build();

    final VirtualTime time = VirtualTime.startingAt(GraphStub.NOW);
    final SyncStateStore ledger = SyncStateStore.inMemory();

    static Product product(String sku, String name) {
        return Product.builder().productId("p-" + Integer.toHexString(sku.hashCode())).sku(sku).name(name).description("Sleeps two")
                .price(new BigDecimal("100.00")).imageUrls("/img/tent.jpg").slug("tent").brand("Acme")
                .googleProductCategory("Tents").build();
    }

    CatalogSync sync() {
        MetaCommerceClient client = stub.clientBuilder().clock(time.clock()).retry(RetrySettings.none()).build();
        return CatalogSync.builder().graph(client.graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger)
                .options(SyncOptions.builder().statusPollInitial(Duration.ofSeconds(1))
                        .statusPollMax(Duration.ofSeconds(4)).build())
                .clock(time.clock()).sleeper(time.sleeper()).build();
    }

    static List<String> sentBodies() {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))) {
            out.add(r.getBodyAsString());
        }
        return out;
    }

    static JsonNode requests(String body) throws Exception {
        if (body.startsWith("{")) {
            return new ObjectMapper().readTree(body).get("requests");
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals("requests")) {
                return new ObjectMapper().readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no requests parameter in " + body);
    }

    @Test
    void idsThatAreNotValidUnicodeAreListedWithTheirErrorAndNeverSentOrRecorded() throws Exception {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[],\"ids_of_invalid_requests\":[]}]}")));

        SyncReport r = sync().sync(Stream.of(product("\uD800", "Tent"), product("A\uDC00", "Tent"),
                product("A\uDC01", "Tent"), product("OK-1", "Trail \uD83C Tent"), product("OK-2", "Tent \uD83C\uDFD5")),
                SyncRequest.full());

        assertThat(r.errors()).extracting(SyncIssue::retailerId, SyncIssue::field, SyncIssue::source)
                .containsExactlyInAnyOrder(tuple("\uD800", "id", IssueSource.LOCAL),
                        tuple("A\uDC00", "id", IssueSource.LOCAL), tuple("A\uDC01", "id", IssueSource.LOCAL));
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).contains("not valid Unicode"));
        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(r.counts().failed()).isEqualTo(3);
        assertThat(r.counts().isBalanced()).isTrue();
        assertThat(r.warnings()).filteredOn(w -> w.field().equals("title"))
                .extracting(SyncIssue::retailerId, SyncIssue::severity)
                .containsExactly(tuple("OK-1", Severity.WARNING));

        List<String> bodies = sentBodies();
        assertThat(bodies).hasSize(1);
        JsonNode sent = requests(bodies.get(0));
        assertThat(sent).extracting(n -> n.at("/data/id").asText()).containsExactly("OK-1", "OK-2");
        assertThat(sent.get(0).at("/data/title").asText()).isEqualTo("Trail \uFFFD Tent");
        assertThat(sent.get(1).at("/data/title").asText()).isEqualTo("Tent \uD83C\uDFD5");
        assertThat(bodies.get(0)).doesNotContain("%3F");

        assertThat(ledger.count(CATALOG)).isEqualTo(2);
        assertThat(ledger.find(CATALOG, List.of("\uD800", "A\uDC00", "A\uDC01", "?", "A?", "OK-1", "OK-2")).keySet())
                .containsExactlyInAnyOrder("OK-1", "OK-2");
    }
}
