package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManagerPageTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO));

    @Test
    void showsBusinessesCatalogsItemsAndBatchErrorsEscaped() {
        Http http = new Http(sandbox.baseUrl());
        String token = sandbox.mintUserToken();
        String evil = "<script>alert(1)</script>";
        http.postForm("/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch", token, Http.params("item_type",
                "PRODUCT_ITEM", "requests", "[{\"method\":\"UPDATE\",\"data\":"
                        + SandboxItemsBatchTest.item("XSS-1", ",\"title\":\"" + evil.replace("\"", "\\\"") + "\"")
                        + "},{\"method\":\"UPDATE\",\"data\":{\"id\":\"" + "<img src=x onerror=alert(2)>"
                        + "\",\"price\":\"1.00 USD\"}}]"));

        Http.Res page = http.get("/_sandbox/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sandbox Outdoor Co.", "Outdoor Catalog", "Kids Catalog", "199.00 USD",
                "in stock", "https://shop.example/i/XSS-1.jpg", "Recent batches", "Missing required field")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(evil)
                .doesNotContain("<img src=x");
    }
}
