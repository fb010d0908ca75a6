package io.github.metacommerce.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.Product;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void connectsThroughOAuthAndSyncsTheGeneratedProducts() throws Exception {
        try (GraphSandbox sandbox = GraphSandbox.builder().autoApprove(true).batchCallsPerMinute(1000)
                .batchProcessingDelay(Duration.ZERO).build().start()) {
            SyncReport r = QuickStart.runAgainstSandbox(sandbox, 300);

            assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(r.counts().isBalanced()).isTrue();
            assertThat(r.counts().productsSeen()).isEqualTo(300);
            assertThat(r.counts().failed()).isPositive();
            assertThat(r.counts().created()).isEqualTo(sandbox.itemCount(GraphSandbox.CATALOG_ID));
            assertThat(r.counts().created() + r.counts().failed()).isEqualTo(r.counts().itemsSeen());
        }
    }

    @Test
    void theGeneratorIsDeterministicAndChangesTheRequestedShare() {
        List<Product> a = SampleProducts.stream(1, 1000, 0.01).toList();
        List<Product> b = SampleProducts.stream(1, 1000, 0.01).toList();
        long changed = a.stream().filter(p -> !p.equals(SampleProducts.product(1, Long.parseLong(p.productId()),
                0.01, 10))).count();

        assertThat(a).isEqualTo(b);
        assertThat(changed).isBetween(50L, 150L);
        assertThat(a.stream().filter(p -> p.price().isEmpty() || p.imageUrls().isEmpty() || p.sku().isEmpty()))
                .hasSizeBetween(3, 25);
        assertThat(a.stream().filter(Product::hasVariants)).isNotEmpty();
    }
}
