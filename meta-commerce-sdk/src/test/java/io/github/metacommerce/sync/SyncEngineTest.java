package io.github.metacommerce.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.metacommerce.GraphStub;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync engine's stages: sending that never waits on confirming, polls on each batch's own schedule, the
 * accounting of batches whose fate is unknown, and unchanged products skipped by their fingerprint.
 */
class SyncEngineTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    static final String CATALOG = CatalogSyncTest.CATALOG;
    static final String BATCH_PATH = CatalogSyncTest.BATCH_PATH;
    static final String STATUS_PATH = CatalogSyncTest.STATUS_PATH;
    static final StoreSettings SETTINGS = CatalogSyncTest.SETTINGS;

    final VirtualTime time = VirtualTime.startingAt(GraphStub.NOW);
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    SyncStateStore ledger;

    @BeforeEach
    void setUp() {
        ledger = SyncStateStore.inMemory();
    }

    SyncOptions.Builder options() {
        return SyncOptions.builder().batchCallsPerMinute(1000).statusPollMax(Duration.ofSeconds(30))
                .retry(RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).build());
    }

    CatalogSync.Builder builder(SyncOptions options, StoreSettings settings) {
        MetaCommerceClient client = stub.clientBuilder().clock(time.clock()).retry(RetrySettings.none()).build();
        return CatalogSync.builder().graph(client.graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(settings)).stateStore(ledger).options(options)
                .clock(time.clock()).sleeper(d -> {
                    waits.add(d);
                    time.advance(d);
                });
    }

    CatalogSync sync(SyncOptions options) {
        return builder(options, SETTINGS).build();
    }

    /** Runs a sync the way {@link CatalogSync#sync} does, keeping the run to read its accounts. */
    static SyncRun run(CatalogSync sync, List<Product> products, SyncRequest request) {
        SyncRun run = new SyncRun(sync, request);
        SyncReport report = run.execute(products.stream());
        assertThat(report.counts().isBalanced()).as("%s", report.counts()).isTrue();
        return run;
    }

    static void acceptBatches() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        finishedStatuses();
    }

    static void finishedStatuses() {
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors_total_count\":0,\"errors\":[],"
                        + "\"warnings\":[],\"ids_of_invalid_requests\":[]}]}")));
    }

    static Duration elapsed(VirtualTime t) {
        return Duration.between(GraphStub.NOW, t.now());
    }

    @Test
    void batchesGoOutWithoutWaitingForTheFirstPoll() {
        acceptBatches();

        SyncReport r = sync(options().maxRequestsPerCall(1).statusPollInitial(Duration.ofSeconds(30)).build())
                .sync(CatalogSyncTest.products(4).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(4);
        List<LoggedRequest> all = stub.wm.findAll(anyRequestedFor(anyUrl()));
        List<String> methods = all.stream().map(q -> q.getMethod().getName()).toList();
        assertThat(methods.subList(0, 4)).as("every batch is sent before the first poll: %s", methods)
                .containsOnly("POST");
        assertThat(elapsed(time)).as("one first wait for all four, not one each")
                .isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theFirstPollAdaptsToHowLongMetaTook() {
        acceptBatches();

        SyncReport r = sync(options().maxRequestsPerCall(1).maxOutstandingBatches(1)
                .statusPollInitial(Duration.ofSeconds(8)).build())
                .sync(CatalogSyncTest.products(6).stream(), SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(6);
        assertThat(stub.wm.findAll(getRequestedFor(urlPathEqualTo(STATUS_PATH)))).as("one poll a batch").hasSize(6);
        // Meta finished each batch by its first poll, so each next batch is asked sooner: 8 s, 4 s, 2 s, ...
        assertThat(elapsed(time)).as("not 6 x 8 s").isLessThan(Duration.ofSeconds(17));
    }

    @Test
    void aLaterRunOfTheSameSyncStartsFromThePaceItLearnt() {
        acceptBatches();
        CatalogSync sync = sync(options().maxRequestsPerCall(1).maxOutstandingBatches(1)
                .statusPollInitial(Duration.ofSeconds(8)).build());
        List<Product> products = new ArrayList<>(CatalogSyncTest.products(6));
        sync.sync(products.stream(), SyncRequest.incremental());
        products.set(0, CatalogSyncTest.product(1).toBuilder().price(new BigDecimal("1.00")).build());
        java.time.Instant before = time.now();

        SyncReport again = sync.sync(products.stream(), SyncRequest.incremental());

        assertThat(again.counts().updated()).isEqualTo(1);
        assertThat(Duration.between(before, time.now())).as("not the 8 s of a first run")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void stuckBatchesTimeOutTogetherCountedFromWhenEachWasSent() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"slow\"]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"slow\",\"status\":\"in_progress\"}]}")));

        SyncReport r = sync(options().maxRequestsPerCall(1).statusPollInitial(Duration.ofSeconds(1))
                .statusTimeout(Duration.ofMinutes(5)).build())
                .sync(CatalogSyncTest.products(4).stream(), SyncRequest.incremental());

        assertThat(r.counts().unconfirmed()).isEqualTo(4);
        assertThat(r.counts().failed()).isZero();
        assertThat(elapsed(time)).as("four stuck batches wait 5 minutes in all, not 20")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(5)).isLessThan(Duration.ofMinutes(6));
        assertThat(ledger.count(CATALOG)).isZero();
    }

    @Test
    void anUnreadableAnswerIsAskedAgainAndThenCountedUnconfirmedNeverFailed() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>upstream reset</body></html>")));

        SyncReport r = sync(options().build()).sync(CatalogSyncTest.products(3).stream(),
                SyncRequest.incremental());

        stub.wm.verify(3, postRequestedFor(urlPathEqualTo(BATCH_PATH)));
        assertThat(r.counts().failed()).isZero();
        assertThat(r.counts().unconfirmed()).isEqualTo(3);
        assertThat(r.unconfirmed()).extracting(SyncIssue::retailerId).containsExactly("SKU-1", "SKU-2", "SKU-3");
        assertThat(r.unconfirmed()).allSatisfy(i -> assertThat(i.message()).contains("could not be read"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.isClean()).isFalse();
    }

    @Test
    void anUnreadableAnswerAskedAgainCanStillSucceed() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("truncated").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"handles\":[\"h1\""))
                .willSetStateTo("readable"));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("truncated").whenScenarioStateIs("readable")
                .willReturn(okJson("{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        finishedStatuses();

        SyncReport r = sync(options().build()).sync(CatalogSyncTest.products(2).stream(),
                SyncRequest.incremental());

        assertThat(r.counts().created()).isEqualTo(2);
        assertThat(r.counts().unconfirmed()).isZero();
        assertThat(ledger.count(CATALOG)).isEqualTo(2);
    }

    @Test
    void anUnreadableAnswerThenARefusalLeavesTheItemsUnconfirmedNotFailed() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>reset</html>"))
                .willSetStateTo("expired"));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).inScenario("reset").whenScenarioStateIs("expired")
                .willReturn(aResponse().withStatus(400).withBody(stub.fixture("errors/oauth-190-expired.json"))));

        SyncReport r = sync(options().build()).sync(CatalogSyncTest.products(3).stream(), SyncRequest.incremental());

        assertThat(r.stopCategory()).contains(ErrorCategory.AUTH);
        assertThat(r.counts().failed()).as("Meta may have taken the first attempt").isZero();
        assertThat(r.counts().unconfirmed()).isEqualTo(3);
        assertThat(r.counts().isBalanced()).isTrue();
    }

    @Test
    void translationsOfConfirmedItemsAreCountedOnceWhenRecordingEarlierTranslationsFails() {
        acceptBatches();
        stub.wm.stubFor(post(urlPathEqualTo(CatalogSyncTest.LOCALIZED_PATH)).willReturn(okJson(
                "{\"handles\":[\"l1\"],\"validation_status\":[]}")));
        SyncStateStore memory = ledger;
        ledger = new Delegating(memory) {
            @Override
            public void saveAll(String catalogId, Collection<SyncRecord> records) {
                if (records.stream().anyMatch(rec -> !rec.translationHashes().isEmpty())) {
                    throw new IllegalStateException("database is down");
                }
                super.saveAll(catalogId, records);
            }
        };
        List<Product> fresh = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> CatalogSyncTest.french(CatalogSyncTest.product(i))).toList();

        SyncReport r = sync(options().maxRequestsPerCall(2).build()).sync(fresh.stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.counts().translationsSeen()).isEqualTo(8);
        assertThat(r.counts().translationsSent()).as("none could be recorded").isZero();
        assertThat(r.counts().isBalanced()).as("%s", r.counts()).isTrue();
    }

    @Test
    void aStatusNamingAnotherBatchIsUnconfirmedAndNotApplied() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"other\",\"status\":\"finished\",\"errors\":[]}]}")));

        SyncReport r = sync(options().build()).sync(CatalogSyncTest.products(2).stream(),
                SyncRequest.incremental());

        assertThat(r.counts().created()).isZero();
        assertThat(r.counts().unconfirmed()).isEqualTo(2);
        assertThat(r.unconfirmed()).allSatisfy(i -> assertThat(i.message()).contains("named another batch"));
        assertThat(ledger.count(CATALOG)).as("never applied").isZero();
    }

    @Test
    void aStatusWhoseErrorsAreNotAListIsUnconfirmedNotTakenAsFinished() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"]}")));
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"errors\":\"oops\"}]}")));

        SyncReport r = sync(options().build()).sync(CatalogSyncTest.products(2).stream(),
                SyncRequest.incremental());

        assertThat(r.counts().created()).isZero();
        assertThat(r.counts().unconfirmed()).isEqualTo(2);
        assertThat(r.unconfirmed()).allSatisfy(i -> assertThat(i.message()).contains("could not be read"));
        assertThat(ledger.count(CATALOG)).isZero();
        assertThat(elapsed(time)).as("given up after a few answers, not at the status timeout")
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aTokenThatExpiresAfterTheThirdOfTenBatchesLeavesTheSentOnesUnconfirmedNotFailed() {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(okJson("{\"handles\":[\"h1\"]}")));
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).withRequestBody(containing("SKU-7"))
                .willReturn(aResponse().withStatus(400).withBody(stub.fixture("errors/oauth-190-expired.json"))));
        // Meta takes longer than the run lasts: no status comes back before the token expires
        stub.wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"in_progress\"}]}")));

        SyncReport r = sync(options().maxRequestsPerCall(2).statusPollInitial(Duration.ofMinutes(10)).build())
                .sync(CatalogSyncTest.products(20).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopCategory()).contains(ErrorCategory.AUTH);
        assertThat(r.counts().unconfirmed()).as("three batches sent before the token expired").isEqualTo(6);
        assertThat(r.counts().failed()).as("only the batch Meta refused").isEqualTo(2);
        assertThat(r.errors()).extracting(SyncIssue::retailerId).containsExactly("SKU-7", "SKU-8");
        assertThat(r.counts().notAttempted()).isEqualTo(12);
        assertThat(r.unconfirmed()).allSatisfy(i -> assertThat(i.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void interruptingTheSyncsThreadEndsAThrottleWaitOnTheSendThread() throws Exception {
        stub.wm.stubFor(post(urlPathEqualTo(BATCH_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("X-Business-Use-Case-Usage", "{\"" + CATALOG + "\":[{\"type\":\"catalog_batch\","
                        + "\"call_count\":100,\"total_cputime\":10,\"total_time\":10,"
                        + "\"estimated_time_to_regain_access\":10}]}")
                .withBody(stub.fixture("errors/throttle-80014.json"))));
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        MetaCommerceClient client = stub.clientBuilder().clock(time.clock()).retry(RetrySettings.none()).build();
        // a wait that only an interrupt ends, as a real ten-minute throttle wait would be
        CatalogSync sync = CatalogSync.builder().graph(client.graph(GraphStub.TOKEN)).catalogId(CATALOG)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).options(options().build())
                .clock(time.clock()).sleeper(d -> {
                    waiting.countDown();
                    new java.util.concurrent.CountDownLatch(1).await();
                }).build();
        java.util.concurrent.atomic.AtomicReference<SyncReport> report = new java.util.concurrent.atomic.AtomicReference<>();
        Thread syncThread = new Thread(() -> report.set(sync.sync(CatalogSyncTest.products(3).stream(),
                SyncRequest.incremental())));
        syncThread.start();
        assertThat(waiting.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the send thread waits").isTrue();

        syncThread.interrupt();
        syncThread.join(30_000);

        assertThat(syncThread.isAlive()).as("the wait ended with the interrupt").isFalse();
        assertThat(report.get().outcome()).isEqualTo(SyncOutcome.CANCELLED);
        assertThat(report.get().counts().notAttempted()).as("%s", report.get().counts()).isEqualTo(3);
        assertThat(report.get().counts().isBalanced()).isTrue();
    }

    @Test
    void twoSyncsOfOneCatalogCountTheItemsTheyShareCreatedOnce() {
        acceptBatches();
        SyncStateStore shared = ledger;
        CatalogSync first = sync(options().build());
        // the second sync read the ledger before the first recorded the 200 products they share
        AtomicBoolean stale = new AtomicBoolean(true);
        ledger = new Delegating(shared) {
            @Override
            public Map<String, SyncRecord> find(String catalogId, Collection<String> ids) {
                return stale.getAndSet(false) ? Map.of() : shared.find(catalogId, ids);
            }
        };
        CatalogSync second = sync(options().build());
        List<Product> a = IntStream.rangeClosed(1, 400).mapToObj(CatalogSyncTest::product).toList();
        List<Product> b = IntStream.rangeClosed(201, 600).mapToObj(CatalogSyncTest::product).toList();

        SyncReport ra = first.sync(a.stream(), SyncRequest.incremental());
        SyncReport rb = second.sync(b.stream(), SyncRequest.incremental());

        assertThat(ra.counts().created()).isEqualTo(400);
        assertThat(rb.counts().created()).isEqualTo(200);
        assertThat(rb.counts().updated()).as("recorded by the other sync meanwhile").isEqualTo(200);
        assertThat(ra.counts().created() + rb.counts().created()).isEqualTo(shared.count(CATALOG));
    }

    // ---- fingerprints

    @Test
    void aSecondRunRecognisesUnchangedProductsWithoutMappingThem() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        List<Product> products = CatalogSyncTest.products(50);
        SyncRun first = run(sync, products, SyncRequest.full());
        assertThat(first.tally().productsMapped).isEqualTo(50);
        assertThat(ledger.find(CATALOG, List.of("SKU-1")).get("SKU-1").fingerprint()).isPresent();
        stub.wm.resetRequests();

        List<Product> changed = new ArrayList<>(products);
        changed.set(9, CatalogSyncTest.product(10).toBuilder().price(new BigDecimal("7.00")).build());
        SyncRun second = run(sync, changed, SyncRequest.full());

        assertThat(second.tally().productsMapped).as("only the changed product").isEqualTo(1);
        assertThat(second.tally().unchanged).isEqualTo(49);
        assertThat(second.tally().updated).isEqualTo(1);
        assertThat(second.tally().deleted).as("skipped products are still in the store").isZero();
        assertThat(stub.wm.findAll(postRequestedFor(urlPathEqualTo(BATCH_PATH)))).singleElement()
                .satisfies(call -> assertThat(call.getBodyAsString()).contains("SKU-10").doesNotContain("SKU-11"));
    }

    @Test
    void aSettingsChangeInvalidatesTheFingerprints() {
        acceptBatches();
        List<Product> products = CatalogSyncTest.products(20);
        run(sync(options().build()), products, SyncRequest.incremental());

        StoreSettings otherBrand = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
                .defaultBrand("Other").build();
        SyncRun changedSettings = run(builder(options().build(), otherBrand).build(), products,
                SyncRequest.incremental());

        assertThat(changedSettings.tally().productsMapped).isEqualTo(20);
        assertThat(changedSettings.tally().unchanged).as("the items came out the same").isEqualTo(20);
        // the unchanged items learnt the new fingerprint: the next run maps nothing
        SyncRun again = run(builder(options().build(), otherBrand).build(), products, SyncRequest.incremental());
        assertThat(again.tally().productsMapped).isZero();
        assertThat(again.tally().unchanged).isEqualTo(20);
    }

    @Test
    void aNewMappingVersionInvalidatesTheFingerprints() {
        acceptBatches();
        List<Product> products = CatalogSyncTest.products(10);
        run(sync(options().build()), products, SyncRequest.incremental());
        assertThat(run(sync(options().build()), products, SyncRequest.incremental()).tally().productsMapped)
                .isZero();

        SyncRun newVersion = run(builder(options().build(), SETTINGS).mappingVersion(Fingerprints.MAPPING_VERSION + 1)
                .build(), products, SyncRequest.incremental());

        assertThat(newVersion.tally().productsMapped).isEqualTo(10);
        assertThat(newVersion.tally().unchanged).isEqualTo(10);
    }

    @Test
    void aProductWithALocalWarningIsMappedEveryTimeSoItsWarningStaysReported() {
        acceptBatches();
        Product noCategory = Product.builder().productId("n").sku("NOCAT").name("Lamp").description("Bright")
                .price(new BigDecimal("20")).imageUrls("/l.jpg").slug("lamp").brand("Acme").build();
        List<Product> products = List.of(CatalogSyncTest.product(1), noCategory);
        CatalogSync sync = sync(options().build());
        SyncRun first = run(sync, products, SyncRequest.incremental());
        assertThat(first.tally().warnings).extracting(SyncIssue::retailerId).contains("NOCAT");

        SyncRun second = run(sync, products, SyncRequest.incremental());

        assertThat(second.tally().productsMapped).isEqualTo(1);
        assertThat(second.tally().unchanged).isEqualTo(2);
        assertThat(second.tally().warnings).extracting(SyncIssue::retailerId).contains("NOCAT");
    }

    @Test
    void productsWithTheSameSkuAreStillCaughtWhenTheFirstIsSkipped() {
        acceptBatches();
        CatalogSync sync = sync(options().build());
        run(sync, CatalogSyncTest.products(3), SyncRequest.incremental());
        Product clash = CatalogSyncTest.product(2).toBuilder().productId("other").name("Another tent").build();

        SyncRun r = run(sync, List.of(CatalogSyncTest.product(1), CatalogSyncTest.product(2),
                CatalogSyncTest.product(3), clash), SyncRequest.incremental());

        assertThat(r.tally().unchanged).isEqualTo(3);
        assertThat(r.tally().errors).extracting(SyncIssue::code).containsExactly("DUPLICATE_RETAILER_ID");
    }

    @Test
    void productsMappedAheadInParallelAreAccountedInTheirOrder() {
        acceptBatches();
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            Product p = CatalogSyncTest.product(i);
            if (i % 50 == 0) {
                p = p.toBuilder().price(null).build(); // invalid: no price
            } else if (i % 97 == 0) {
                p = p.toBuilder().sku("SKU-" + (i - 1)).productId("dup-" + i).build(); // the SKU of the one before
            }
            products.add(p);
        }

        SyncReport r = sync(options().build()).sync(products.stream(), SyncRequest.incremental());

        assertThat(r.counts().failed()).isEqualTo(12 + 6);
        assertThat(r.counts().created()).isEqualTo(600 - 18);
        assertThat(r.errors()).filteredOn(e -> e.code().equals("DUPLICATE_RETAILER_ID")).extracting(SyncIssue::productId)
                .containsExactly("dup-97", "dup-194", "dup-291", "dup-388", "dup-485", "dup-582");
        List<String> failedIds = r.errors().stream().map(SyncIssue::productId).distinct().toList();
        assertThat(failedIds).as("errors in the order of the products").isSortedAccordingTo(
                java.util.Comparator.comparingInt(id -> Integer.parseInt(id.replaceAll("\\D", ""))));
        assertThat(ledger.count(CATALOG)).isEqualTo(600 - 18);
    }

    @Test
    void fingerprintsDifferForAnyFieldAndAgreeForEqualProducts() {
        Fingerprints f = new Fingerprints("settings", 1);
        Product p = CatalogSyncTest.product(1);
        assertThat(f.of(p)).hasSize(32).isEqualTo(f.of(p.toBuilder().build()));
        assertThat(f.of(p)).isNotEqualTo(f.of(p.toBuilder().name("Tent 1 ").build()))
                .isNotEqualTo(f.of(p.toBuilder().stockQuantity(3).build()))
                .isNotEqualTo(f.of(p.toBuilder().imageUrls("/img/1.jpg", "/img/2.jpg").build()))
                .isNotEqualTo(f.of(p.toBuilder().variants(List.of(CatalogSyncTest.product(2))).build()))
                .isNotEqualTo(new Fingerprints("settings", 2).of(p))
                .isNotEqualTo(new Fingerprints("other settings", 1).of(p));
        // fields are fed with their length: moving text from one field to the next changes the fingerprint
        assertThat(f.of(p.toBuilder().name("ab").description("c").build()))
                .isNotEqualTo(f.of(p.toBuilder().name("a").description("bc").build()));
    }

    /** A ledger that passes everything to another. */
    static class Delegating implements SyncStateStore {
        final SyncStateStore to;

        Delegating(SyncStateStore to) {
            this.to = to;
        }

        @Override
        public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
            return to.find(catalogId, retailerIds);
        }

        @Override
        public void saveAll(String catalogId, Collection<SyncRecord> records) {
            to.saveAll(catalogId, records);
        }

        @Override
        public void removeAll(String catalogId, Collection<String> retailerIds) {
            to.removeAll(catalogId, retailerIds);
        }

        @Override
        public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
            to.forEachRetailerId(catalogId, consumer);
        }

        @Override
        public long count(String catalogId) {
            return to.count(catalogId);
        }

        @Override
        public boolean keepsTranslationHashes() {
            return to.keepsTranslationHashes();
        }
    }
}
