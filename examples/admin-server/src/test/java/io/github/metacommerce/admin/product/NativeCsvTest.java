package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeCsvTest {
    private final ImportResult result = ImportFiles.readResource("native-products.csv");

    @Test
    void readsEveryColumnOfTheSample() {
        assertThat(result.format()).isEqualTo(ImportFormat.NATIVE_CSV);
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.problems()).isEmpty();
        assertThat(result.products()).extracting(ImportedProduct::line).containsExactly(2L, 5L);

        Product candle = result.products().get(0).product();
        assertThat(candle.productId()).isEqualTo("candle");
        assertThat(candle.name()).isEqualTo("Soy Candle");
        assertThat(candle.description()).isEqualTo("<p>Hand-poured, 40 hours</p>");
        assertThat(candle.price()).contains(new BigDecimal("24.00"));
        assertThat(candle.compareAtPrice()).contains(new BigDecimal("29.00"));
        assertThat(candle.currency()).contains("EUR");
        assertThat(candle.imageUrls()).containsExactly("https://cdn.example.com/candle.jpg",
                "https://cdn.example.com/candle-lit.jpg");
        assertThat(candle.slug()).contains("soy-candle");
        assertThat(candle.brand()).contains("Glow");
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
        assertThat(candle.salePeriod()).contains(new SalePeriod(
                OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2026, 11, 30, 23, 59, 59, 0, ZoneOffset.UTC)));
        assertThat(candle.translations()).containsOnlyKeys(Locale.GERMAN, Locale.FRENCH);
        ProductTranslation de = candle.translations().get(Locale.GERMAN);
        assertThat(de.name()).contains("Sojakerze");
        assertThat(de.description()).contains("<p>Handgegossen</p>");
        assertThat(de.slug()).contains("sojakerze");
        assertThat(candle.translations().get(Locale.FRENCH).productUrl())
                .contains("https://shop.example.com/fr/bougie");

        assertThat(candle.variants()).extracting(Product::productId).containsExactly("candle-vanilla", "candle-rose");
        Product vanilla = candle.variants().get(0);
        assertThat(vanilla.sku()).isEqualTo("CANDLE-VAN");
        assertThat(vanilla.stockQuantity()).contains(8);
        assertThat(vanilla.backorderPolicy()).isEqualTo(BackorderPolicy.DENY);
        assertThat(vanilla.gtin()).contains("4006381333955");
        assertThat(vanilla.mpn()).contains("GL-V");
        assertThat(vanilla.extraAttributes()).isEqualTo(Map.of("Scent", "Vanilla"));
        assertThat(vanilla.imageUrls()).containsExactly("https://cdn.example.com/candle-vanilla.jpg");
        Product rose = candle.variants().get(1);
        assertThat(rose.price()).contains(new BigDecimal("26.00"));
        assertThat(rose.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(rose.color()).contains("Pink");
        assertThat(rose.size()).contains("Large");
        assertThat(rose.translations().get(Locale.GERMAN).name()).contains("Sojakerze Rose");

        Product mug = result.products().get(1).product();
        assertThat(mug.status()).isEqualTo(ProductStatus.ARCHIVED);
        assertThat(mug.productUrl()).contains("https://shop.example.com/mug");
        assertThat(mug.hasVariants()).isFalse();
    }

    @Test
    void badValuesAndStrayVariantsAreListed() {
        ImportResult r = ImportFiles.readText("productId,parentId,price,status,backorderPolicy,saleStart,saleEnd\n"
                + "a,,1.00,,,,\n"
                + "b,x,1.00,,,,\n"
                + ",,1.00,,,,\n"
                + "c,,-1,gone,maybe,2026-01-01,\n");
        assertThat(r.problems()).extracting(RowProblem::toString).containsExactly(
                "line 3, column parentId: a variant row must follow the row of its product 'x' (or its other "
                        + "variants)",
                "line 4, column productId: the row has no productId",
                "line 5, column price: '-1' is not a price (write it like 19.99)",
                "line 5, column backorderPolicy: 'maybe' is not a backorder policy (deny or allow)",
                "line 5, column status: 'gone' is not a status (active, draft or archived)",
                "line 5, column saleEnd: a sale period needs both saleStart and saleEnd");
        assertThat(r.products()).extracting(p -> p.product().productId()).containsExactly("a");
    }
}
