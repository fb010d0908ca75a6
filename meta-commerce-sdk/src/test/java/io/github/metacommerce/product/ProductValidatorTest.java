package io.github.metacommerce.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.metacommerce.catalog.Availability;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProductValidatorTest {
    private final ProductValidator validator = ProductValidator.create();

    static CatalogItem.Builder valid() {
        return CatalogItem.builder().id("SKU-1").title("Trail Tent").description("Sleeps two")
                .availability(Availability.IN_STOCK).condition(Condition.NEW)
                .price(Price.of(new BigDecimal("199.00"), "USD")).link("https://shop.example/p/tent")
                .imageLink("https://shop.example/img/tent.jpg").brand("Acme");
    }

    private static Arguments rule(String name, UnaryOperator<CatalogItem.Builder> change, String field,
            IssueCode code, Severity severity) {
        return Arguments.of(name, change, field, code, severity);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("missing id", b -> b.id(""), "id", IssueCode.REQUIRED, Severity.ERROR),
                rule("id too long", b -> b.id("x".repeat(101)), "id", IssueCode.TOO_LONG, Severity.ERROR),
                rule("id with a tab", b -> b.id("SKU\t1"), "id", IssueCode.INVALID_RETAILER_ID, Severity.ERROR),
                rule("missing title", b -> b.title(" "), "title", IssueCode.REQUIRED, Severity.ERROR),
                rule("title over the limit", b -> b.title("t".repeat(151)), "title", IssueCode.TOO_LONG,
                        Severity.ERROR),
                rule("title over 65", b -> b.title("t".repeat(66)), "title", IssueCode.LONG_TITLE, Severity.WARNING),
                rule("missing description", b -> b.description(null), "description", IssueCode.REQUIRED,
                        Severity.ERROR),
                rule("description too long", b -> b.description("d".repeat(5001)), "description",
                        IssueCode.TOO_LONG, Severity.ERROR),
                rule("rich text too long", b -> b.richTextDescription("r".repeat(10_000)), "rich_text_description",
                        IssueCode.TOO_LONG, Severity.ERROR),
                rule("missing availability", b -> b.availability(null), "availability", IssueCode.REQUIRED,
                        Severity.ERROR),
                rule("missing condition", b -> b.condition(null), "condition", IssueCode.REQUIRED, Severity.ERROR),
                rule("missing price", b -> b.price(null), "price", IssueCode.REQUIRED, Severity.ERROR),
                rule("zero price", b -> b.price(Price.of(BigDecimal.ZERO, "USD")), "price", IssueCode.INVALID_PRICE,
                        Severity.ERROR),
                rule("negative price", b -> b.price(Price.of(new BigDecimal("-5"), "USD")), "price",
                        IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("price that rounds to zero", b -> b.price(Price.of(new BigDecimal("0.004"), "USD")), "price",
                        IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("enormous price", b -> b.price(Price.of(new BigDecimal("1e15"), "USD")), "price",
                        IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("too many decimals", b -> b.price(Price.of(new BigDecimal("10.5"), "JPY")), "price",
                        IssueCode.INVALID_PRICE, Severity.WARNING),
                rule("made-up currency", b -> b.price(Price.of(BigDecimal.TEN, "ABC")), "price",
                        IssueCode.UNKNOWN_CURRENCY, Severity.ERROR),
                rule("sale price equal", b -> b.salePrice(Price.of(new BigDecimal("199"), "USD")), "sale_price",
                        IssueCode.SALE_PRICE_NOT_LOWER, Severity.ERROR),
                rule("sale price higher", b -> b.salePrice(Price.of(new BigDecimal("250"), "USD")), "sale_price",
                        IssueCode.SALE_PRICE_NOT_LOWER, Severity.ERROR),
                rule("sale price other currency", b -> b.salePrice(Price.of(new BigDecimal("99"), "EUR")),
                        "sale_price", IssueCode.SALE_PRICE_NOT_LOWER, Severity.ERROR),
                rule("sale ends before it starts", b -> b.salePrice(Price.of(new BigDecimal("99"), "USD"))
                        .salePriceEffectiveDate("2026-12-24T00:00+00:00/2026-12-01T00:00+00:00"),
                        "sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, Severity.ERROR),
                rule("malformed sale period", b -> b.salePrice(Price.of(new BigDecimal("99"), "USD"))
                        .salePriceEffectiveDate("next week"), "sale_price_effective_date", IssueCode.INVALID_VALUE,
                        Severity.ERROR),
                rule("missing link", b -> b.link(null), "link", IssueCode.REQUIRED, Severity.ERROR),
                rule("relative link", b -> b.link("/p/tent"), "link", IssueCode.INVALID_URL, Severity.ERROR),
                rule("ftp link", b -> b.link("ftp://shop.example/p"), "link", IssueCode.INVALID_URL, Severity.ERROR),
                rule("missing image", b -> b.imageLink(""), "image_link", IssueCode.REQUIRED, Severity.ERROR),
                rule("broken image URL", b -> b.imageLink("https://shop example/img.jpg"), "image_link",
                        IssueCode.INVALID_URL, Severity.ERROR),
                rule("bad additional image", b -> b.additionalImageLinks(List.of("img.jpg")), "additional_image_link",
                        IssueCode.INVALID_URL, Severity.ERROR),
                rule("too many images", b -> b.additionalImageLinks(java.util.Collections.nCopies(21,
                        "https://shop.example/i.jpg")), "additional_image_link", IssueCode.TOO_MANY_IMAGES,
                        Severity.ERROR),
                rule("no brand, GTIN or MPN", b -> b.brand(null), "brand", IssueCode.REQUIRED, Severity.ERROR),
                rule("brand too long", b -> b.brand("b".repeat(101)), "brand", IssueCode.TOO_LONG, Severity.ERROR),
                rule("GTIN with letters", b -> b.gtin("ABC123"), "gtin", IssueCode.INVALID_GTIN, Severity.WARNING),
                rule("GTIN of 11 digits", b -> b.gtin("12345678901"), "gtin", IssueCode.INVALID_GTIN,
                        Severity.WARNING),
                rule("GTIN with a bad check digit", b -> b.gtin("4006381333932"), "gtin", IssueCode.INVALID_GTIN,
                        Severity.WARNING),
                rule("color too long", b -> b.color("c".repeat(101)), "color", IssueCode.TOO_LONG, Severity.ERROR),
                rule("product type too long", b -> b.productType("p".repeat(751)), "product_type",
                        IssueCode.TOO_LONG, Severity.ERROR),
                rule("custom label too long", b -> b.customLabels(List.of("", "l".repeat(101))), "custom_label_1",
                        IssueCode.TOO_LONG, Severity.ERROR),
                rule("negative quantity", b -> b.quantityToSellOnFacebook(-1), "quantity_to_sell_on_facebook",
                        IssueCode.INVALID_VALUE, Severity.ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsEachRule(String name, UnaryOperator<CatalogItem.Builder> change, String field, IssueCode code,
            Severity severity) {
        ValidationResult result = validator.validate(change.apply(valid()).build());

        assertThat(result.issues()).extracting(ValidationIssue::field, ValidationIssue::code,
                ValidationIssue::severity).contains(tuple(field, code, severity));
        assertThat(result.isValid()).isEqualTo(severity == Severity.WARNING);
        assertThat(result.issues()).allSatisfy(i -> assertThat(i.message()).isNotBlank());
    }

    @Test
    void aCompleteItemHasNoIssues() {
        assertThat(validator.validate(valid().build()).issues()).isEmpty();
    }

    @Test
    void aGtinOrMpnReplacesTheBrand() {
        assertThat(validator.validate(valid().brand(null).gtin("4006381333931").build()).issues()).isEmpty();
        assertThat(validator.validate(valid().brand(null).mpn("ACM-42").build()).issues()).isEmpty();
    }

    @Test
    void validGtinsPass() {
        for (String gtin : List.of("96385074", "036000291452", "4006381333931", "10614141000415")) {
            assertThat(validator.validate(valid().gtin(gtin).build()).issues()).as(gtin).isEmpty();
        }
    }

    @Test
    void aLowerSalePriceWithAPeriodPasses() {
        CatalogItem item = valid().salePrice(Price.of(new BigDecimal("149"), "USD"))
                .salePriceEffectiveDate("2026-12-01T00:00+00:00/2026-12-24T00:00+01:00").build();

        assertThat(validator.validate(item).issues()).isEmpty();
    }

    @Test
    void deletesOnlyNeedARetailerId() {
        TransformedItem delete = new TransformedItem("42", "SKU-1", ItemAction.DELETE, Optional.empty(), List.of(),
                List.of());

        assertThat(validator.validate(delete).isValid()).isTrue();
    }

    @Test
    void storeLimitsApply() {
        ProductValidator strict = ProductValidator.of(StoreSettings.builder().storeUrl("https://shop.example")
                .currency("USD").titleLimit(20).build());

        assertThat(strict.validate(valid().title("t".repeat(21)).build()).errors())
                .extracting(ValidationIssue::field).containsExactly("title");
    }

    private static TransformedItem upsert(CatalogItem item) {
        return new TransformedItem("p-" + item.id(), item.id(), ItemAction.UPSERT, Optional.of(item), List.of(),
                List.of());
    }

    @Test
    void duplicateRetailerIdsInABatchAreErrorsOnEveryCopy() {
        List<ValidationResult> results = validator.validateAll(List.of(
                upsert(valid().build()), upsert(valid().title("Other").build()), upsert(valid().id("SKU-2").build())));

        assertThat(results).extracting(ValidationResult::isValid).containsExactly(false, false, true);
        assertThat(results.get(0).errors()).extracting(ValidationIssue::code)
                .containsExactly(IssueCode.DUPLICATE_RETAILER_ID);
    }

    @Test
    void aParentSentBesideItsVariantsIsAnError() {
        List<ValidationResult> results = validator.validateAll(List.of(
                upsert(valid().id("SHIRT").build()),
                upsert(valid().id("SHIRT-S").itemGroupId("SHIRT").size("S").build()),
                upsert(valid().id("SHIRT-M").itemGroupId("SHIRT").size("M").build())));

        assertThat(results.get(0).errors()).extracting(ValidationIssue::code)
                .containsExactly(IssueCode.GROUP_ID_IS_AN_ITEM);
        assertThat(results.get(1).isValid()).isTrue();
        assertThat(results.get(2).isValid()).isTrue();
    }

    @Test
    void aVariantWhoseIdIsItsOwnGroupIsFine() {
        List<ValidationResult> results = validator.validateAll(List.of(
                upsert(valid().id("MUG").itemGroupId("MUG").color("Red").build()),
                upsert(valid().id("MUG-BLUE").itemGroupId("MUG").color("Blue").build())));

        assertThat(results).allSatisfy(r -> assertThat(r.issues()).isEmpty());
    }

    @Test
    void variantsFillingDifferentFieldsAreWarned() {
        List<ValidationResult> results = validator.validateAll(List.of(
                upsert(valid().id("S-RED").itemGroupId("S").size("S").color("Red").build()),
                upsert(valid().id("S-M").itemGroupId("S").size("M").build()),
                upsert(valid().id("S-X").itemGroupId("S").size("L").color("Red")
                        .additionalVariantAttributes(Map.of("Scent", "Pine")).build())));

        assertThat(results.get(1).warnings()).extracting(ValidationIssue::field, ValidationIssue::code)
                .containsExactlyInAnyOrder(tuple("color", IssueCode.INCONSISTENT_VARIANT_FIELDS),
                        tuple("additional_variant_attribute:Scent", IssueCode.INCONSISTENT_VARIANT_FIELDS));
        assertThat(results).allSatisfy(r -> assertThat(r.isValid()).isTrue());
    }

    @Test
    void transformerNotesAreIncludedAsWarnings() {
        ValidationIssue note = new ValidationIssue("title", IssueCode.TRUNCATED, Severity.WARNING, "cut");
        TransformedItem t = new TransformedItem("42", "SKU-1", ItemAction.UPSERT, Optional.of(valid().build()),
                List.of(), List.of(note));

        assertThat(validator.validate(t).warnings()).containsExactly(note);
    }
}
