package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.product.ImportedProduct;
import io.github.metacommerce.admin.product.ProductImporter;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole path over HTTP against the in-process sandbox: import a Shopify and a WooCommerce export, sync, and
 * compare the sandbox's catalog item by item with what the files say; change a product and sync again (only it is
 * sent); delete one and run FULL (it is deleted at Meta); the errors and status routes agree with the run.
 */
class SyncFlowTest extends AdminServerTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphSandbox sandbox;

    @Test
    void importedFilesEndUpInTheCatalogItemByItem() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique("flow"));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\",\"currency\":\"USD\",\"defaultBrand\":\"Acme\"}")
                .statusCode()).isEqualTo(200);
        JsonNode shopify = SyncScenarios.importFile(admin, "shopify-products.csv");
        JsonNode woo = SyncScenarios.importFile(admin, "woocommerce-products.csv");
        assertThat(shopify.get("format").asString()).isEqualTo("shopify");
        assertThat(woo.get("format").asString()).isEqualTo("woocommerce");

        JsonNode job = SyncScenarios.syncToEnd(admin, "{}");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("mode").asString()).isEqualTo("full");
        assertThat(job.get("percent").asInt()).isEqualTo(100);

        // what the files say, through the SDK's own mapping with the store's settings
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
                .defaultBrand("Acme").build();
        ProductTransformer transformer = ProductTransformer.of(settings);
        ProductValidator validator = ProductValidator.of(settings);
        List<TransformedItem> expected = new ArrayList<>();
        for (String file : List.of("shopify-products.csv", "woocommerce-products.csv")) {
            for (ImportedProduct p : ProductImporter.create().read(new ByteArrayInputStream(
                    SyncScenarios.bytes("/import/" + file))).products()) {
                expected.addAll(transformer.transform(p.product()));
            }
        }
        Map<String, JsonNode> items = SyncScenarios.sandboxItems(sandbox, store.catalogId());
        Set<String> sent = new HashSet<>();
        Set<String> refused = new HashSet<>();
        List<String> why = new ArrayList<>();
        for (TransformedItem t : expected) {
            boolean valid = validator.validate(t).isValid();
            if (t.action() == ItemAction.UPSERT && valid) {
                sent.add(t.retailerId());
                assertThat(items).as("item %s", t.retailerId()).containsKey(t.retailerId());
                ObjectNode want = JSON.valueToTree(t.item().orElseThrow().toData());
                JsonNode got = items.get(t.retailerId()).get("data");
                want.properties().forEach(e -> assertThat(got.get(e.getKey())).as("%s of %s", e.getKey(),
                        t.retailerId()).isEqualTo(e.getValue()));
            } else {
                assertThat(items).as("item %s (%s, valid %s)", t.retailerId(), t.action(), valid)
                        .doesNotContainKey(t.retailerId());
                if (!valid) {
                    refused.add(t.retailerId());
                    why.add(t.retailerId() + ": " + validator.validate(t).errors());
                }
            }
        }
        assertThat(items.keySet()).isEqualTo(sent);
        // and in plain words: drafts and archived products are not sent; sale price, GTIN, images; variant groups
        assertThat(items).doesNotContainKeys("TEE-RED-S", "TEE-RED-M", "TEE-BLUE-S", "LAMP-1");
        JsonNode tent = items.get("TENT-2P").get("data");
        assertThat(tent.get("price").asString()).as(tent.toString()).isEqualTo("199.00 USD");
        assertThat(tent.get("sale_price")).as(tent.toString()).isNotNull();
        assertThat(tent.get("sale_price").asString()).isEqualTo("179.00 USD");
        assertThat(tent.get("gtin").asString()).isEqualTo("4006381333931");
        assertThat(tent.get("image_link").asString()).isEqualTo("https://cdn.example.com/tent-front.jpg");
        assertThat(items).as("refused: " + why).containsKeys("woo-hoodie-blue", "woo-hoodie-red");
        assertThat(items.get("woo-hoodie-blue").get("data").get("item_group_id"))
                .isEqualTo(items.get("woo-hoodie-red").get("data").get("item_group_id"));
        assertThat(job.get("counts").get("created").asLong()).isEqualTo(sent.size());
        // a WooCommerce export has no permalink column: the link is WooCommerce's default permalink
        assertThat(items.get("woo-beanie").get("data").get("link").asString())
                .isEqualTo("https://shop.example/product/beanie/");

        // errors and status agree with the run
        JsonNode errors = Browser.json(admin.get("/api/meta-commerce/products/errors?size=200"));
        assertThat(errors.get("total").asLong()).isEqualTo(job.get("counts").get("errors").asLong()
                + job.get("counts").get("warnings").asLong());
        Set<String> erroredSkus = new HashSet<>();
        errors.get("errors").forEach(e -> {
            if (e.get("severity").asString().equals("error")) {
                erroredSkus.add(e.get("retailerId").asString());
            }
        });
        assertThat(erroredSkus).isEqualTo(refused);
        JsonNode status = Browser.json(admin.get("/api/meta-commerce/products/status?size=200"));
        assertThat(statusOf(status, "trail-tent")).isEqualTo("synced");
        assertThat(statusOf(status, "classic-tee")).isEqualTo("excluded");
        assertThat(statusOf(status, "old-lamp")).isEqualTo("excluded");
        assertThat(status.get("summary").get("synced").asLong()).isPositive();

        // change one product: only it is sent
        JsonNode doc = Browser.json(admin.get("/api/meta-commerce/products/trail-tent")).get("product");
        ((ObjectNode) doc).put("name", "Trail Tent 2P (2027 edition)");
        HttpResponse<String> put = admin.put("/api/meta-commerce/products", "[" + doc + "]");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Browser.json(put).get("updated").asLong()).isEqualTo(1);
        assertThat(statusOf(Browser.json(admin.get("/api/meta-commerce/products/status?q=trail-tent")), "trail-tent"))
                .isEqualTo("pending");
        JsonNode second = SyncScenarios.syncToEnd(admin, "{\"mode\":\"incremental\"}");
        assertThat(second.get("status").asString()).isEqualTo("completed");
        assertThat(second.get("counts").get("updated").asLong()).isEqualTo(1);
        assertThat(second.get("counts").get("created").asLong()).isZero();
        assertThat(second.get("counts").get("unchanged").asLong()).isEqualTo(sent.size() - 1
                + expected.stream().filter(t -> t.action() == ItemAction.DELETE).count());
        assertThat(SyncScenarios.sandboxItems(sandbox, store.catalogId()).get("TENT-2P").get("data").get("title")
                .asString()).isEqualTo("Trail Tent 2P (2027 edition)");

        // delete one in the store: a FULL run deletes it at Meta
        assertThat(admin.delete("/api/meta-commerce/products/10").statusCode()).isEqualTo(200);
        JsonNode third = SyncScenarios.syncToEnd(admin, "{\"mode\":\"full\"}");
        assertThat(third.get("counts").get("deleted").asLong()).isEqualTo(1);
        assertThat(SyncScenarios.sandboxItems(sandbox, store.catalogId())).doesNotContainKey("woo-beanie")
                .containsKey("TENT-2P");

        JsonNode history = Browser.json(admin.get("/api/meta-commerce/sync/history"));
        assertThat(history.get("total").asLong()).isEqualTo(3);
        JsonNode syncStatus = Browser.json(admin.get("/api/meta-commerce/sync/status"));
        assertThat(syncStatus.get("syncStatus").asString()).isEqualTo("completed");
        assertThat(syncStatus.get("job").get("jobId").asString()).isEqualTo(third.get("jobId").asString());
    }

    private static String statusOf(JsonNode page, String productId) {
        for (JsonNode p : page.get("products")) {
            if (p.get("productId").asString().equals(productId)) {
                return p.get("status").asString();
            }
        }
        throw new AssertionError("no product " + productId + " in " + page);
    }
}
