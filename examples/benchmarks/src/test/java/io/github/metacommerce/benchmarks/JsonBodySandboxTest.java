package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.AppSecretProofMode;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.catalog.Availability;
import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.catalog.Price;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sandbox.SandboxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed batch calls, sent as JSON bodies, against the sandbox with a required timed appsecret_proof. */
class JsonBodySandboxTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.requireAppSecretProof(true)
            .batchProcessingDelay(Duration.ZERO));

    private static CatalogItem item(String id, String title) {
        return CatalogItem.builder().id(id).title(title).description("Sleeps two & \"more\"")
                .availability(Availability.IN_STOCK).condition(Condition.NEW)
                .price(Price.of(new BigDecimal("199.00"), "USD")).link("https://shop.example/p/" + id)
                .imageLink("https://shop.example/i/" + id + ".jpg").brand("Acme").build();
    }

    @Test
    void itemsAndTranslationsMakeTheRoundTripAsJsonBodies() {
        sandbox.reset();
        MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId())
                .appSecret(sandbox.appSecret()).graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl())
                .appSecretProof(AppSecretProofMode.TIMED).build();
        GraphClient graph = client.graph(sandbox.mintUserToken());
        String catalog = GraphSandbox.CATALOG_ID;

        ItemsBatchResponse sent = graph.itemsBatch(catalog, List.of(ItemRequest.of(item("JSON-1", "Trail Tent \uD83C\uDFD5")),
                ItemRequest.of(item("JSON-2", "Caf\u00e9 Chair"))), true);
        BatchStatus status = graph.batchStatus(catalog, sent.handles().get(0));
        ItemsBatchResponse localized = graph.localizedItemsBatch(catalog, "fr_XX",
                List.of(ItemRequest.update(Map.of("id", "JSON-1", "title", "Tente \u00e0 deux"))));
        BatchStatus localizedStatus = graph.batchStatus(catalog, localized.handles().get(0));
        List<CatalogItemSnapshot> products = graph.products(catalog,
                ProductQuery.builder().retailerIds("JSON-1", "JSON-2").build()).stream().toList();

        assertThat(sent.handles()).hasSize(1);
        assertThat(status.status()).isEqualTo("finished");
        assertThat(status.errors()).isEmpty();
        assertThat(localized.handles()).hasSize(1);
        assertThat(localizedStatus.status()).isEqualTo("finished");
        assertThat(localizedStatus.errors()).isEmpty();
        assertThat(products).extracting(CatalogItemSnapshot::retailerId).containsExactlyInAnyOrder("JSON-1", "JSON-2");
        assertThat(products).extracting(p -> p.name().orElse(""))
                .containsExactlyInAnyOrder("Trail Tent \uD83C\uDFD5", "Caf\u00e9 Chair");
    }
}
