package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonProductsTest {

    @Test
    void readsTheSampleArrayWithVariantsTranslationsAndSalePeriod() {
        ImportResult r = ImportFiles.readResource("products.json");
        assertThat(r.format()).isEqualTo(ImportFormat.JSON);
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
        assertThat(r.products()).extracting(ImportedProduct::line).containsExactly(2L, 35L);

        Product candle = r.products().get(0).product();
        assertThat(candle.name()).isEqualTo("Soy Candle");
        assertThat(candle.description()).isEqualTo("<p>Hand-poured</p>");
        assertThat(candle.brand()).contains("Glow");
        assertThat(candle.currency()).contains("EUR");
        assertThat(candle.slug()).contains("soy-candle");
        assertThat(candle.productUrl()).contains("https://shop.example.com/candle");
        assertThat(candle.condition()).contains("new");
        assertThat(candle.groupId()).contains("CANDLE");
        assertThat(candle.gender()).contains("unisex");
        assertThat(candle.ageGroup()).contains("adult");
        assertThat(candle.material()).contains("Soy wax");
        assertThat(candle.pattern()).contains("Plain");
        assertThat(candle.googleProductCategory()).contains("Home & Garden > Decor > Candles");
        assertThat(candle.fbProductCategory()).contains("Home > Home Decor > Candles");
        assertThat(candle.productType()).contains("Home > Candles");
        assertThat(candle.customLabels()).containsExactly("gift", "q4");
        assertThat(candle.imageUrls()).containsExactly("https://cdn.example.com/candle.jpg",
                "https://cdn.example.com/candle-lit.jpg");
        assertThat(candle.extraAttributes()).isEqualTo(Map.of("Burn time", "40 hours"));
        assertThat(candle.salePeriod()).contains(new SalePeriod(
                OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2026, 11, 30, 23, 59, 59, 0, ZoneOffset.ofHours(1))));
        assertThat(candle.translations()).containsOnlyKeys(Locale.GERMAN, Locale.forLanguageTag("fr-CA"));
        assertThat(candle.translations().get(Locale.GERMAN).slug()).contains("sojakerze");
        assertThat(candle.translations().get(Locale.GERMAN).description()).contains("<p>Handgegossen</p>");
        assertThat(candle.translations().get(Locale.forLanguageTag("fr-CA")).productUrl())
                .contains("https://shop.example.com/fr-ca/bougie");

        assertThat(candle.variants()).extracting(Product::sku).containsExactly("CANDLE-VAN", "CANDLE-ROSE");
        Product vanilla = candle.variants().get(0);
        assertThat(vanilla.price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("24.00"));
        assertThat(vanilla.compareAtPrice()).contains(new BigDecimal("29.00"));
        assertThat(vanilla.stockQuantity()).contains(8);
        assertThat(vanilla.gtin()).contains("4006381333955");
        assertThat(vanilla.mpn()).contains("GL-V");
        assertThat(vanilla.extraAttributes()).isEqualTo(Map.of("Scent", "Vanilla"));
        Product rose = candle.variants().get(1);
        assertThat(rose.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(rose.color()).contains("Pink");
        assertThat(rose.size()).contains("Large");

        Product mug = r.products().get(1).product();
        assertThat(mug.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(mug.price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("12.5"));
        assertThat(mug.description()).isEmpty();
    }

    @Test
    void wrongValuesAndUnknownFieldsNameTheFieldPath() {
        ImportResult r = ImportFiles.readText("[\n"
                + "{\"productId\": \"a\", \"prize\": 3},\n"
                + "{\"productId\": \"b\", \"variants\": [{\"productId\": \"b1\", \"price\": \"abc\"},\n"
                + "  {\"productId\": \"b2\", \"stockQuantity\": 1.5}]},\n"
                + "{\"productId\": \"c\", \"status\": \"gone\", \"imageUrls\": \"x.jpg\"},\n"
                + "{\"name\": \"no id\"},\n"
                + "42,\n"
                + "{\"productId\": \"ok\", \"salePeriod\": {\"start\": \"2026-01-01\"}}\n"
                + "]");
        assertThat(r.problems()).extracting(RowProblem::toString).containsExactly(
                "line 2, column prize: unknown field 'prize'",
                "line 3, column variants[0].price: 'abc' is not a price (write it like 19.99)",
                "line 3, column variants[1].stockQuantity: '1.5' is not a whole number",
                "line 5, column status: 'gone' is not a status (active, draft or archived)",
                "line 5, column imageUrls: must be an array of strings",
                "line 6, column productId: the product has no productId",
                "line 7: each element of the array must be a product object",
                "line 8, column salePeriod: a sale period needs both start and end");
        assertThat(r.products()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(6);
    }

    @Test
    void brokenJsonIsAFileError() {
        assertThatThrownBy(() -> ImportFiles.readText("[\n{\"productId\": \"a\",}\n]"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("The file is not well-formed JSON near line 2")
                .extracting(e -> ((ImportFileException) e).reason())
                .isEqualTo(ImportFileException.Reason.BROKEN_JSON);
        assertThatThrownBy(() -> ImportFiles.readText("[{\"productId\": \"a\"}"))
                .isInstanceOf(ImportFileException.class)
                .extracting(e -> ((ImportFileException) e).reason().httpStatus())
                .isEqualTo(400);
    }
}
