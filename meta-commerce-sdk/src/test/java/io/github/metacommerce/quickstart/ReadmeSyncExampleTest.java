package io.github.metacommerce.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.GraphStub;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncStage;
import io.github.metacommerce.sync.SyncStateStore;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the README's "Syncing a catalog" class ({@link SyncCatalog}) against a Graph stub; keeps the copies identical. */
class ReadmeSyncExampleTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private Stream<Product> storeProducts() {
        return Stream.of(Product.builder().productId("42").sku("TENT-2P").name("Trail Tent").description("Two")
                .price(new BigDecimal("179")).imageUrls("/t.jpg").slug("trail-tent").brand("Acme").build());
    }

    /** Runs the README's class as a user would: no test hooks, so the sync waits in real time for the poll. */
    @Test
    void theExampleSyncsAndReports() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(okJson(
                "{\"handles\":[\"h1\"],\"validation_status\":[]}")));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001/check_batch_request_status")).willReturn(okJson(
                "{\"data\":[{\"handle\":\"h1\",\"status\":\"finished\",\"warnings\":[{\"line\":1,"
                        + "\"message\":\"Missing google_product_category or fb_product_category\"}]}]}")));
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("USD").build();
        SyncStateStore ledger = SyncStateStore.inMemory();

        SyncCatalog example = new SyncCatalog(stub.client(), GraphStub.TOKEN, "2001", settings, ledger);
        SyncReport report = example.syncAll(storeProducts());

        assertThat(report.counts().created()).isEqualTo(1);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warningSummary()).singleElement()
                .satisfies(g -> assertThat(g.field()).isEqualTo("google_product_category"));
        assertThat(example.progress()).hasValueSatisfying(p -> assertThat(p.stage()).isEqualTo(SyncStage.DONE));
        assertThat(ledger.count("2001")).isEqualTo(1);
    }

    @Test
    void theExampleHasNoTestHooksAndUsesOnlyWhatItDefines() {
        String block = ReadmeSnippets.readmeBlock("## Syncing a catalog", "```");
        assertThat(block).doesNotContain(".sleeper(").doesNotContain(".clock(").doesNotContain("VirtualTime")
                .doesNotContain("waits::add").doesNotContain("latest::set;").contains("public final class SyncCatalog");
    }

    @Test
    void readmeShowsTheSameCode() {
        assertThat(ReadmeSnippets.readmeBlock("## Syncing a catalog", "```"))
                .isEqualTo(ReadmeSnippets.taggedClass("SyncCatalog.java", "sync"));
    }
}
