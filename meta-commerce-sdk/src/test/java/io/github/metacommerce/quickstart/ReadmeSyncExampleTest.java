package io.github.metacommerce.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.GraphStub;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncIssue;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the README's "Syncing a catalog" example against a Graph stub and keeps the README's copy identical. */
class ReadmeSyncExampleTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private final List<String> problems = new ArrayList<>();

    private Stream<Product> storeProducts() {
        return Stream.of(Product.builder().productId("42").sku("TENT-2P").name("Trail Tent").description("Two")
                .price(new BigDecimal("179")).imageUrls("/t.jpg").slug("trail-tent").brand("Acme").build());
    }

    private void show(SyncIssue issue) {
        problems.add(issue.retailerId() + ": " + issue.message());
    }

    @Test
    void theExampleSyncsAndReports() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001/check_batch_request_status")).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\"}]}")));
        MetaCommerceClient client = stub.client();
        String token = GraphStub.TOKEN;
        String catalogId = "2001";
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("USD").build();
        SyncStateStore ledger = SyncStateStore.inMemory();
        AtomicReference<Object> latest = new AtomicReference<>();
        List<Duration> waits = new ArrayList<>();

        // tag::sync[]
        CatalogSync sync = CatalogSync.builder()
                .graph(client.graph(token))
                .catalogId(catalogId)
                .transformer(ProductTransformer.of(settings))
                .stateStore(ledger)                       // remembers what Meta accepted: the next run sends only changes
                .options(SyncOptions.builder().batchCallsPerMinute(8).build())
                .sleeper(waits::add)
                .build();

        SyncReport report = sync.sync(storeProducts(), SyncRequest.builder()
                .mode(SyncMode.FULL)                       // also deletes what the store no longer has
                .listener(latest::set)                     // progress: stage, done, total, waiting until
                .build());

        report.counts();                                   // created, updated, unchanged, deleted, failed, not attempted
        report.errors().forEach(this::show);               // per item: retailer id, category, field, message, source
        // end::sync[]

        assertThat(report.counts().created()).isEqualTo(1);
        assertThat(problems).isEmpty();
        assertThat(latest.get()).isNotNull();
        assertThat(ledger.count(catalogId)).isEqualTo(1);
    }

    @Test
    void readmeShowsTheSameCode() {
        assertThat(ReadmeSnippets.readmeBlock("## Syncing a catalog", "```"))
                .isEqualTo(ReadmeSnippets.tagged("ReadmeSyncExampleTest.java", "sync"));
    }
}
