package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A product as JSON and back: every field, variants, the exact amounts, and the same string every time. */
class ProductDocumentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A product with every field set, none to its default. */
    static Product everything() {
        return Product.builder()
                .productId("tee").sku("TEE").name("Tee \"Classic\"").description("<p>Soft</p>\n<p>Ünïcødé ✓</p>")
                .translation(Locale.GERMAN, ProductTranslation.of("T-Shirt", "<p>Weich</p>").withSlug("t-shirt")
                        .withProductUrl("https://shop.example/de/t-shirt"))
                .translation(Locale.forLanguageTag("fr-CA"), ProductTranslation.of("Tee-shirt", null))
                .price(new BigDecimal("19.990")).compareAtPrice(new BigDecimal("25")).currency("EUR")
                .stockQuantity(-2).backorderPolicy(BackorderPolicy.ALLOW)
                .imageUrls("https://cdn.example/tee.jpg", "https://cdn.example/tee-back.jpg")
                .slug("tee").productUrl("https://shop.example/tee").brand("Acme").condition(Condition.REFURBISHED)
                .gtin("4006381333931").mpn("AC-1").status(ProductStatus.ARCHIVED).groupId("tees").color("Red")
                .size("M").gender("Women").ageGroup("adult").material("Cotton").pattern("Striped")
                .extraAttribute("Fit", "Slim").extraAttribute("Scent", "none")
                .googleProductCategory("Apparel & Accessories > Clothing").fbProductCategory("clothing")
                .productType("Shirts").customLabels("summer", "", "bestseller")
                .salePeriod(new SalePeriod(OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.ofHours(1)),
                        OffsetDateTime.of(2026, 11, 30, 23, 59, 59, 123_000_000, ZoneOffset.ofHoursMinutes(5, 30))))
                .variants(List.of(
                        Product.builder().productId("tee-s").sku("TEE-S").size("S").price(new BigDecimal("15.00"))
                                .stockQuantity(0).status(ProductStatus.DRAFT).imageUrls("https://cdn.example/s.jpg")
                                .translation(Locale.GERMAN, ProductTranslation.of("Klein", null))
                                .extraAttribute("Fit", "Regular").build(),
                        Product.builder().productId("tee-m").sku("TEE-M").brand("").customLabels("").build()))
                .build();
    }

    @Test
    void everyFieldAndEveryVariantSurvivesTheRoundTrip() {
        Product p = everything();
        Product back = ProductDocument.read(ProductDocument.write(p));
        assertThat(back).isEqualTo(p);
        assertThat(back.price().orElseThrow().scale()).isEqualTo(3);
        assertThat(back.translations().keySet()).containsExactly(Locale.GERMAN, Locale.forLanguageTag("fr-CA"));
        assertThat(back.extraAttributes().keySet()).containsExactly("Fit", "Scent");
        assertThat(back.variants().get(1).brand()).contains("");
        assertThat(back.variants().get(1).customLabels()).containsExactly("");
        assertThat(back.variants().get(0).status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(back.salePeriod().orElseThrow().end().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    }

    @Test
    void aMinimalProductStaysMinimal() {
        Product p = Product.builder().productId("x").build();
        String doc = ProductDocument.write(p);
        assertThat(doc).isEqualTo("{\"productId\":\"x\",\"backorderPolicy\":\"deny\",\"status\":\"active\"}");
        assertThat(ProductDocument.read(doc)).isEqualTo(p);
    }

    @Test
    void amountsAreStringsThatKeepTheirScaleEvenInExponentForm() {
        Product p = Product.builder().productId("x").price(new BigDecimal("19.99"))
                .compareAtPrice(new BigDecimal("1E+3")).build();
        JsonNode tree = JSON.readTree(ProductDocument.write(p));
        assertThat(tree.get("price").isString()).isTrue();
        assertThat(tree.get("price").asString()).isEqualTo("19.99");
        Product back = ProductDocument.read(ProductDocument.write(p));
        assertThat(back).isEqualTo(p);
        assertThat(back.compareAtPrice().orElseThrow().scale()).isEqualTo(-3);
    }

    @Test
    void theSameProductGivesTheSameStringAndAnEqualOneToo() {
        String first = ProductDocument.write(everything());
        assertThat(ProductDocument.write(everything())).isEqualTo(first);
        assertThat(ProductDocument.write(ProductDocument.read(first))).isEqualTo(first);
        assertThat(ProductDocument.write(everything().toBuilder().name("Other").build())).isNotEqualTo(first);
    }

    @Test
    void theDocumentIsWhatPutProductsTakes() {
        Product p = everything();
        ImportResult r = ImportFiles.readText("[" + ProductDocument.write(p) + "]");
        assertThat(r.problems()).isEmpty();
        assertThat(r.products()).extracting(ImportedProduct::product).containsExactly(p);
        JsonNode tree = ProductDocument.tree(p);
        assertThat(tree.get("variants").get(0).get("sku").asString()).isEqualTo("TEE-S");
        assertThat(tree.get("translations").get("fr-CA").get("name").asString()).isEqualTo("Tee-shirt");
        assertThat(tree.get("salePeriod").get("start").asString()).isEqualTo("2026-11-27T00:00+01:00");
    }

    @Test
    void somethingElseIsNoDocument() {
        assertThatThrownBy(() -> ProductDocument.read("{\"productId\":\"x\",\"colour\":\"red\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> ProductDocument.read("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
