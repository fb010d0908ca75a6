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
                .imageLink("https://shop.example/img/tent.jpg").brand("Acme")
                .googleProductCategory("Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents");
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
                        IssueCode.INVALID_VALUE, Severity.ERROR),
                rule("id that is a lone high surrogate", b -> b.id("\uD800"), "id", IssueCode.INVALID_UNICODE,
                        Severity.ERROR),
                rule("id ending in a lone low surrogate", b -> b.id("A\uDC00"), "id", IssueCode.INVALID_UNICODE,
                        Severity.ERROR),
                rule("group id with a lone surrogate", b -> b.itemGroupId("TENT\uD83C"), "item_group_id",
                        IssueCode.INVALID_UNICODE, Severity.ERROR),
                rule("GTIN with a lone surrogate", b -> b.gtin("400638133393\uDC01"), "gtin",
                        IssueCode.INVALID_UNICODE, Severity.ERROR),
                rule("MPN with a lone surrogate", b -> b.mpn("ACM\uD800-42"), "mpn", IssueCode.INVALID_UNICODE,
                        Severity.ERROR),
                rule("link with a lone surrogate", b -> b.link("https://shop.example/p/\uD800"), "link",
                        IssueCode.INVALID_UNICODE, Severity.ERROR),
                rule("hand-built title with a lone surrogate", b -> b.title("Tent \uDC00"), "title",
                        IssueCode.INVALID_UNICODE, Severity.ERROR),
                rule("hand-built custom label with a lone surrogate", b -> b.customLabels(List.of("", "x\uD800")),
                        "custom_label_1", IssueCode.INVALID_UNICODE, Severity.ERROR),
                rule("GTIN over 70 characters", b -> b.gtin("4".repeat(71)), "gtin", IssueCode.TOO_LONG,
                        Severity.ERROR),
                rule("price with an exponent too large to round", b -> b.price(Price.of(new BigDecimal(
                        "1E+999999999"), "USD")), "price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("price with ten million digits", b -> b.price(Price.of(new BigDecimal("1E+10000000"), "USD")),
                        "price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("negative price with a huge exponent", b -> b.price(Price.of(new BigDecimal("-1E+999999999"),
                        "USD")), "price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("price with a billion decimal places", b -> b.price(Price.of(new BigDecimal("1E-999999999"),
                        "USD")), "price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("price one trillion", b -> b.price(Price.of(new BigDecimal("1000000000000"), "USD")), "price",
                        IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("price that rounds up to one trillion", b -> b.price(Price.of(
                        new BigDecimal("999999999999.999"), "USD")), "price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("sale price with a huge exponent", b -> b.salePrice(Price.of(new BigDecimal("1E+999999999"),
                        "USD")), "sale_price", IssueCode.INVALID_PRICE, Severity.ERROR),
                rule("gold price with 34 decimal places", b -> b.price(Price.of(new BigDecimal(
                        "1850." + "1234567890".repeat(3) + "1234"), "XAU")), "price", IssueCode.INVALID_PRICE,
                        Severity.ERROR),
                rule("sale ending in year 10000", b -> b.salePrice(Price.of(new BigDecimal("99"), "USD"))
                        .salePriceEffectiveDate("2026-12-01T00:00+00:00/+10000-01-01T00:00+00:00"),
                        "sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, Severity.ERROR),
                rule("sale starting in year 0", b -> b.salePrice(Price.of(new BigDecimal("99"), "USD"))
                        .salePriceEffectiveDate("0000-12-01T00:00+00:00/2026-01-01T00:00+00:00"),
                        "sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, Severity.ERROR),
                rule("sale with an offset Meta does not take", b -> b.salePrice(Price.of(new BigDecimal("99"), "USD"))
                        .salePriceEffectiveDate("2026-12-01T00:00+15:00/2026-12-24T00:00+00:00"),
                        "sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, Severity.ERROR),
                rule("no product category", b -> b.googleProductCategory(null), "google_product_category",
                        IssueCode.MISSING_CATEGORY, Severity.WARNING));
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

    @Test
    void aFacebookCategoryAloneIsEnoughForMeta() {
        assertThat(validator.validate(valid().googleProductCategory(null).fbProductCategory("Tents").build())
                .issues()).isEmpty();
        assertThat(validator.validate(valid().googleProductCategory(" ").build()).warnings())
                .extracting(ValidationIssue::field).containsExactly("google_product_category");
    }

    @Test
    void theCategoryWarningMatchesWhatMetaSaysForTheSameItem() {
        ValidationIssue warning = validator.validate(valid().googleProductCategory(null).build()).warnings().get(0);

        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.message()).startsWith("Missing google_product_category or fb_product_category: the "
                + "product may be harder to find");
    }

    @Test
    void pricesAtTheBoundsAndExactDoublesStillPass() {
        assertThat(validator.validate(valid().price(Price.of(new BigDecimal("999999999999.99"), "USD")).build())
                .issues()).isEmpty();
        assertThat(validator.validate(valid().price(Price.of(new BigDecimal("1850.1234"), "XAU")).build())
                .issues()).isEmpty();
        CatalogItem fromDouble = valid().price(Price.of(new BigDecimal(19.99), "USD")).build();
        ValidationResult r = validator.validate(fromDouble);
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).extracting(ValidationIssue::field).containsExactly("price");
        assertThat(fromDouble.toData()).containsEntry("price", "19.99 USD");
    }

    @Test
    void outOfRangeAmountsAreErrorsThroughTheTransformerAndValidateAllNeverThrows() {
        ProductTransformer transformer = ProductTransformer.of(StoreSettings.builder()
                .storeUrl("https://shop.example").currency("USD").build());
        List<TransformedItem> items = new java.util.ArrayList<>();
        for (String amount : List.of("1E+999999999", "1E+10000000", "-1E+999999999", "1E-999999999")) {
            items.addAll(transformer.transform(Product.builder().productId(amount).sku("SKU-" + amount)
                    .name("Tent").description("Sleeps two").price(new BigDecimal(amount))
                    .compareAtPrice(new BigDecimal("1E+999999998")).imageUrls("/t.jpg").slug("tent").brand("Acme")
                    .googleProductCategory("Tents").build()));
        }

        List<ValidationResult> results = validator.validateAll(items);

        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.isValid()).isFalse();
            assertThat(r.errors()).extracting(ValidationIssue::field).containsAnyOf("price", "sale_price");
            assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(400));
        });
        assertThat(results.get(0).errors()).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("1E+999999999").contains("below 1000000000000"));
    }

    @Test
    void goldWithTrailingZerosIsAcceptedAndSentWithoutThem() {
        CatalogItem gold = valid().price(Price.of(new BigDecimal("1.00000"), "XAU")).build();

        assertThat(validator.validate(gold).issues()).isEmpty();
        assertThat(gold.toData()).containsEntry("price", "1 XAU");
        assertThat(validator.validate(valid().price(Price.of(new BigDecimal("1850.12340000"), "XAU")).build())
                .issues()).isEmpty();
    }

    @Test
    void goldWithManyDecimalsNamesTheRule() {
        ValidationResult r = validator.validate(valid().price(Price.of(new BigDecimal("1850.12345"), "XAU")).build());

        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("price");
            assertThat(e.message()).contains("XAU").contains("at most 4");
        });
    }

    @Test
    void theSurrogateCasesFromTheIssueAreErrorsThatNameTheIdAndAreNotMerged() {
        ProductTransformer transformer = ProductTransformer.of(StoreSettings.builder()
                .storeUrl("https://shop.example").currency("USD").build());
        List<TransformedItem> items = new java.util.ArrayList<>();
        for (String sku : List.of("\uD800", "A\uDC00", "A\uDC01", "A\uD83D\uDE00")) {
            items.addAll(transformer.transform(Product.builder().productId("p-" + sku.length()).sku(sku)
                    .name("Tent").description("Sleeps two").price(new BigDecimal("10")).imageUrls("/t.jpg")
                    .slug("tent").brand("Acme").googleProductCategory("Tents").build()));
        }

        List<ValidationResult> results = validator.validateAll(items);

        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).errors()).extracting(ValidationIssue::field, ValidationIssue::code)
                    .containsExactly(tuple("id", IssueCode.INVALID_UNICODE));
            assertThat(results.get(i).errors().get(0).message()).contains("SKU").contains("not valid Unicode");
        }
        assertThat(results.get(3).isValid()).as("a proper surrogate pair (an emoji) is fine").isTrue();
    }

    @Test
    void aStoreProductIdThatIsNotValidUnicodeIsAnError() {
        TransformedItem t = ProductTransformer.of(StoreSettings.builder().storeUrl("https://shop.example")
                .currency("USD").build()).transform(Product.builder().productId("42\uDBFF").sku("SKU-1")
                .name("Tent").description("Sleeps two").price(new BigDecimal("10")).imageUrls("/t.jpg")
                .slug("tent").brand("Acme").googleProductCategory("Tents").build()).get(0);

        assertThat(validator.validate(t).errors()).extracting(ValidationIssue::field, ValidationIssue::code)
                .containsExactly(tuple("product_id", IssueCode.INVALID_UNICODE));
    }

    /** The store-URL shortcut must give the same issues as parsing every URL (what create() does). */
    @Test
    void urlsOnTheStoreAreJudgedAsIfParsed() {
        String[] stores = {"https://shop.example", "https://shop.example/de", "http://localhost:8080",
            "https://[::1]:8443/a%20b"};
        String[] suffixes = {"", "/", "/p/tent", "/img/a%20b.jpg", "/img/a b.jpg", "/x?y=1", "/x#f", ".evil.com/x",
            ":99/x", "@other.example/x", "/%zz", "/caf\u00e9", "x/y", "//x", "/a:b@c;d=e,f$g+h&i!j*k'(l)~"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (String store : stores) {
            ProductValidator onStore = ProductValidator.of(StoreSettings.builder().storeUrl(store).currency("USD")
                    .build());
            for (int i = 0; i < 400; i++) {
                String url = store + suffixes[r.nextInt(suffixes.length)]
                        + (r.nextBoolean() ? "" : suffixes[r.nextInt(suffixes.length)]);
                CatalogItem item = valid().link(url).imageLink(url).additionalImageLinks(List.of(url)).build();
                assertThat(onStore.validate(item).issues()).as(url)
                        .usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(validator.validate(item).issues());
            }
        }
    }
}
