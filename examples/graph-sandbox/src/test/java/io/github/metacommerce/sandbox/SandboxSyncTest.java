package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync engine end to end against the in-process sandbox: nothing lost, delta, throttle window, faults. */
class SandboxSyncTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO));

    private static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl("https://shop.example")
            .currency("EUR").build();

    /** The SDK's time; waiting moves it and the sandbox's clock together, so nobody waits for real. */
    private final VirtualTime time = VirtualTime.startingAt(Instant.now())
            .onAdvance(d -> sandbox.sandbox().advanceClock(d));
    private SyncStateStore ledger;
    private Http http;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        ledger = SyncStateStore.inMemory();
        http = new Http(sandbox.baseUrl());
    }

    /** Deterministic products; every 50th has no price (invalid), every 7th has a French translation. */
    static Product product(int i) {
        Product.Builder b = Product.builder().productId("p" + i).sku("SKU-" + i).name("Trail tent " + i)
                .description("<p>Sleeps <b>two</b>, model " + i + ".</p>").imageUrls("/img/" + i + ".jpg")
                .slug("tent-" + i).brand("Acme").stockQuantity(i % 10).googleProductCategory("Tents")
                .price(i % 50 == 0 ? null : new BigDecimal("100.00").add(BigDecimal.valueOf(i)));
        if (i % 7 == 0) {
            b.translation(Locale.FRENCH, ProductTranslation.of("Tente " + i, "Pour deux"));
        }
        return b.build();
    }

    static List<Product> products(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(SandboxSyncTest::product).toList();
    }

    private CatalogSync sync(SyncOptions options) {
        MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId()).appSecret(sandbox.appSecret())
                .graphBaseUrl(sandbox.baseUrl()).clock(time.clock()).retry(RetrySettings.none()).build();
        return CatalogSync.builder().graph(client.graph(sandbox.mintUserToken())).catalogId(GraphSandbox.CATALOG_ID)
                .transformer(ProductTransformer.of(SETTINGS)).stateStore(ledger).options(options).clock(time.clock())
                .sleeper(time.sleeper()).build();
    }

    private static SyncOptions.Builder options() {
        return SyncOptions.builder().statusPollInitial(Duration.ofMillis(100)).statusPollMax(Duration.ofSeconds(1))
                .retry(RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).build());
    }

    @Test
    void syncsEveryValidProductAndListsTheRestThenSkipsThemAll() {
        CatalogSync sync = sync(options().batchCallsPerMinute(1000).maxRequestsPerCall(100).build());

        SyncReport first = sync.sync(products(500).stream(), SyncRequest.full());
        long callsAfterFirst = sandbox.sandbox().callCount("POST /{v}/{id}/items_batch");
        SyncReport second = sync.sync(products(500).stream(), SyncRequest.full());

        assertThat(first.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(first.counts().isBalanced()).isTrue();
        assertThat(first.counts().created()).isEqualTo(490);
        assertThat(first.counts().failed()).isEqualTo(10);
        assertThat(first.errors()).extracting(e -> e.productId()).contains("p50", "p100", "p500");
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(490);
        assertThat(callsAfterFirst).isEqualTo(5);
        assertThat(sandbox.sandbox().callCount("POST /{v}/{id}/localized_items_batch")).isPositive();
        assertThat(second.counts().unchanged()).isEqualTo(490);
        assertThat(sandbox.sandbox().callCount("POST /{v}/{id}/items_batch")).isEqualTo(callsAfterFirst);
        String stored = http.get("/_sandbox/catalogs/" + GraphSandbox.CATALOG_ID + "/items?limit=7", null).body();
        assertThat(stored).contains("\"LANGUAGE:fr_XX\"", "Tente 7");
    }

    @Test
    void pacingWithinTheSandboxsEightCallsPerMinuteMeetsNoThrottle() {
        SyncReport r = sync(options().maxRequestsPerCall(3).build()).sync(products(30).stream(),
                SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().created()).isEqualTo(30);
        assertThat(r.errors()).isEmpty();
        assertThat(http.get("/_sandbox/calls?limit=500", null).body()).doesNotContain("\"status\":400");
        assertThat(r.rateLimitWait()).isGreaterThanOrEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void anOptimisticBudgetMeets80014AndStillLosesNothing() {
        SyncReport r = sync(options().maxRequestsPerCall(3).batchCallsPerMinute(30).build())
                .sync(products(30).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().created()).isEqualTo(30);
        assertThat(r.counts().isBalanced()).isTrue();
        assertThat(http.get("/_sandbox/calls?limit=500", null).body()).contains("\"status\":400");
        assertThat(r.rateLimitWait()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void injectedTransientFaultsAreRetried() {
        http.postJson("/_sandbox/faults", null, "{\"method\":\"POST\",\"path\":\"/v*/{catalog}/items_batch\","
                + "\"times\":1,\"status\":500,\"code\":2}");
        http.postJson("/_sandbox/faults", null, "{\"method\":\"GET\",\"path\":\"/v*/{catalog}/check_batch_request_status\","
                + "\"times\":1,\"kind\":\"html\",\"status\":502}");

        SyncReport r = sync(options().batchCallsPerMinute(1000).build()).sync(products(20).stream(),
                SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
        assertThat(r.counts().created()).isEqualTo(20);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void aTokenRevokedMidSyncStopsWithAuthAndTheLedgerHoldsOnlyConfirmedItems() {
        http.postJson("/_sandbox/faults", null, "{\"method\":\"POST\",\"path\":\"/v*/{catalog}/items_batch\","
                + "\"times\":100,\"status\":400,\"code\":190,\"subcode\":460,\"message\":\"Error validating access "
                + "token: The session has been invalidated because the user changed their password\"}");
        CatalogSync sync = sync(options().batchCallsPerMinute(1000).maxRequestsPerCall(10).build());

        SyncReport r = sync.sync(products(40).stream(), SyncRequest.incremental());

        assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED);
        assertThat(r.stopCategory()).contains(ErrorCategory.AUTH);
        assertThat(r.counts().isBalanced()).isTrue();
        assertThat(r.counts().notAttempted()).isEqualTo(30);
        assertThat(ledger.count(GraphSandbox.CATALOG_ID)).isZero();
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isZero();
    }
}
