package io.github.metacommerce.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.OutOfStockPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.product.ValidationResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's "Mapping products" example and keeps the README's copy identical to it. */
class ReadmeMappingExampleTest {

    @Test
    void theExampleProducesWhatTheReadmeSays() {
        // tag::mapping[]
        StoreSettings settings = StoreSettings.builder()
                .storeUrl("https://shop.example")      // product links: https://shop.example/products/{slug}
                .currency("EUR")
                .outOfStockPolicy(OutOfStockPolicy.KEEP_VISIBLE)
                .build();
        ProductTransformer transformer = ProductTransformer.of(settings);
        ProductValidator validator = ProductValidator.of(settings);

        Product tent = Product.builder()
                .productId("42").sku("TENT-2P").name("Trail Tent").description("<p>Sleeps <b>two</b>.</p>")
                .price(new BigDecimal("179.00")).compareAtPrice(new BigDecimal("199.00"))
                .stockQuantity(12).imageUrls("/img/tent.jpg").slug("trail-tent").brand("Acme")
                .googleProductCategory("Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents")
                .build();
        List<TransformedItem> items = transformer.transform(tent);          // one item, or one per variant
        List<ValidationResult> results = validator.validateAll(items);      // errors block an item, warnings do not
        Map<String, Object> data = items.get(0).item().orElseThrow().toData();
        // end::mapping[]

        assertThat(results).singleElement().satisfies(r -> assertThat(r.issues()).isEmpty());
        assertThat(data).containsExactly(
                Map.entry("id", "TENT-2P"), Map.entry("title", "Trail Tent"), Map.entry("description", "Sleeps two."),
                Map.entry("rich_text_description", "<p>Sleeps <b>two</b>.</p>"), Map.entry("availability", "in stock"),
                Map.entry("condition", "new"), Map.entry("price", "199.00 EUR"), Map.entry("sale_price", "179.00 EUR"),
                Map.entry("link", "https://shop.example/products/trail-tent"),
                Map.entry("image_link", "https://shop.example/img/tent.jpg"), Map.entry("brand", "Acme"),
                Map.entry("google_product_category", "Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents"),
                Map.entry("quantity_to_sell_on_facebook", 12), Map.entry("visibility", "published"));
    }

    @Test
    void readmeShowsTheSameCode() {
        assertThat(ReadmeSnippets.readmeBlock("## Mapping products", "// {id=TENT-2P"))
                .isEqualTo(ReadmeSnippets.tagged("ReadmeMappingExampleTest.java", "mapping"));
    }
}
