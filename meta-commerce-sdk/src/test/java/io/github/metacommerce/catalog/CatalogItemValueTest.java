package io.github.metacommerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link CatalogItem} keeps the value semantics it had as a record: equals, hashCode, toString and toBuilder. */
class CatalogItemValueTest {
    private static CatalogItem.Builder full() {
        return CatalogItem.builder().id("S").title("T").description("D").richTextDescription("<p>D</p>")
                .availability(Availability.IN_STOCK).condition(Condition.NEW)
                .price(Price.of(BigDecimal.TEN, "EUR")).salePrice(Price.of(BigDecimal.ONE, "EUR"))
                .salePriceEffectiveDate("2026-01-01T00:00+00:00/2026-01-02T00:00+00:00")
                .link("https://shop.example/s").imageLink("https://shop.example/a.jpg")
                .additionalImageLinks(List.of("https://shop.example/b.jpg")).brand("B").gtin("4006381333931")
                .mpn("M").itemGroupId("G").color("red").size("L").gender(Gender.MALE).ageGroup(AgeGroup.ADULT)
                .material("wool").pattern("plain").additionalVariantAttributes(Map.of("Scent", "x"))
                .googleProductCategory("1").fbProductCategory("2").productType("a > b").customLabels(List.of("l0"))
                .quantityToSellOnFacebook(3).visibility(Visibility.PUBLISHED);
    }

    /** One change per field; a field added to CatalogItem needs a line here. */
    private static final List<UnaryOperator<CatalogItem.Builder>> CHANGES = List.of(
            b -> b.id("U"), b -> b.title(null), b -> b.description("E"), b -> b.richTextDescription(null),
            b -> b.availability(Availability.OUT_OF_STOCK), b -> b.condition(Condition.USED),
            b -> b.price(Price.of(new BigDecimal("2"), "EUR")), b -> b.salePrice(null),
            b -> b.salePriceEffectiveDate(null), b -> b.link(null), b -> b.imageLink(null),
            b -> b.additionalImageLinks(List.of()), b -> b.brand("C"), b -> b.gtin(null), b -> b.mpn(null),
            b -> b.itemGroupId(null), b -> b.color("blue"), b -> b.size("M"), b -> b.gender(Gender.FEMALE),
            b -> b.ageGroup(AgeGroup.KIDS), b -> b.material("silk"), b -> b.pattern("striped"),
            b -> b.additionalVariantAttributes(Map.of()), b -> b.googleProductCategory("3"),
            b -> b.fbProductCategory("4"), b -> b.productType("c"), b -> b.customLabels(List.of("l1")),
            b -> b.quantityToSellOnFacebook(4), b -> b.visibility(Visibility.STAGING));

    @Test
    void everyFieldTakesPartInEqualsAndSurvivesToBuilder() {
        CatalogItem base = full().build();
        long fields = Arrays.stream(CatalogItem.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).count();

        assertThat(CHANGES).hasSize((int) fields);
        assertThat(base.toBuilder().build()).isEqualTo(base).hasSameHashCodeAs(base);
        for (UnaryOperator<CatalogItem.Builder> change : CHANGES) {
            CatalogItem changed = change.apply(full()).build();
            assertThat(changed).isNotEqualTo(base);
            assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
        }
    }

    @Test
    void toStringNamesEveryFieldLikeARecord() {
        String s = full().build().toString();

        assertThat(s).startsWith("CatalogItem[id=S, title=Optional[T], ").endsWith("]");
        for (Field f : CatalogItem.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertThat(s).contains(f.getName() + "=");
            }
        }
    }

    @Test
    void factoriesOfReadTypesKeepTheFormerConstructorsNormalisation() {
        Catalog c = Catalog.of("1", null, 5, null);
        CatalogItemSnapshot snap = CatalogItemSnapshot.of("9", null, Map.of("review_status", "approved"));

        assertThat(c.name()).isEmpty();
        assertThat(c.vertical()).isEmpty();
        assertThat(c).isEqualTo(Catalog.of("1", "", 5, "")).hasToString("Catalog[id=1, name=, productCount=5, vertical=]");
        assertThat(snap.retailerId()).isEmpty();
        assertThat(snap.reviewStatus()).contains("approved");
        assertThat(snap).isEqualTo(CatalogItemSnapshot.of("9", "", Map.of("review_status", "approved")));
    }
}
