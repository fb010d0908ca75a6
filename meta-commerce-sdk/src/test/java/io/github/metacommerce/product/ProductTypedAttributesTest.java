package io.github.metacommerce.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.catalog.AgeGroup;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.Gender;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProductTypedAttributesTest {
    private static final StoreSettings USD = StoreSettings.builder().storeUrl("https://shop.example/").currency("USD")
            .build();
    private final ProductTransformer transformer = ProductTransformer.of(USD);

    private static Product.Builder shirt() {
        return Product.builder().productId("7").sku("SHIRT-1").name("Shirt").description("Cotton shirt")
                .price(new BigDecimal("20.00")).imageUrls("/img/shirt.jpg").slug("shirt").brand("Acme");
    }

    @ParameterizedTest
    @EnumSource(Gender.class)
    void everyGenderSetAsEnumIsSentAsThatValueWithoutANote(Gender gender) {
        TransformedItem t = transformer.transform(shirt().gender(gender).build()).get(0);

        assertThat(t.item().orElseThrow().gender()).contains(gender);
        assertThat(t.notes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AgeGroup.class)
    void everyAgeGroupSetAsEnumIsSentAsThatValueWithoutANote(AgeGroup ageGroup) {
        TransformedItem t = transformer.transform(shirt().ageGroup(ageGroup).build()).get(0);

        assertThat(t.item().orElseThrow().ageGroup()).contains(ageGroup);
        assertThat(t.notes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyConditionSetAsEnumIsSentAsThatValueWithoutANote(Condition condition) {
        TransformedItem t = transformer.transform(shirt().condition(condition).build()).get(0);

        assertThat(t.item().orElseThrow().condition()).contains(condition);
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void anEnumReadsBackAsMetasValueAndEqualsTheSameValueSetAsText() {
        Product typed = shirt().gender(Gender.FEMALE).ageGroup(AgeGroup.ALL_AGES).condition(Condition.REFURBISHED)
                .build();
        Product text = shirt().gender("female").ageGroup("all ages").condition("refurbished").build();

        assertThat(typed.gender()).contains("female");
        assertThat(typed.ageGroup()).contains("all ages");
        assertThat(typed.condition()).contains("refurbished");
        assertThat(typed).isEqualTo(text).hasSameHashCodeAs(text);
    }

    @Test
    void aNullEnumClearsTheValue() {
        Product p = shirt().gender("women").gender((Gender) null).condition((Condition) null)
                .ageGroup((AgeGroup) null).build();

        assertThat(p.gender()).isEmpty();
        assertThat(p.condition()).isEmpty();
        assertThat(p.ageGroup()).isEmpty();
    }

    @Test
    void storeSpellingsStillMapAndAnUnknownOneIsAWarningNamingTheField() {
        CatalogItem women = transformer.transform(shirt().gender("Women").build()).get(0).item().orElseThrow();
        TransformedItem unknown = transformer.transform(shirt().gender("zebra").ageGroup("ancient").build()).get(0);

        assertThat(women.gender()).contains(Gender.FEMALE);
        assertThat(unknown.item().orElseThrow().gender()).isEmpty();
        List<String> fields = unknown.notes().stream().map(ValidationIssue::field).toList();
        assertThat(fields).contains("gender", "age_group");
        assertThat(unknown.notes()).allMatch(n -> n.severity() == Severity.WARNING);
    }
}
