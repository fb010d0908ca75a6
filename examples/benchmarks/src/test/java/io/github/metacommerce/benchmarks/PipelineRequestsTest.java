package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.examples.quickstart.SampleProducts;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The path PipelineBenchmark measures gives the same requests as the map path, for the quickstart's products. */
class PipelineRequestsTest {

    @Test
    void streamedRequestsAreTheMapRequestsByteForByte() throws Exception {
        ProductTransformer transformer = ProductTransformer.of(StoreSettings.builder()
                .storeUrl("https://shop.example").currency("EUR").build());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        int items = 0;
        for (long seed : new long[] {3, 7}) {
            List<Product> products = SampleProducts.stream(seed, 5_000, 0.01).toList();
            for (Product p : products) {
                for (TransformedItem t : transformer.transform(p)) {
                    if (t.item().isEmpty() || t.item().get().id().isBlank()) {
                        continue;
                    }
                    items++;
                    ItemRequest viaMap = ItemRequest.update(t.item().get().toData());
                    ItemRequest streamed = ItemRequest.of(t.item().get());
                    ByteArrayOutputStream a = new ByteArrayOutputStream();
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    viaMap.writeTo(a);
                    streamed.writeTo(b);
                    assertThat(b.toByteArray()).isEqualTo(a.toByteArray())
                            .isEqualTo(viaMap.json().getBytes(StandardCharsets.UTF_8));
                    assertThat(streamed.json()).isEqualTo(viaMap.json());
                    assertThat(streamed.contentHash()).isEqualTo(HexFormat.of().formatHex(
                            sha256.digest(viaMap.json().getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        assertThat(items).isGreaterThan(10_000);
    }
}
