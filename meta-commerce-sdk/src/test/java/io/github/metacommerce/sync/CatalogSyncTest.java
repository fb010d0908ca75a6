package io.github.metacommerce.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.metacommerce.GraphStub;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync engine against a stubbed Graph API, with a clock that only moves when the sync waits. */
class CatalogSyncTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    static final String CATALOG = "2001";
    static final String BATCH_PATH = "/v27.0/" + CATALOG + "/items_batch";
    static final String LOCALIZED_PATH = "/v27.0/" + CATALOG + "/localized_items_batch";
    static final String STATUS_PATH = "/v27.0/" + CATALOG + "/check_batch_request_status";
    static final ObjectMapper JSON = new ObjectMapper();
    static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
            .build();

    final VirtualTime time = VirtualTime.startingAt(GraphStub.NOW);
    final java.time.Clock clock = time.clock();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    SyncStateStore ledger;

    @BeforeEach
    void setUp() {
        ledger = SyncStateStore.inMemory();
        waits.clear();
    }

    static Product product(int i) {
        return Product.builder().productId("p" + i).sku("SKU-" + i).name("Tent " + i).description("Sleeps two")
                .price(new BigDecimal("100.00").add(BigDecimal.valueOf(i))).imageUrls("/img/" + i + ".jpg")
                .slug("tent-" + i).brand("Acme").googleProductCategory("Tents").build();
    }

    static List<Product> products(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(CatalogSyncTest::product).toList();
    }

    SyncOptions.Builder options() {
        return SyncOptions.builder().statusPollInitial(Duration.ofSeconds(1)).statusPollMax(Duration.ofSeconds(4))
                .retry(RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).build());
    }

    CatalogSync sync(SyncOptions options) {
        MetaCommerceClient client = stub.clientBuilder().clock(clock).retry(RetrySettings.none()).build();
        return CatalogSync.builder().graph(client.graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).options(options).clock(clock)
                .sleeper(d -> {
                    waits.add(d);
                    time.advance(d);
                }).build();
    }

    static void acceptBatches() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[],\"ids_of_invalid_requests\":[]}]}")));
    }

    static List<JsonNode> sentBatches() {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))) {
            String requests = formParam(r.getBodyAsString(), "requests");
            try {
                out.add(JSON.readTree(requests));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    /** A parameter of a call's body: a field of a JSON body (as JSON text unless a string), or a form field. */
    static String formParam(String body, String name) {
        if (body.startsWith("{")) {
            try {
                JsonNode field = JSON.readTree(body).get(name);
                if (field == null) {
                    throw new AssertionError("no param " + name);
                }
                return field.isTextual() ? field.asText() : field.toString();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no param " + name);
    }

    static void assertBalanced(SyncReport r) {
        assertThat(r.counts().isBalanced()).as("every item accounted for: %s", r.counts()).isTrue();
    }

    @Test
    void packsRequestsByCountAndConfirmsEveryBatch() {
        acceptBatches();

        SyncReport r = sync(options().maxRequestsPerCall(3).build()).sync(products(7).stream(), SyncRequest.full());

        assertThat(sentBatches()).extracting(JsonNode::size).containsExactly(3, 3, 1);
        assertThat(sentBatches().get(0).get(0).get("method").asText()).isEqualTo("UPDATE");
        assertThat(sentBatches().get(0).get(0).at("/data/id").asText()).isEqualTo("SKU-1");
        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().created()).isEqualTo(7);
        assertThat(r.counts().productsSeen()).isEqualTo(7);
        assertThat(r.handles()).containsExactly("h1", "h1", "h1");
        assertThat(ledger.count(CATALOG)).isEqualTo(7);
        assertBalanced(r);
        stub.wm.verify(3, postRequestedFor(urlPathEqualTo(BATCH_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.item_type", equalTo("PRODUCT_ITEM")))
                .withRequestBody(matchingJsonPath("$.allow_upsert", equalTo("true")))
                .withHeader("Authorization", equalTo("Bearer " + GraphStub.TOKEN)));
    }

    @Test
    void packsRequestsByBytes() {
        acceptBatches();

        SyncReport r = sync(options().maxBytesPerCall(1024).build()).sync(products(10).stream(),
                SyncRequest.incremental());

        List<JsonNode> batches = sentBatches();
        assertThat(batches.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode b : batches) {
            assertThat(b.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        }
        assertThat(batches.stream().mapToInt(JsonNode::size).sum()).isEqualTo(10);
        assertThat(r.counts().created()).isEqualTo(10);
    }

    @Test
    void validationStatusErrorsFailOnlyThoseItems() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"],"
                + "\"validation_status\":[{\"retailer_id\":\"SKU-2\",\"errors\":[{\"message\":\"Invalid price\"}],"
                + "\"warnings\":[]},{\"retailer_id\":\"SKU-3\",\"errors\":[],\"warnings\":[{\"message\":"
                + "\"Missing google_product_category\"}]}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors\":[],\"warnings\":[]}]}")));

        SyncReport r = sync(options().build()).sync(products(3).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(r.counts().failed()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.retailerId()).isEqualTo("SKU-2");
            assertThat(e.productId()).isEqualTo("p2");
            assertThat(e.source()).isEqualTo(IssueSource.META);
            assertThat(e.category()).isEqualTo(ErrorCategory.PRODUCT);
            assertThat(e.message()).isEqualTo("Invalid price");
        });
        assertThat(r.warnings()).extracting(SyncIssue::retailerId).contains("SKU-3");
        assertThat(ledger.find(CATALOG, List.of("SKU-1", "SKU-2", "SKU-3")).keySet())
                .containsExactlyInAnyOrder("SKU-1", "SKU-3");
        assertBalanced(r);
    }

    @Test
    void batchStatusErrorsAreMappedBackByIdAndByLine() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h9\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("status").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"data\":[{\"handle\":\"h9\",\"status\":\"in_progress\"}]}"))
                .willSetStateTo("done"));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("status").whenScenarioStateIs("done")
                .willReturn(okJson("{\"data\":[{\"handle\":\"h9\",\"status\":\"finished\",\"errors_total_count\":2,"
                        + "\"errors\":[{\"line\":0,\"id\":\"SKU-1\",\"message\":\"sale_price must be less than price\"},"
                        + "{\"line\":3,\"id\":\"\",\"message\":\"Invalid image_link URL\"}],"
                        + "\"warnings\":[{\"line\":2,\"id\":\"SKU-2\",\"message\":\"title may be truncated\"}],"
                        + "\"ids_of_invalid_requests\":[\"SKU-1\",\"SKU-4\"]}]}")));

        SyncReport r = sync(options().build()).sync(products(5).stream(), SyncRequest.incremental());

        assertThat(r.errors()).extracting(SyncIssue::retailerId, SyncIssue::message).contains(
                org.assertj.core.groups.Tuple.tuple("SKU-1", "sale_price must be less than price"),
                org.assertj.core.groups.Tuple.tuple("SKU-3", "Invalid image_link URL"),
                org.assertj.core.groups.Tuple.tuple("SKU-4", "Meta rejected this item."));
        assertThat(r.counts().failed()).isEqualTo(3);
        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(r.warnings()).extracting(SyncIssue::retailerId).containsExactly("SKU-2");
        assertThat(ledger.find(CATALOG, List.of("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5")).keySet())
                .containsExactlyInAnyOrder("SKU-2", "SKU-5");
        assertThat(waits).as("polled twice with backoff").containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertBalanced(r);
    }

    @Test
    void throttled80014WaitsTheTimeMetaGivesThenSucceeds() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("X-Business-Use-Case-Usage", "{\"" + CATALOG
                        + "\":[{\"type\":\"catalog_batch\",\"call_count\":100,\"total_cputime\":10,\"total_time\":10,"
                        + "\"estimated_time_to_regain_access\":2}]}")
                        .withBody(stub.fixture("errors/throttle-80014.json"))).willSetStateTo("ok"));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors\":[],\"warnings\":[]}]}")));

        SyncReport r = sync(options().build()).sync(products(2).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(waits).contains(Duration.ofMinutes(2));
        assertThat(r.rateLimitWait()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        stub.wm.verify(2, postRequestedFor(urlPathEqualTo(BATCH_PATH)));
    }

    @Test
    void aThrottleLongerThanTheMaximumStopsTheSync() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("X-Business-Use-Case-Usage", "{\"" + CATALOG + "\":[{\"type\":\"catalog_batch\","
                        + "\"call_count\":100,\"estimated_time_to_regain_access\":60}]}")
                .withBody(stub.fixture("errors/throttle-80014.json"))));

        SyncReport r = sync(options().maxRateLimitWait(Duration.ofMinutes(10)).maxRequestsPerCall(2).build())
                .sync(products(5).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopCategory()).contains(ErrorCategory.RATE_LIMIT);
        assertThat(r.counts().notAttempted()).isEqualTo(5);
        assertThat(r.notAttemptedProductIds()).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(ledger.count(CATALOG)).isZero();
        assertBalanced(r);
    }

    @Test
    void a5xxIsRetriedThenSucceeds() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"))
                .willSetStateTo("ok"));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\"}]}")));

        SyncReport r = sync(options().build()).sync(products(3).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(3);
        assertThat(r.errors()).isEmpty();
        assertThat(r.apiCalls()).isEqualTo(3);
        stub.wm.verify(2, postRequestedFor(urlPathEqualTo(BATCH_PATH)));
    }

    @Test
    void aCallThatKeepsFailingFailsOnlyItsItemsWithNetworkAndTheSyncGoesOn() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-1"))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-3"))
                .willReturn(okJson("{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\"}]}")));

        SyncReport r = sync(options().maxRequestsPerCall(2).build()).sync(products(3).stream(),
                SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().failed()).isEqualTo(2);
        assertThat(r.counts().created()).isEqualTo(1);
        assertThat(r.errors()).extracting(SyncIssue::category).containsOnly(ErrorCategory.NETWORK);
        assertThat(r.errors()).extracting(SyncIssue::retailerId).containsExactly("SKU-1", "SKU-2");
        stub.wm.verify(3, postRequestedFor(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-1")));
        assertBalanced(r);
    }

    @Test
    void timeoutsExhaustedFailTheCallsItemsWithNetwork() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"]}")
                .withFixedDelay(2_000)));
        MetaCommerceClient client = stub.clientBuilder().clock(clock).retry(RetrySettings.none())
                .readTimeout(Duration.ofMillis(150)).build();
        CatalogSync sync = CatalogSync.builder().graph(client.graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).options(options().build())
                .clock(clock).sleeper(time.sleeper()).build();

        SyncReport r = sync.sync(products(2).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().failed()).isEqualTo(2);
        assertThat(r.errors()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
            assertThat(e.message()).contains("timed out");
        });
        assertThat(r.apiCalls()).isEqualTo(3);
        assertBalanced(r);
    }

    @Test
    void aBatchMetaNeverFinishesIsReportedUnconfirmedAndResentNextTime() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"slow\"]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"slow\",\"status\":\"in_progress\"}]}")));

        SyncReport r = sync(options().statusTimeout(Duration.ofMinutes(1)).build()).sync(products(2).stream(),
                SyncRequest.incremental());

        assertThat(r.counts().failed()).as("sent, so not failed").isZero();
        assertThat(r.counts().unconfirmed()).isEqualTo(2);
        assertThat(r.errors()).isEmpty();
        assertThat(r.unconfirmed()).hasSize(2).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("UNCONFIRMED");
            assertThat(e.message()).contains("did not finish it within PT1M");
        });
        assertThat(ledger.count(CATALOG)).isZero();
        assertThat(Duration.between(GraphStub.NOW, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertBalanced(r);
    }

    @Test
    void an190MidSyncStopsWithAuthAndLosesNothing() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-1"))
                .willReturn(okJson("{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-3"))
                .willReturn(aResponse().withStatus(400).withBody(stub.fixture("errors/oauth-190-expired.json"))));

        SyncReport r = sync(options().maxRequestsPerCall(2).build()).sync(products(6).stream(),
                SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopCategory()).contains(ErrorCategory.AUTH);
        assertThat(r.counts().failed()).as("the refused batch").isEqualTo(2);
        assertThat(r.counts().unconfirmed()).as("the batch sent before: live, so never reported failed")
                .isEqualTo(2);
        assertThat(r.unconfirmed()).extracting(SyncIssue::retailerId).containsExactly("SKU-1", "SKU-2");
        assertThat(r.counts().notAttempted()).isEqualTo(2);
        assertThat(r.notAttemptedProductIds()).containsExactly("p5", "p6");
        assertThat(r.errors()).filteredOn(e -> e.retailerId().equals("SKU-3")).extracting(SyncIssue::category)
                .containsExactly(ErrorCategory.AUTH);
        assertThat(ledger.count(CATALOG)).as("only confirmed items are recorded").isZero();
        stub.wm.verify(2, postRequestedFor(urlPathEqualTo(BATCH_PATH)));
        assertBalanced(r);
    }

    @Test
    void cancellationStopsAtTheNextCallBoundary() {
        acceptBatches();
        SyncCancellation cancel = SyncCancellation.create();
        List<SyncStage> stages = new CopyOnWriteArrayList<>();
        SyncRequest request = SyncRequest.builder().cancellation(cancel).listener(p -> {
            stages.add(p.stage());
            if (p.stage() == SyncStage.UPLOADING) {
                cancel.cancel();
            }
        }).build();

        SyncReport r = sync(options().maxRequestsPerCall(2).build()).sync(products(6).stream(), request);

        assertThat(r.outcome()).isEqualTo(SyncOutcome.CANCELLED);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).isEmpty();
        assertThat(r.counts().notAttempted()).isEqualTo(6);
        assertThat(r.notAttemptedProductIds()).containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(stages).contains(SyncStage.TRANSFORMING, SyncStage.UPLOADING, SyncStage.DONE);
        assertBalanced(r);
    }

    @Test
    void aDryRunMakesNoCall() {
        List<Product> list = new ArrayList<>(products(4));
        list.add(Product.builder().productId("bad").sku("BAD").build());

        SyncReport r = sync(options().build()).sync(list.stream(), SyncRequest.builder().dryRun(true).build());

        assertThat(stub.wm.getAllServeEvents()).isEmpty();
        assertThat(r.dryRun()).isTrue();
        assertThat(r.counts().wouldSend()).isEqualTo(4);
        assertThat(r.counts().failed()).isEqualTo(1);
        assertThat(r.errors()).extracting(SyncIssue::source).containsOnly(IssueSource.LOCAL);
        assertThat(ledger.count(CATALOG)).isZero();
        assertBalanced(r);
    }

    @Test
    void aSecondRunOfTheSameProductsMakesNoCallAndOneChangeMakesOneRequest() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(5).stream(), SyncRequest.incremental());
        stub.wm.resetRequests();

        SyncReport again = sync.sync(products(5).stream(), SyncRequest.incremental());
        assertThat(stub.wm.getAllServeEvents()).isEmpty();
        assertThat(again.counts().unchanged()).isEqualTo(5);
        assertThat(again.apiCalls()).isZero();

        List<Product> changed = new ArrayList<>(products(5));
        changed.set(2, product(3).toBuilder().price(new BigDecimal("5.00")).build());
        SyncReport delta = sync.sync(changed.stream(), SyncRequest.incremental());

        assertThat(sentBatches()).singleElement().satisfies(b -> {
            assertThat(b.size()).isEqualTo(1);
            assertThat(b.get(0).at("/data/id").asText()).isEqualTo("SKU-3");
            assertThat(b.get(0).at("/data/price").asText()).isEqualTo("5.00 USD");
        });
        assertThat(delta.counts().updated()).isEqualTo(1);
        assertThat(delta.counts().unchanged()).isEqualTo(4);
    }

    @Test
    void aFullSyncDeletesWhatTheStoreNoLongerHas() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(4).stream(), SyncRequest.full());
        stub.wm.resetRequests();

        SyncReport r = sync.sync(products(3).stream(), SyncRequest.full());

        assertThat(sentBatches()).singleElement().satisfies(b -> {
            assertThat(b.get(0).get("method").asText()).isEqualTo("DELETE");
            assertThat(b.get(0).get("data").toString()).isEqualTo("{\"id\":\"SKU-4\"}");
        });
        assertThat(r.counts().deleted()).isEqualTo(1);
        assertThat(r.counts().unchanged()).isEqualTo(3);
        assertThat(ledger.find(CATALOG, List.of("SKU-4"))).isEmpty();
        assertBalanced(r);
    }

    @Test
    void anIncrementalSyncNeverDeletesMissingProducts() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(4).stream(), SyncRequest.incremental());
        stub.wm.resetRequests();

        SyncReport r = sync.sync(products(3).stream(), SyncRequest.incremental());

        assertThat(stub.wm.getAllServeEvents()).isEmpty();
        assertThat(r.counts().deleted()).isZero();
        assertThat(ledger.count(CATALOG)).isEqualTo(4);
    }

    @Test
    void aSubsetSyncsOnlyThoseProductsAndDeletesNothing() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(2).stream(), SyncRequest.full());
        stub.wm.resetRequests();

        SyncReport r = sync.sync(IntStream.rangeClosed(3, 8).mapToObj(CatalogSyncTest::product),
                SyncRequest.builder().mode(SyncMode.FULL).productIds(Set.of("p4", "p6")).build());

        assertThat(sentBatches()).singleElement().satisfies(b -> assertThat(b).extracting(n -> n.at("/data/id")
                .asText()).containsExactly("SKU-4", "SKU-6"));
        assertThat(r.counts().productsSeen()).isEqualTo(2);
        assertThat(r.counts().deleted()).isZero();
        assertThat(ledger.count(CATALOG)).isEqualTo(4);
    }

    @Test
    void pacesBatchCallsWithinTheCatalogBudget() {
        acceptBatches();

        SyncReport r = sync(options().maxRequestsPerCall(1).batchCallsPerMinute(4).maxOutstandingBatches(100)
                .build()).sync(products(9).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(9);
        assertThat(r.rateLimitWait()).isGreaterThanOrEqualTo(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(r.rateLimitWait()).isLessThanOrEqualTo(Duration.ofMinutes(2).plusSeconds(1));
    }

    @Test
    void slowsDownAsMetasUsageNearsTheLimit() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}").withHeader("X-Business-Use-Case-Usage",
                "{\"" + CATALOG + "\":[{\"type\":\"catalog_batch\",\"call_count\":95,\"total_cputime\":10,"
                        + "\"total_time\":10,\"estimated_time_to_regain_access\":0}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\"}]}")));

        SyncReport r = sync(options().maxRequestsPerCall(1).batchCallsPerMinute(1000).maxOutstandingBatches(100)
                .build()).sync(products(3).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(3);
        assertThat(r.rateLimitWait()).as("two calls after a 95 %% usage report are spread out")
                .isGreaterThan(Duration.ZERO);
    }

    @Test
    void variantsBecomeOneItemEachAndInvalidProductsAreNeverSent() {
        acceptBatches();
        Product shirt = Product.builder().productId("s").sku("SHIRT").name("Shirt").description("Linen")
                .price(new BigDecimal("40")).imageUrls("/s.jpg").slug("shirt").brand("Acme")
                .variants(List.of(Product.builder().productId("s-m").sku("SHIRT-M").size("M").build(),
                        Product.builder().productId("s-l").sku("SHIRT-L").size("L").build())).build();
        Product broken = Product.builder().productId("x").sku("BROKEN").name("No price").build();

        SyncReport r = sync(options().build()).sync(Stream.of(shirt, broken), SyncRequest.incremental());

        assertThat(sentBatches()).singleElement().satisfies(b -> assertThat(b).extracting(n -> n.at("/data/id")
                .asText()).containsExactly("SHIRT-M", "SHIRT-L"));
        assertThat(r.counts().productsSeen()).isEqualTo(2);
        assertThat(r.counts().itemsSeen()).isEqualTo(3);
        assertThat(r.errors()).extracting(SyncIssue::retailerId).containsOnly("BROKEN");
        assertThat(r.errors()).extracting(SyncIssue::field).contains("price", "image_link", "link");
        assertBalanced(r);
    }

    @Test
    void duplicateSkusFailTheLaterProduct() {
        acceptBatches();
        Product twin = product(1).toBuilder().productId("p1-copy").build();

        SyncReport r = sync(options().build()).sync(Stream.of(product(1), twin), SyncRequest.incremental());

        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.productId()).isEqualTo("p1-copy");
            assertThat(e.code()).isEqualTo("DUPLICATE_RETAILER_ID");
        });
        assertThat(sentBatches().get(0)).hasSize(1);
    }

    @Test
    void aFullSyncNeverDeletesItemsThatAreStillInTheStoreButInvalid() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(3).stream(), SyncRequest.full());
        stub.wm.resetRequests();
        List<Product> now = new ArrayList<>(products(3));
        now.set(1, product(2).toBuilder().price(null).build());

        SyncReport r = sync.sync(now.stream(), SyncRequest.full());

        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).isEmpty();
        assertThat(r.counts().deleted()).isZero();
        assertThat(r.counts().failed()).isEqualTo(1);
        assertThat(ledger.count(CATALOG)).isEqualTo(3);
        assertBalanced(r);
    }

    @Test
    void aFullSyncWithAnUnreadableProductDeletesNothing() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        sync.sync(products(3).stream(), SyncRequest.full());
        stub.wm.resetRequests();

        SyncReport r = sync.sync(Stream.of(product(1), null), SyncRequest.full());

        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).isEmpty();
        assertThat(r.warnings()).extracting(SyncIssue::code).contains("DELETES_SKIPPED");
        assertThat(ledger.count(CATALOG)).isEqualTo(3);
        assertBalanced(r);
    }

    @Test
    void errorLinesCountEveryRequestSentEvenThoseRefusedAtOnce() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"],"
                + "\"validation_status\":[{\"retailer_id\":\"SKU-2\",\"errors\":[{\"message\":\"bad\"}]}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson("{\"data\":[{\"handle\":\"h1\","
                + "\"status\":\"finished\",\"errors_total_count\":1,\"errors\":[{\"line\":3,\"id\":\"\","
                + "\"message\":\"Invalid image_link URL\"}]}]}")));

        SyncReport r = sync(options().build()).sync(products(4).stream(), SyncRequest.incremental());

        assertThat(r.errors()).extracting(SyncIssue::retailerId).containsExactlyInAnyOrder("SKU-2", "SKU-3");
        assertThat(ledger.find(CATALOG, List.of("SKU-1", "SKU-3", "SKU-4")).keySet())
                .containsExactlyInAnyOrder("SKU-1", "SKU-4");
        assertBalanced(r);
    }

    @Test
    void moreErrorsThanListedLeaveTheRestUnconfirmed() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson("{\"data\":[{\"handle\":\"h1\","
                + "\"status\":\"finished\",\"errors_total_count\":2,\"errors\":[{\"line\":1,\"id\":\"SKU-1\","
                + "\"message\":\"bad\"}]}]}")));

        SyncReport r = sync(options().build()).sync(products(3).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isZero();
        assertThat(r.counts().failed()).as("the one Meta named").isEqualTo(1);
        assertThat(r.counts().unconfirmed()).as("the others: sent, fate unknown, not failed").isEqualTo(2);
        assertThat(r.unconfirmed()).extracting(SyncIssue::retailerId).containsExactly("SKU-2", "SKU-3");
        assertThat(ledger.count(CATALOG)).isZero();
        assertBalanced(r);
    }

    @Test
    void aTranslationThatWasNotSentIsReportedWithItsErrorAndSentAgainNextTime() {
        acceptBatches();
        stub.wm.stubFor(post(urlPathEqualTo(LOCALIZED_PATH))
                .willReturn(aResponse().withStatus(400).withBody(stub.fixture("errors/invalid-100.json"))));
        Product translated = french(product(1));
        CatalogSync sync = sync(options().build());

        SyncReport first = sync.sync(Stream.of(translated), SyncRequest.incremental());
        stub.wm.resetRequests();
        acceptTranslations();
        SyncReport second = sync.sync(Stream.of(translated), SyncRequest.incremental());

        assertThat(first.counts().created()).isEqualTo(1);
        assertThat(first.counts().translationsFailed()).isEqualTo(1);
        assertThat(first.isClean()).as("a translation error makes the run unclean").isFalse();
        assertThat(first.translationErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TRANSLATION_NOT_SENT");
            assertThat(e.retailerId()).isEqualTo("SKU-1");
            assertThat(e.message()).contains("fr_XX").contains("Param name must be");
        });
        assertBalanced(first);
        assertThat(sentBatches()).as("the item itself did not change, so only its translation is sent").isEmpty();
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).hasSize(1);
        assertThat(second.counts().unchanged()).isEqualTo(1);
        assertThat(second.counts().translationsSent()).isEqualTo(1);
        assertThat(second.translationErrors()).isEmpty();
        assertBalanced(second);
        assertThat(ledger.find(CATALOG, List.of("SKU-1")).get("SKU-1").translationHashes()).containsKey("fr_XX");
    }

    @Test
    void aPriceOnlyResyncSendsNoTranslationAndCountsThemUnchanged() {
        acceptBatches();
        acceptTranslations();
        List<Product> products = products(30).stream().map(CatalogSyncTest::french).toList();
        CatalogSync sync = sync(options().maxRequestsPerCall(10).build());
        SyncReport first = sync.sync(products.stream(), SyncRequest.incremental());
        assertThat(first.counts().translationsSent()).isEqualTo(30);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).hasSize(3);
        stub.wm.resetRequests();

        List<Product> repriced = products.stream()
                .map(p -> p.toBuilder().price(p.price().orElseThrow().add(BigDecimal.ONE)).build()).toList();
        SyncReport second = sync.sync(repriced.stream(), SyncRequest.incremental());

        assertThat(sentBatches()).hasSize(3);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).isEmpty();
        assertThat(second.counts().updated()).isEqualTo(30);
        assertThat(second.counts().translationsSeen()).isEqualTo(30);
        assertThat(second.counts().translationsUnchanged()).isEqualTo(30);
        assertThat(second.counts().translationsSent()).isZero();
        assertBalanced(second);

        stub.wm.resetRequests();
        List<Product> retitled = new ArrayList<>(repriced);
        retitled.set(4, repriced.get(4).toBuilder().translation(java.util.Locale.FRENCH,
                io.github.metacommerce.product.ProductTranslation.of("Tente neuve", "Pour deux")).build());
        SyncReport third = sync.sync(retitled.stream(), SyncRequest.incremental());
        assertThat(sentBatches()).as("a changed translation does not resend its item").isEmpty();
        List<LoggedRequest> localized = stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)));
        assertThat(localized).singleElement().satisfies(r -> assertThat(formParam(r.getBodyAsString(), "requests"))
                .contains("SKU-5").contains("Tente neuve").doesNotContain("SKU-4"));
        assertThat(third.counts().translationsSent()).isEqualTo(1);
        assertThat(third.counts().translationsUnchanged()).isEqualTo(29);
        assertThat(third.counts().unchanged()).isEqualTo(30);
        assertBalanced(third);
    }

    @Test
    void aDryRunCountsTheTranslationsItWouldSend() {
        SyncReport r = sync(options().build()).sync(Stream.of(french(product(1))),
                SyncRequest.builder().dryRun(true).build());
        assertThat(r.counts().translationsWouldSend()).isEqualTo(1);
        assertThat(stub.wm.getAllServeEvents()).isEmpty();
        assertBalanced(r);
    }

    @Test
    void metasRepeatedCategoryWarningNamesItsFieldAndIsGroupedIntoOneLine() {
        String missing = "Missing google_product_category or fb_product_category: the product may be harder to find";
        StringBuilder listed = new StringBuilder();
        for (int line = 1; line <= 12; line++) {
            listed.append(line == 1 ? "" : ",").append("{\"line\":").append(line).append(",\"id\":\"SKU-")
                    .append(line).append("\",\"message\":\"").append(missing).append("\"}");
        }
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[{\"retailer_id\":\"SKU-3\",\"errors\":[],"
                        + "\"warnings\":[{\"message\":\"Unrecognised field: colour (ignored)\"}]}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[" + listed + "],\"ids_of_invalid_requests\":[]}]}")));

        SyncReport r = sync(options().build()).sync(products(12).stream(), SyncRequest.incremental());

        assertThat(r.warnings()).as("the per-item list keeps every warning").hasSize(13)
                .filteredOn(w -> w.message().equals(missing)).hasSize(12)
                .extracting(SyncIssue::field).containsOnly("google_product_category");
        assertThat(r.warningSummary()).hasSize(2).first().satisfies(g -> {
            assertThat(g.count()).isEqualTo(12);
            assertThat(g.field()).isEqualTo("google_product_category");
            assertThat(g.source()).isEqualTo(IssueSource.META);
            assertThat(g.sampleRetailerIds()).hasSize(SyncIssueGroup.MAX_SAMPLES).startsWith("SKU-1", "SKU-2");
            assertThat(g.describe()).startsWith("12 x META_WARNING [google_product_category] Missing");
        });
        assertThat(r.warningSummary().get(1).field()).isEqualTo("colour");
        assertThat(r.warningSummary().get(1).count()).isEqualTo(1);
        assertBalanced(r);
    }

    @Test
    void metasWarningThatRepeatsALocalOneIsReportedOnceSoDryAndRealRunsAgree() {
        String missing = "Missing google_product_category or fb_product_category: the product may be harder to find";
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[{\"retailer_id\":\"SKU-1\",\"errors\":[],"
                        + "\"warnings\":[{\"message\":\"" + missing + "\"}]}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[{\"line\":1,\"id\":\"SKU-1\",\"message\":\"" + missing + "\"}],"
                        + "\"ids_of_invalid_requests\":[]}]}")));
        Product uncategorised = product(1).toBuilder().googleProductCategory(null).fbProductCategory(null).build();

        SyncReport dry = sync(options().build()).sync(Stream.of(uncategorised), SyncRequest.builder().dryRun(true).build());
        SyncReport real = sync(options().build()).sync(Stream.of(uncategorised), SyncRequest.incremental());

        assertThat(dry.warnings()).extracting(SyncIssue::field).containsExactly("google_product_category");
        assertThat(real.warnings()).extracting(SyncIssue::field, SyncIssue::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("google_product_category", IssueSource.LOCAL));
        assertBalanced(real);
    }

    @Test
    void aSyncBuiltWithoutASleeperReallyWaits() {
        CatalogSync plain = CatalogSync.builder().graph(stub.client().graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).build();
        assertThat(plain.sleeper()).as("the production default is the system sleeper")
                .isSameAs(CatalogSync.SYSTEM_SLEEPER);
        assertThat(sync(options().build()).sleeper()).isNotSameAs(CatalogSync.SYSTEM_SLEEPER);
    }

    @Test
    void aTranslationMetaRefusesIsATranslationErrorWithMetasMessageAndTheItemStaysSynced() {
        acceptBatches();
        stub.wm.stubFor(post(urlPathEqualTo(LOCALIZED_PATH)).willReturn(okJson(
                "{\"handles\":[\"l1\"],\"validation_status\":[{\"retailer_id\":\"SKU-2\",\"errors\":[{\"message\":"
                        + "\"title is longer than 100 characters\"}],\"warnings\":[]}]}")));
        CatalogSync sync = sync(options().build());

        SyncReport r = sync.sync(Stream.of(french(product(1)), french(product(2))), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(r.counts().translationsSent()).isEqualTo(1);
        assertThat(r.counts().translationsFailed()).isEqualTo(1);
        assertThat(r.translationErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TRANSLATION_REJECTED");
            assertThat(e.retailerId()).isEqualTo("SKU-2");
            assertThat(e.field()).isEqualTo("title");
            assertThat(e.message()).isEqualTo("fr_XX: title is longer than 100 characters");
            assertThat(e.source()).isEqualTo(IssueSource.META);
        });
        assertThat(r.errors()).isEmpty();
        assertBalanced(r);
        assertThat(ledger.find(CATALOG, List.of("SKU-1", "SKU-2"))).satisfies(m -> {
            assertThat(m.get("SKU-1").translationHashes()).containsKey("fr_XX");
            assertThat(m.get("SKU-2").translationHashes()).doesNotContainKey("fr_XX");
        });
    }

    @Test
    void theTranslationsOfAnItemMetaRejectsAreNotAttempted() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[],\"validation_status\":[{\"retailer_id\":\"SKU-1\",\"errors\":[{\"message\":"
                        + "\"Price must be greater than 0\"}],\"warnings\":[]}]}")));

        SyncReport r = sync(options().build()).sync(Stream.of(french(product(1))), SyncRequest.incremental());

        assertThat(r.counts().failed()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("price"));
        assertThat(r.counts().translationsNotAttempted()).isEqualTo(1);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).isEmpty();
        assertBalanced(r);
    }

    static Product french(Product p) {
        return p.toBuilder().translation(java.util.Locale.FRENCH,
                io.github.metacommerce.product.ProductTranslation.of("Tente " + p.productId(), "Pour deux")).build();
    }

    static void acceptTranslations() {
        stub.wm.stubFor(post(urlPathEqualTo(LOCALIZED_PATH)).willReturn(okJson(
                "{\"handles\":[\"l1\"],\"validation_status\":[]}")));
    }

    @Test
    void anInterruptedThreadCancelsTheSyncAndLosesNothing() {
        acceptBatches();
        Thread.currentThread().interrupt();
        SyncReport r;
        try {
            r = sync(options().build()).sync(products(4).stream(), SyncRequest.incremental());
        } finally {
            Thread.interrupted();
        }

        assertThat(r.outcome()).isEqualTo(SyncOutcome.CANCELLED);
        assertThat(r.counts().notAttempted()).isEqualTo(4);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).isEmpty();
        assertBalanced(r);
    }

    @Test
    void aFailingLedgerStopsTheSyncWithEveryItemAccountedFor() {
        acceptBatches();
        SyncStateStore memory = SyncStateStore.inMemory();
        ledger = new SyncStateStore() {
            @Override
            public java.util.Map<String, SyncRecord> find(String catalogId, java.util.Collection<String> ids) {
                return memory.find(catalogId, ids);
            }

            @Override
            public void saveAll(String catalogId, java.util.Collection<SyncRecord> records) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void removeAll(String catalogId, java.util.Collection<String> ids) {
                memory.removeAll(catalogId, ids);
            }

            @Override
            public void forEachRetailerId(String catalogId, java.util.function.Consumer<String> consumer) {
                memory.forEachRetailerId(catalogId, consumer);
            }

            @Override
            public long count(String catalogId) {
                return memory.count(catalogId);
            }
        };

        SyncReport r = sync(options().maxRequestsPerCall(2).build()).sync(products(5).stream(),
                SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopCategory()).contains(ErrorCategory.UNKNOWN);
        assertThat(r.counts().created()).isZero();
        assertThat(r.counts().failed()).as("Meta confirmed them; only the ledger failed").isZero();
        assertThat(r.unconfirmed()).extracting(SyncIssue::code).contains("UNCONFIRMED");
        assertBalanced(r);
    }

    /** A ledger that reads from {@code memory} (translation hashes included) and cannot write. */
    static SyncStateStore savesFail(SyncStateStore memory) {
        return new SyncStateStore() {
            @Override
            public java.util.Map<String, SyncRecord> find(String catalogId, java.util.Collection<String> ids) {
                return memory.find(catalogId, ids);
            }

            @Override
            public void saveAll(String catalogId, java.util.Collection<SyncRecord> records) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void removeAll(String catalogId, java.util.Collection<String> ids) {
                memory.removeAll(catalogId, ids);
            }

            @Override
            public void forEachRetailerId(String catalogId, java.util.function.Consumer<String> consumer) {
                memory.forEachRetailerId(catalogId, consumer);
            }

            @Override
            public long count(String catalogId) {
                return memory.count(catalogId);
            }

            @Override
            public boolean keepsTranslationHashes() {
                return true;
            }
        };
    }

    @Test
    void aLedgerThatThrowsCountsEveryItemAndTranslationOnce() {
        acceptBatches();
        acceptTranslations();
        SyncStateStore memory = SyncStateStore.inMemory();
        ledger = memory;
        List<Product> known = products(3).stream().map(CatalogSyncTest::french).toList();
        assertThat(sync(options().build()).sync(known.stream(), SyncRequest.incremental()).counts().created())
                .isEqualTo(3);

        // translation-only: three changed translations of items Meta has, two to a call; the first save throws
        ledger = savesFail(memory);
        List<Product> retranslated = known.stream().map(p -> p.toBuilder().translation(java.util.Locale.FRENCH,
                io.github.metacommerce.product.ProductTranslation.of("Nouvelle " + p.productId(), "Pour deux"))
                .build()).toList();
        SyncReport translationsOnly = sync(options().maxRequestsPerCall(2).build()).sync(retranslated.stream(),
                SyncRequest.incremental());

        assertThat(translationsOnly.outcome()).isEqualTo(SyncOutcome.STOPPED);
        SyncCounts t = translationsOnly.counts();
        assertThat(t.itemsSeen()).isEqualTo(3);
        assertThat(t.unchanged()).as("the items themselves did not change; only their translations were open")
                .isEqualTo(3);
        assertThat(t.notAttempted()).isZero();
        assertThat(t.translationsSent()).as("sent, but the ledger did not record them").isZero();
        assertThat(t.translationsFailed()).isEqualTo(2);
        assertThat(t.translationsNotAttempted()).isEqualTo(1);
        assertThat(translationsOnly.translationErrors()).extracting(SyncIssue::code, SyncIssue::retailerId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TRANSLATION_UNCONFIRMED", "SKU-1"),
                        org.assertj.core.groups.Tuple.tuple("TRANSLATION_UNCONFIRMED", "SKU-2"));
        assertThat(t.isBalanced()).as("%s", t).isTrue();

        // new items with translations, one of them rejected by Meta; the save after the batch throws
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":1,\"errors\":[{\"line\":2,"
                        + "\"id\":\"SKU-12\",\"message\":\"Price must be greater than 0\"}],\"warnings\":[],"
                        + "\"ids_of_invalid_requests\":[]}]}")));
        List<Product> fresh = IntStream.rangeClosed(11, 13).mapToObj(i -> french(product(i))).toList();
        int translationCallsBefore = stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH))).size();
        SyncReport items = sync(options().build()).sync(fresh.stream(), SyncRequest.incremental());

        SyncCounts c = items.counts();
        assertThat(c.itemsSeen()).isEqualTo(3);
        assertThat(c.created()).isZero();
        assertThat(c.failed()).as("each item once: SKU-12 rejected").isEqualTo(1);
        assertThat(c.unconfirmed()).as("the others, confirmed by Meta but not recorded").isEqualTo(2);
        assertThat(items.errors()).extracting(SyncIssue::retailerId, SyncIssue::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SKU-12", "META_ERROR"));
        assertThat(items.unconfirmed()).extracting(SyncIssue::retailerId, SyncIssue::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SKU-11", "UNCONFIRMED"),
                        org.assertj.core.groups.Tuple.tuple("SKU-13", "UNCONFIRMED"));
        assertThat(c.translationsSeen()).isEqualTo(3);
        assertThat(c.translationsSent()).isZero();
        // translations go out only once their item is recorded: a ledger that cannot record the items sends none
        assertThat(c.translationsFailed()).isZero();
        assertThat(c.translationsNotAttempted()).as("the rejected item's and the unrecorded items'").isEqualTo(3);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).as("no translation sent")
                .hasSize(translationCallsBefore);
        assertThat(c.isBalanced()).as("%s", c).isTrue();
    }

    /** A ledger written before translation hashes existed: it keeps the content hash only. */
    static SyncStateStore contentHashOnly(SyncStateStore memory) {
        return new SyncStateStore() {
            @Override
            public java.util.Map<String, SyncRecord> find(String catalogId, java.util.Collection<String> ids) {
                java.util.Map<String, SyncRecord> out = new java.util.HashMap<>();
                memory.find(catalogId, ids).forEach((id, r) -> out.put(id, SyncRecord.builder().retailerId(id)
                        .contentHash(r.contentHash()).syncedAt(r.syncedAt()).build()));
                return out;
            }

            @Override
            public void saveAll(String catalogId, java.util.Collection<SyncRecord> records) {
                memory.saveAll(catalogId, records);
            }

            @Override
            public void removeAll(String catalogId, java.util.Collection<String> ids) {
                memory.removeAll(catalogId, ids);
            }

            @Override
            public void forEachRetailerId(String catalogId, java.util.function.Consumer<String> consumer) {
                memory.forEachRetailerId(catalogId, consumer);
            }

            @Override
            public long count(String catalogId) {
                return memory.count(catalogId);
            }
        };
    }

    @Test
    void aLedgerWithoutTranslationHashesSendsNothingForAnUnchangedItemAndResendsAChangedTranslationWithItsItem() {
        acceptBatches();
        acceptTranslations();
        ledger = contentHashOnly(SyncStateStore.inMemory());
        assertThat(ledger.keepsTranslationHashes()).isFalse();
        CatalogSync sync = sync(options().build());
        List<Product> products = products(3).stream().map(CatalogSyncTest::french).toList();
        assertThat(sync.sync(products.stream(), SyncRequest.incremental()).counts().translationsSent()).isEqualTo(3);
        stub.wm.resetRequests();

        SyncReport again = sync.sync(products.stream(), SyncRequest.incremental());

        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).isEmpty();
        assertThat(sentBatches()).isEmpty();
        assertThat(again.counts().unchanged()).isEqualTo(3);
        assertThat(again.counts().translationsUnchanged()).isEqualTo(3);
        assertBalanced(again);

        stub.wm.resetRequests();
        List<Product> retitled = new ArrayList<>(products);
        retitled.set(1, products.get(1).toBuilder().translation(java.util.Locale.FRENCH,
                io.github.metacommerce.product.ProductTranslation.of("Tente neuve", "Pour deux")).build());
        SyncReport changed = sync.sync(retitled.stream(), SyncRequest.incremental());

        assertThat(sentBatches()).singleElement().satisfies(b -> assertThat(b.toString()).contains("SKU-2")
                .doesNotContain("SKU-1").doesNotContain("SKU-3"));
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).singleElement()
                .satisfies(r -> assertThat(formParam(r.getBodyAsString(), "requests")).contains("Tente neuve"));
        assertThat(changed.counts().updated()).isEqualTo(1);
        assertThat(changed.counts().unchanged()).isEqualTo(2);
        assertThat(changed.counts().translationsSent()).isEqualTo(1);
        assertThat(changed.counts().translationsUnchanged()).isEqualTo(2);
        assertBalanced(changed);
    }

    @Test
    void aLedgerWithoutTranslationHashesSendsARefusedTranslationAgainWithItsItem() {
        acceptBatches();
        stub.wm.stubFor(post(urlPathEqualTo(LOCALIZED_PATH))
                .willReturn(aResponse().withStatus(400).withBody(stub.fixture("errors/invalid-100.json"))));
        ledger = contentHashOnly(SyncStateStore.inMemory());
        CatalogSync sync = sync(options().build());
        assertThat(sync.sync(Stream.of(french(product(1))), SyncRequest.incremental()).counts()
                .translationsFailed()).isEqualTo(1);
        stub.wm.resetRequests();
        acceptTranslations();

        SyncReport second = sync.sync(Stream.of(french(product(1))), SyncRequest.incremental());

        assertThat(sentBatches()).hasSize(1);
        assertThat(second.counts().translationsSent()).isEqualTo(1);
        assertBalanced(second);
        stub.wm.resetRequests();
        assertThat(sync.sync(Stream.of(french(product(1))), SyncRequest.incremental()).counts().unchanged())
                .isEqualTo(1);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(LOCALIZED_PATH)))).isEmpty();
    }

    @Test
    void metasOtherWarningOnAFieldWithALocalWarningIsKept() {
        String promo = "title contains promotional text such as FREE SHIPPING";
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[{\"retailer_id\":\"SKU-1\",\"errors\":[],"
                        + "\"warnings\":[{\"message\":\"" + promo + "\"}]}]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[],\"ids_of_invalid_requests\":[]}]}")));
        Product longTitle = product(1).toBuilder().name("Tent " + "x".repeat(70) + " FREE SHIPPING").build();

        SyncReport r = sync(options().build()).sync(Stream.of(longTitle), SyncRequest.incremental());

        assertThat(r.warnings()).extracting(SyncIssue::field, SyncIssue::code, SyncIssue::source)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("title", "LONG_TITLE", IssueSource.LOCAL),
                        org.assertj.core.groups.Tuple.tuple("title", "META_WARNING", IssueSource.META));
        assertBalanced(r);
    }

    @Test
    void aStoreStreamThatBreaksStopsTheSyncWithoutLosingWhatWasRead() {
        acceptBatches();
        java.util.Iterator<Product> source = new java.util.Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < 6;
            }

            @Override
            public Product next() {
                if (++n == 4) {
                    throw new IllegalStateException("connection to the shop database lost");
                }
                return product(n);
            }
        };
        Stream<Product> broken = java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(source, 0), false);

        SyncReport r = sync(options().build()).sync(broken, SyncRequest.full());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopReason()).hasValueSatisfying(m -> assertThat(m).contains("connection to the shop"));
        assertThat(r.counts().productsSeen()).as("three read before the failure, two after").isEqualTo(5);
        assertThat(r.counts().notAttempted()).isEqualTo(5);
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).isEmpty();
        assertBalanced(r);
    }
}
