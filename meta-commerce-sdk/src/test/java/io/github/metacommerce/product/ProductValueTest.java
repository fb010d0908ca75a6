package io.github.metacommerce.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.catalog.Gender;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link Product} keeps the value semantics it had as a record: equals, hashCode, toString and toBuilder. */
class ProductValueTest {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private static Product.Builder full() {
        return Product.builder().productId("1").sku("S").name("N").description("D")
                .translation(Locale.FRENCH, ProductTranslation.of("n", "d")).price(BigDecimal.ONE)
                .compareAtPrice(BigDecimal.TEN).currency("EUR").stockQuantity(3).backorderPolicy(BackorderPolicy.ALLOW)
                .imageUrls("/a.jpg").slug("s").productUrl("https://shop.example/s").brand("B").condition("new")
                .gtin("4006381333931").mpn("M").status(ProductStatus.ACTIVE).groupId("G").color("red").size("L")
                .gender(Gender.MALE).ageGroup("adult").material("wool").pattern("plain").extraAttribute("Scent", "x")
                .googleProductCategory("1").fbProductCategory("2").productType("a > b").customLabels("l0")
                .salePeriod(new SalePeriod(START, START.plusDays(1)))
                .variants(List.of(Product.builder().productId("1-a").sku("S-A").build()));
    }

    /** One change per field; a field added to Product needs a line here. */
    private static final List<UnaryOperator<Product.Builder>> CHANGES = List.of(
            b -> b.productId("2"), b -> b.sku("T"), b -> b.name("O"), b -> b.description("E"),
            b -> b.translations(Map.of()), b -> b.price(new BigDecimal("2")), b -> b.compareAtPrice(null),
            b -> b.currency("USD"), b -> b.stockQuantity(4), b -> b.backorderPolicy(BackorderPolicy.DENY),
            b -> b.imageUrls("/b.jpg"), b -> b.slug("t"), b -> b.productUrl(null), b -> b.brand("C"),
            b -> b.condition("used"), b -> b.gtin(null), b -> b.mpn(null), b -> b.status(ProductStatus.DRAFT),
            b -> b.groupId(null), b -> b.color("blue"), b -> b.size("M"), b -> b.gender(Gender.FEMALE),
            b -> b.ageGroup("kids"), b -> b.material("silk"), b -> b.pattern("striped"),
            b -> b.extraAttributes(Map.of()), b -> b.googleProductCategory("3"), b -> b.fbProductCategory("4"),
            b -> b.productType("c"), b -> b.customLabels("l1"), b -> b.salePeriod(null), b -> b.variants(List.of()));

    @Test
    void everyFieldTakesPartInEqualsAndSurvivesToBuilder() {
        Product base = full().build();
        long fields = Arrays.stream(Product.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).count();

        assertThat(CHANGES).hasSize((int) fields);
        assertThat(base.toBuilder().build()).isEqualTo(base).hasSameHashCodeAs(base);
        for (UnaryOperator<Product.Builder> change : CHANGES) {
            Product changed = change.apply(full()).build();
            assertThat(changed).isNotEqualTo(base);
            assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
        }
    }

    @Test
    void toStringNamesEveryFieldLikeARecord() {
        String s = full().build().toString();

        assertThat(s).startsWith("Product[productId=1, sku=S, ").endsWith("]");
        for (Field f : Product.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertThat(s).contains(f.getName() + "=");
            }
        }
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        java.util.ArrayList<String> images = new java.util.ArrayList<>(List.of("/a.jpg"));
        Product p = Product.builder().imageUrls(images).build();
        images.add("/b.jpg");

        assertThat(p.imageUrls()).containsExactly("/a.jpg");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.imageUrls().add("/c.jpg"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
