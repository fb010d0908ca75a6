package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sandbox.SandboxExtension;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A small Boot application that uses only the auto-configured beans, against the sandbox. */
class SandboxApplicationTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO));

    /** The host application: a service that syncs a store's products with the auto-configured factory. */
    @Configuration(proxyBeanMethods = false)
    static class ShopApplication {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        CatalogPublisher catalogPublisher(CatalogSyncFactory factory) {
            return new CatalogPublisher(factory);
        }
    }

    /** What a host app writes: a few lines on top of the starter. */
    static final class CatalogPublisher {
        private final CatalogSyncFactory factory;
        private final SyncStateStore ledger = SyncStateStore.inMemory();

        CatalogPublisher(CatalogSyncFactory factory) {
            this.factory = factory;
        }

        SyncReport publish(String token, String catalogId, List<Product> products) {
            StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
            return factory.create(token, catalogId, settings, ledger).sync(products.stream(),
                    SyncRequest.builder().storeId("shop-1").build());
        }
    }

    static Product product(int i) {
        return Product.builder().productId("p" + i).sku("SKU-" + i).name("Mug " + i).description("Stoneware mug")
                .price(new BigDecimal("12.50")).imageUrls("/img/mug-" + i + ".jpg").slug("mug-" + i).brand("Acme")
                .build();
    }

    @Test
    void listsBusinessesAndSyncsProductsThroughTheAutoConfiguredBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetaCommerceAutoConfiguration.class))
                .withUserConfiguration(ShopApplication.class)
                .withPropertyValues("meta.commerce.app-id=" + sandbox.appId(),
                        "meta.commerce.app-secret=" + sandbox.appSecret(),
                        "meta.commerce.graph.base-url=" + sandbox.baseUrl(),
                        "meta.commerce.graph.dialog-base-url=" + sandbox.baseUrl(),
                        "meta.commerce.sync.batch-calls-per-minute=100",
                        "meta.commerce.sync.status-poll-initial=10ms")
                .run(context -> {
                    String token = sandbox.mintUserToken();
                    List<Business> businesses = context.getBean(MetaCommerceClient.class).graph(token).businesses()
                            .stream().toList();
                    SyncReport report = context.getBean(CatalogPublisher.class).publish(token,
                            GraphSandbox.CATALOG_ID, IntStream.rangeClosed(1, 12).mapToObj(
                                    SandboxApplicationTest::product).toList());

                    assertThat(businesses).extracting(Business::name)
                            .containsExactly("Sandbox Outdoor Co.", "Sandbox Kids Co.");
                    assertThat(report.outcome()).isEqualTo(SyncOutcome.COMPLETED);
                    assertThat(report.counts().created()).isEqualTo(12);
                    assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(12);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("meta.commerce.sync.items").tag("outcome", "created").counter().count())
                            .isEqualTo(12.0);
                    assertThat(registry.get("meta.commerce.graph.calls").tag("endpoint", "/{id}/items_batch")
                            .timer().count()).isEqualTo(1);
                    assertThat(registry.get("meta.commerce.graph.calls").tag("endpoint", "/me/businesses")
                            .timer().count()).isEqualTo(1);
                });
    }
}
