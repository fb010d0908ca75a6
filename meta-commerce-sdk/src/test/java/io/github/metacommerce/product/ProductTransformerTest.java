package io.github.metacommerce.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.catalog.AgeGroup;
import io.github.metacommerce.catalog.Availability;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.Gender;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.catalog.Visibility;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductTransformerTest {
    private static final StoreSettings USD = StoreSettings.builder().storeUrl("https://shop.example/").currency("USD")
            .build();
    private final ProductTransformer transformer = ProductTransformer.of(USD);

    private static Product.Builder tent() {
        return Product.builder().productId("42").sku("TENT-2P").name("Trail Tent")
                .description("<p>Sleeps <b>two</b> &amp; packs small.</p>").price(new BigDecimal("179.00"))
                .imageUrls("/img/tent.jpg", "https://cdn.example/tent-2.jpg").slug("trail-tent").brand("Acme");
    }

    private CatalogItem only(Product p) {
        List<TransformedItem> items = transformer.transform(p);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).action()).isEqualTo(ItemAction.UPSERT);
        return items.get(0).item().orElseThrow();
    }

    private static CatalogItem only(ProductTransformer t, Product p) {
        return t.transform(p).get(0).item().orElseThrow();
    }

    @Test
    void mapsACompleteProductToMetasFields() {
        Map<String, Object> data = only(tent().stockQuantity(7).gtin("0-12345-67890-5").build()).toData();

        assertThat(data).containsEntry("id", "TENT-2P")
                .containsEntry("title", "Trail Tent")
                .containsEntry("description", "Sleeps two & packs small.")
                .containsEntry("rich_text_description", "<p>Sleeps <b>two</b> &amp; packs small.</p>")
                .containsEntry("availability", "in stock")
                .containsEntry("condition", "new")
                .containsEntry("price", "179.00 USD")
                .containsEntry("link", "https://shop.example/products/trail-tent")
                .containsEntry("image_link", "https://shop.example/img/tent.jpg")
                .containsEntry("additional_image_link", List.of("https://cdn.example/tent-2.jpg"))
                .containsEntry("brand", "Acme")
                .containsEntry("gtin", "012345678905")
                .containsEntry("quantity_to_sell_on_facebook", 7)
                .containsEntry("visibility", "published")
                .doesNotContainKeys("sale_price", "inventory", "item_group_id", "gender");
    }

    @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
    @CsvSource(textBlock = """
            19.99,   , USD, 19.99 USD,
            19.999,  , USD, 20.00 USD,
            19.994,  , USD, 19.99 USD,
            1500,    , JPY, 1500 JPY,
            1499.5,  , JPY, 1500 JPY,
            2.5,     , KWD, 2.500 KWD,
            2.0005,  , KWD, 2.001 KWD,
            80.00, 100.00, USD, 100.00 USD, 80.00 USD
            100.00, 100.00, USD, 100.00 USD,
            120.00, 100.00, USD, 120.00 USD,
            1200, 1500, JPY, 1500 JPY, 1200 JPY
            """)
    void formatsPricesWithTheCurrencysDigitsAndMapsCompareAtToSalePrice(
            String price, String compareAt, String currency, String expectedPrice, String expectedSale) {
        ProductTransformer t = ProductTransformer.of(USD.toBuilder().currency(currency).build());
        Product p = tent().price(new BigDecimal(price))
                .compareAtPrice(compareAt == null ? null : new BigDecimal(compareAt)).build();

        Map<String, Object> data = only(t, p).toData();

        assertThat(data.get("price")).isEqualTo(expectedPrice);
        assertThat(data.get("sale_price")).isEqualTo(expectedSale);
    }

    @Test
    void aSalePeriodBecomesTheEffectiveDate() {
        Product p = tent().price(new BigDecimal("80")).compareAtPrice(new BigDecimal("100"))
                .salePeriod(new SalePeriod(OffsetDateTime.parse("2026-12-01T00:00:00Z"),
                        OffsetDateTime.parse("2026-12-24T23:59:00+01:00"))).build();

        assertThat(only(p).toData()).containsEntry("sale_price_effective_date",
                "2026-12-01T00:00+00:00/2026-12-24T23:59+01:00");
    }

    @Test
    void aSalePeriodWithoutAHigherCompareAtPriceIsNotSent() {
        Product p = tent().salePeriod(new SalePeriod(OffsetDateTime.parse("2026-12-01T00:00:00Z"),
                OffsetDateTime.parse("2026-12-24T00:00:00Z"))).build();

        assertThat(only(p).toData()).doesNotContainKeys("sale_price", "sale_price_effective_date");
    }

    @Test
    void aProductCurrencyOverridesTheStores() {
        assertThat(only(tent().currency("eur").build()).toData()).containsEntry("price", "179.00 EUR");
    }

    @ParameterizedTest(name = "stock {0}, backorders {1} -> {2}")
    @CsvSource(textBlock = """
            ,   DENY,  in stock,            ,
            5,  DENY,  in stock,            5
            0,  DENY,  out of stock,        0
            -3, DENY,  out of stock,        0
            0,  ALLOW, available for order, 0
            -2, ALLOW, available for order, 0
            """)
    void derivesAvailabilityAndQuantityFromStock(Integer stock, BackorderPolicy backorders, String availability,
            Integer quantity) {
        Map<String, Object> data = only(tent().stockQuantity(stock).backorderPolicy(backorders).build()).toData();

        assertThat(data.get("availability")).isEqualTo(availability);
        assertThat(data.get("quantity_to_sell_on_facebook")).isEqualTo(quantity);
    }

    @Test
    void outOfStockPolicyKeepsHidesOrDeletes() {
        Product soldOut = tent().stockQuantity(0).build();

        CatalogItem kept = only(ProductTransformer.of(USD.toBuilder().outOfStockPolicy(OutOfStockPolicy.KEEP_VISIBLE)
                .build()), soldOut);
        CatalogItem hidden = only(ProductTransformer.of(USD.toBuilder().outOfStockPolicy(OutOfStockPolicy.HIDE)
                .build()), soldOut);
        List<TransformedItem> deleted = ProductTransformer.of(USD.toBuilder()
                .outOfStockPolicy(OutOfStockPolicy.DELETE).build()).transform(soldOut);

        assertThat(kept.availability()).contains(Availability.OUT_OF_STOCK);
        assertThat(kept.visibility()).contains(Visibility.PUBLISHED);
        assertThat(hidden.availability()).contains(Availability.OUT_OF_STOCK);
        assertThat(hidden.toData()).containsEntry("visibility", "staging");
        assertThat(deleted).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo(ItemAction.DELETE);
            assertThat(t.retailerId()).isEqualTo("TENT-2P");
            assertThat(t.item()).isEmpty();
        });
    }

    @Test
    void backorderableProductsAreNeverDeletedByTheOutOfStockPolicy() {
        ProductTransformer deleting = ProductTransformer.of(USD.toBuilder().outOfStockPolicy(OutOfStockPolicy.DELETE)
                .build());

        List<TransformedItem> items = deleting.transform(tent().stockQuantity(0)
                .backorderPolicy(BackorderPolicy.ALLOW).build());

        assertThat(items.get(0).action()).isEqualTo(ItemAction.UPSERT);
    }

    @ParameterizedTest
    @CsvSource({"DRAFT", "ARCHIVED"})
    void draftAndArchivedProductsBecomeDeletes(ProductStatus status) {
        assertThat(transformer.transform(tent().status(status).build())).singleElement()
                .satisfies(t -> assertThat(t.action()).isEqualTo(ItemAction.DELETE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Trail Tent                                 | Trail Tent
            Tom &amp; Jerry <b>Deluxe</b>             | Tom & Jerry Deluxe
            Multi\\nline   title                       | Multi line title
            """)
    void titlesArePlainSingleLineText(String name, String expected) {
        assertThat(only(tent().name(name.replace("\\n", "\n")).build()).title()).contains(expected);
    }

    @Test
    void longTitlesAreCutOnAGraphemeBoundaryWithANote() {
        String name = "Ultralight backpacking tent " + "👨‍👩‍👧‍👦".repeat(40);
        List<TransformedItem> items = ProductTransformer.of(USD.toBuilder().titleLimit(40).build())
                .transform(tent().name(name).build());

        String title = items.get(0).item().orElseThrow().title().orElseThrow();
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(40);
        assertThat(title).startsWith("Ultralight backpacking tent").endsWith("…");
        assertThat(title.replace("…", "").replace("Ultralight backpacking tent", "").strip().length() % 11)
                .as("only whole family emoji (11 UTF-16 units each)").isZero();
        assertThat(items.get(0).notes()).extracting(ValidationIssue::field, ValidationIssue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", IssueCode.TRUNCATED));
    }

    @Test
    void descriptionsArePlainTextCutToTheLimitAndRichTextKeepsTheHtml() {
        String html = "<p>" + "Waterproof and light. ".repeat(20) + "</p><script>track()</script>";
        CatalogItem item = only(ProductTransformer.of(USD.toBuilder().descriptionLimit(100).build()),
                tent().description(html).build());

        assertThat(item.description().orElseThrow()).startsWith("Waterproof and light.").endsWith("…")
                .hasSizeLessThanOrEqualTo(100);
        assertThat(item.richTextDescription().orElseThrow()).startsWith("<p>Waterproof").doesNotContain("script");
    }

    @Test
    void plainDescriptionsHaveNoRichText() {
        assertThat(only(tent().description("Just text").build()).richTextDescription()).isEmpty();
    }

    @Test
    void aMissingDescriptionFallsBackToTheTitleWithAWarning() {
        List<TransformedItem> items = transformer.transform(tent().description("  ").build());

        assertThat(items.get(0).item().orElseThrow().description()).contains("Trail Tent");
        assertThat(items.get(0).notes()).extracting(ValidationIssue::field).containsExactly("description");
    }

    @Test
    void tooLongRichTextIsDroppedWithANote() {
        String html = "<p>" + "x".repeat(10_000) + "</p>";
        List<TransformedItem> items = transformer.transform(tent().description(html).build());

        assertThat(items.get(0).item().orElseThrow().richTextDescription()).isEmpty();
        assertThat(items.get(0).notes()).extracting(ValidationIssue::code).contains(IssueCode.DROPPED);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            trail-tent                 |                                   | https://shop.example/products/trail-tent
            zelte/großes zelt & mehr   |                                   | https://shop.example/products/zelte/gro%C3%9Fes%20zelt%20%26%20mehr
            /leading-slash             |                                   | https://shop.example/products/leading-slash
            ignored                    | https://other.example/p/1         | https://other.example/p/1
            ignored                    | /custom/page                      | https://shop.example/custom/page
            """)
    void buildsTheLinkFromTheSlugOrTheExplicitUrl(String slug, String url, String expected) {
        assertThat(only(tent().slug(slug).productUrl(url).build()).link()).contains(expected);
    }

    @Test
    void usesTheStoresPathTemplate() {
        ProductTransformer t = ProductTransformer.of(USD.toBuilder().productPathTemplate("/shop/{slug}.html").build());

        assertThat(only(t, tent().build()).link()).contains("https://shop.example/shop/trail-tent.html");
    }

    @Test
    void resolvesDeduplicatesAndCapsImages() {
        List<String> urls = new java.util.ArrayList<>();
        urls.add("img/a.jpg");
        urls.add("//cdn.example/b.jpg");
        urls.add("img/a.jpg");
        urls.add(" ");
        urls.add(null);
        for (int i = 0; i < 30; i++) {
            urls.add("/img/extra-" + i + ".jpg");
        }
        List<TransformedItem> items = transformer.transform(tent().imageUrls(urls).build());
        CatalogItem item = items.get(0).item().orElseThrow();

        assertThat(item.imageLink()).contains("https://shop.example/img/a.jpg");
        assertThat(item.additionalImageLinks()).hasSize(20).first().isEqualTo("https://cdn.example/b.jpg");
        assertThat(items.get(0).notes()).extracting(ValidationIssue::code).containsExactly(IssueCode.TOO_MANY_IMAGES);
    }

    @Test
    void brandFallsBackToTheDefaultThenTheStoreHost() {
        assertThat(only(tent().brand(null).build()).brand()).contains("shop.example");
        ProductTransformer branded = ProductTransformer.of(USD.toBuilder().defaultBrand("Acme Outdoor").build());
        assertThat(only(branded, tent().brand(" ").build()).brand()).contains("Acme Outdoor");
        ProductTransformer www = ProductTransformer.of(USD.toBuilder().storeUrl("https://www.acme.example").build());
        assertThat(only(www, tent().brand(null).build()).brand()).contains("acme.example");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            ,             new,         0
            new,          new,         0
            Used,         used,        0
            pre-owned,    used,        0
            Refurbished,  refurbished, 0
            mint,         new,         1
            """)
    void mapsTheConditionLeniently(String raw, String expected, int notes) {
        List<TransformedItem> items = transformer.transform(tent().condition(raw).build());

        assertThat(items.get(0).item().orElseThrow().condition()).contains(Condition.fromMetaValue(expected)
                .orElseThrow());
        assertThat(items.get(0).notes()).hasSize(notes);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}/{3}")
    @CsvSource(textBlock = """
            Women,  Adult,    FEMALE, ADULT
            men,    kids,     MALE,   KIDS
            unisex, all ages, UNISEX, ALL_AGES
            F,      baby,     FEMALE, INFANT
            """)
    void mapsGenderAndAgeGroup(String gender, String age, Gender g, AgeGroup a) {
        CatalogItem item = only(tent().gender(gender).ageGroup(age).build());

        assertThat(item.gender()).contains(g);
        assertThat(item.ageGroup()).contains(a);
    }

    @Test
    void unknownGenderIsDroppedWithAWarning() {
        List<TransformedItem> items = transformer.transform(tent().gender("martian").build());

        assertThat(items.get(0).item().orElseThrow().gender()).isEmpty();
        assertThat(items.get(0).notes()).extracting(ValidationIssue::field).containsExactly("gender");
    }

    @Test
    void variantsAreSentInsteadOfTheParentWithItsGroupIdAndInheritedData() {
        Product shirt = Product.builder().productId("100").sku("SHIRT").name("Linen Shirt")
                .description("Breathable linen").price(new BigDecimal("49.00"))
                .compareAtPrice(new BigDecimal("59.00")).imageUrls("/img/shirt.jpg").slug("linen-shirt")
                .brand("Acme").material("linen").gender("men").extraAttribute("Fit", "Regular")
                .variants(List.of(
                        Product.builder().productId("101").sku("SHIRT-S-BLUE").size("S").color("Blue")
                                .stockQuantity(3).imageUrls("/img/shirt-blue.jpg").build(),
                        Product.builder().productId("102").sku("SHIRT-M-BLUE").size("M").color("Blue")
                                .price(new BigDecimal("52.00")).stockQuantity(0).build()))
                .build();

        List<TransformedItem> items = transformer.transform(shirt);

        assertThat(items).extracting(TransformedItem::retailerId).containsExactly("SHIRT-S-BLUE", "SHIRT-M-BLUE");
        assertThat(items).extracting(TransformedItem::productId).containsExactly("101", "102");
        CatalogItem small = items.get(0).item().orElseThrow();
        CatalogItem medium = items.get(1).item().orElseThrow();
        assertThat(small.itemGroupId()).contains("SHIRT");
        assertThat(medium.itemGroupId()).contains("SHIRT");
        assertThat(small.title()).contains("Linen Shirt");
        assertThat(small.material()).contains("linen");
        assertThat(medium.material()).contains("linen");
        assertThat(medium.gender()).contains(Gender.MALE);
        assertThat(small.toData()).containsEntry("additional_variant_attribute", "Fit:Regular")
                .containsEntry("price", "59.00 USD").containsEntry("sale_price", "49.00 USD")
                .containsEntry("image_link", "https://shop.example/img/shirt-blue.jpg");
        assertThat(small.additionalImageLinks()).containsExactly("https://shop.example/img/shirt.jpg");
        assertThat(medium.toData()).containsEntry("price", "52.00 USD").doesNotContainKey("sale_price")
                .containsEntry("availability", "out of stock");
        assertThat(medium.link()).contains("https://shop.example/products/linen-shirt");
    }

    @Test
    void anInactiveParentTurnsEveryVariantIntoADelete() {
        Product p = tent().status(ProductStatus.ARCHIVED)
                .variants(List.of(Product.builder().sku("A").build(), Product.builder().sku("B").build())).build();

        assertThat(transformer.transform(p)).extracting(TransformedItem::action)
                .containsExactly(ItemAction.DELETE, ItemAction.DELETE);
    }

    @Test
    void variantsCannotHaveVariants() {
        Product nested = Product.builder().sku("V").variants(List.of(Product.builder().sku("VV").build())).build();

        assertThatThrownBy(() -> Product.builder().variants(List.of(nested)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variants of their own");
    }

    @Test
    void translationsBecomeLanguageOverrides() {
        Product p = tent()
                .translation(Locale.FRENCH, ProductTranslation.of("Tente de randonnée", "<p>Pour <b>deux</b></p>")
                        .withSlug("tente-randonnee"))
                .translation(Locale.GERMAN, ProductTranslation.of("Wanderzelt", null)
                        .withProductUrl("https://shop.example/de/zelt"))
                .translation(Locale.ENGLISH, ProductTranslation.of("Ignored", null))
                .build();

        List<LocalizedItem> localized = transformer.transform(p).get(0).localizedItems();

        assertThat(localized).hasSize(2);
        LocalizedItem fr = localized.get(0);
        assertThat(fr.languageValue()).isEqualTo("fr_XX");
        assertThat(fr.toData()).containsEntry("id", "TENT-2P").containsEntry("title", "Tente de randonnée")
                .containsEntry("description", "Pour deux")
                .containsEntry("rich_text_description", "<p>Pour <b>deux</b></p>")
                .containsEntry("link", "https://shop.example/products/tente-randonnee");
        assertThat(localized.get(1).toData()).containsEntry("link", "https://shop.example/de/zelt")
                .doesNotContainKey("description");
    }

    @Test
    void twoTranslationsForOneMetaLanguageSendOneAndWarnAboutTheOther() {
        Product regional = tent()
                .translation(Locale.CANADA_FRENCH, ProductTranslation.of("Tente (Québec)", null))
                .translation(Locale.FRENCH, ProductTranslation.of("Tente", null))
                .translation(Locale.GERMAN, ProductTranslation.of("Zelt", null))
                .build();

        TransformedItem item = transformer.transform(regional).get(0);

        assertThat(item.localizedItems()).extracting(LocalizedItem::languageValue).containsExactly("fr_XX", "de_XX");
        assertThat(item.localizedItems().get(0).toData()).as("the bare language wins over a regional one")
                .containsEntry("title", "Tente");
        assertThat(item.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo(IssueCode.DROPPED);
            assertThat(n.field()).isEqualTo("translations");
            assertThat(n.message()).contains("fr-CA").contains("fr_XX").contains("the fr one is sent");
        });

        Product twoRegions = tent()
                .translation(Locale.CANADA_FRENCH, ProductTranslation.of("Tente (Québec)", null))
                .translation(Locale.forLanguageTag("fr-BE"), ProductTranslation.of("Tente (Belgique)", null))
                .build();
        TransformedItem first = transformer.transform(twoRegions).get(0);
        assertThat(first.localizedItems()).singleElement().satisfies(l -> assertThat(l.toData())
                .as("without the bare language the first in the product's order wins")
                .containsEntry("title", "Tente (Québec)"));
        assertThat(first.notes()).extracting(ValidationIssue::message)
                .singleElement().asString().contains("fr-BE").contains("the fr-CA one is sent");
    }

    @Test
    void aProductWithoutSkuStillTransformsAndIsCaughtByTheValidator() {
        List<TransformedItem> items = transformer.transform(tent().sku(null).build());

        assertThat(items.get(0).retailerId()).isEmpty();
        assertThat(ProductValidator.of(USD).validate(items.get(0)).errors())
                .extracting(ValidationIssue::field).contains("id");
    }

    @Test
    void settingsNameTheBadOption() {
        assertThatThrownBy(() -> StoreSettings.builder().storeUrl("http://shop.example").currency("USD").build())
                .hasMessageContaining("storeUrl must be an absolute https URL");
        assertThatThrownBy(() -> StoreSettings.builder().storeUrl("https://shop.example").currency("XYZ"))
                .hasMessageContaining("currency must be an ISO 4217 code");
        assertThatThrownBy(() -> StoreSettings.builder().storeUrl("https://shop.example").build())
                .hasMessageContaining("currency is required");
        assertThatThrownBy(() -> USD.toBuilder().productPathTemplate("/p/").build())
                .hasMessageContaining("{slug}");
        assertThatThrownBy(() -> USD.toBuilder().titleLimit(500).build()).hasMessageContaining("titleLimit");
        assertThat(StoreSettings.builder().storeUrl("http://localhost:8080").currency("USD").build().storeUrl())
                .hasToString("http://localhost:8080");
    }

    @Test
    void brokenCharactersInTextAreReplacedOnPurposeWithAWarningNamingTheField() {
        Product p = tent().name("Trail \uD83C Tent").description("<p>Sleeps \uDC00two</p>").brand("Ac\uDBFFme")
                .color("Red\uD800").customLabels("summer\uDFFF").googleProductCategory("Tents\uD800")
                .extraAttribute("Scent\uD800", "Pine")
                .translation(Locale.FRENCH, ProductTranslation.of("Tente \uDC00", null)).build();

        TransformedItem t = transformer.transform(p).get(0);
        Map<String, Object> data = t.item().orElseThrow().toData();

        assertThat(data).containsEntry("title", "Trail \uFFFD Tent").containsEntry("description", "Sleeps \uFFFDtwo")
                .containsEntry("rich_text_description", "<p>Sleeps \uFFFDtwo</p>").containsEntry("brand", "Ac\uFFFDme")
                .containsEntry("color", "Red\uFFFD").containsEntry("custom_label_0", "summer\uFFFD")
                .containsEntry("google_product_category", "Tents\uFFFD")
                .containsEntry("additional_variant_attribute", "Scent\uFFFD:Pine");
        assertThat(t.localizedItems().get(0).title()).contains("Tente \uFFFD");
        assertThat(t.notes()).extracting(ValidationIssue::field).containsExactlyInAnyOrder("title", "description",
                "brand", "color", "additional_variant_attribute", "google_product_category", "custom_label_0",
                "title");
        assertThat(t.notes()).allSatisfy(n -> {
            assertThat(n.code()).isEqualTo(IssueCode.INVALID_UNICODE);
            assertThat(n.severity()).isEqualTo(Severity.WARNING);
            assertThat(n.message()).contains("U+FFFD");
        });
        assertThat(t.notes()).extracting(ValidationIssue::message).anySatisfy(m -> assertThat(m).contains("French"));
        assertThat(ProductValidator.of(USD).validate(t).isValid()).isTrue();
    }

    @Test
    void ninetyTitlesKeepEveryOtherCharacter() {
        for (int i = 0; i < 90; i++) {
            String name = "Tent " + i + " \uD83C\uDFD5\uFE0F " + (char) (0xD800 + i) + " deluxe";
            CatalogItem item = only(tent().name(name).build());

            assertThat(item.title()).contains("Tent " + i + " \uD83C\uDFD5\uFE0F \uFFFD deluxe");
        }
    }

    @Test
    void idsAreNeverCleanedSoTheValidatorRejectsThem() {
        Product p = tent().sku("A\uDC00").groupId("G\uD800").gtin("40063813339\uDC00").mpn("M\uD800").build();

        TransformedItem t = transformer.transform(p).get(0);

        assertThat(t.retailerId()).isEqualTo("A\uDC00");
        assertThat(t.item().orElseThrow().itemGroupId()).contains("G\uD800");
        assertThat(ProductValidator.of(USD).validate(t).errors()).extracting(ValidationIssue::field)
                .containsExactlyInAnyOrder("id", "item_group_id", "gtin", "mpn");
    }

    @Test
    void aSlugThatIsNotValidUnicodeNeverBecomesAQuestionMark() {
        Product p = tent().slug("tent-\uD800-deluxe")
                .translation(Locale.FRENCH, ProductTranslation.of("Tente", null).withSlug("tente-\uDC00")).build();

        TransformedItem t = transformer.transform(p).get(0);

        assertThat(t.item().orElseThrow().link()).contains("https://shop.example/products/tent-\uD800-deluxe");
        assertThat(ProductTransformer.encodePath("caf\u00E9/\uD83D\uDE00")).isEqualTo("caf%C3%A9/%F0%9F%98%80");
        assertThat(ProductValidator.of(USD).validate(t).errors())
                .extracting(ValidationIssue::field, ValidationIssue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("link", IssueCode.INVALID_UNICODE),
                        org.assertj.core.groups.Tuple.tuple("link", IssueCode.INVALID_UNICODE));
    }

    @Test
    void aSaleEndingInYear10000IsSentAsItIsAndRejectedByTheValidator() {
        Product p = tent().price(new BigDecimal("80")).compareAtPrice(new BigDecimal("100"))
                .salePeriod(new SalePeriod(OffsetDateTime.parse("2026-12-01T00:00:00Z"),
                        OffsetDateTime.parse("+10000-01-01T00:00:00Z"))).googleProductCategory("Tents").build();

        TransformedItem t = transformer.transform(p).get(0);

        assertThat(t.item().orElseThrow().toData()).containsEntry("sale_price_effective_date",
                "2026-12-01T00:00+00:00/+10000-01-01T00:00+00:00");
        assertThat(ProductValidator.of(USD).validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("sale_price_effective_date");
            assertThat(e.message()).contains("10000");
        });
    }

    @Test
    void aSaleBeforeYearOneIsNotShownAsAnotherYear() {
        Product p = tent().price(new BigDecimal("80")).compareAtPrice(new BigDecimal("100"))
                .salePeriod(new SalePeriod(OffsetDateTime.parse("0000-12-01T00:00:00Z"),
                        OffsetDateTime.parse("2026-01-01T00:00:00Z"))).build();

        TransformedItem t = transformer.transform(p).get(0);

        assertThat(t.item().orElseThrow().salePriceEffectiveDate()).contains("0000-12-01T00:00+00:00/"
                + "2026-01-01T00:00+00:00");
        assertThat(ProductValidator.of(USD).validate(t).errors()).extracting(ValidationIssue::field)
                .containsExactly("sale_price_effective_date");
    }

    @Test
    void anOffsetMetaDoesNotTakeBecomesUtcAtTheSameInstant() {
        Product p = tent().price(new BigDecimal("80")).compareAtPrice(new BigDecimal("100"))
                .salePeriod(new SalePeriod(OffsetDateTime.parse("2026-12-01T10:00:00+18:00"),
                        OffsetDateTime.parse("2026-12-24T00:00:00-12:00"))).build();

        assertThat(only(p).salePriceEffectiveDate()).contains("2026-11-30T16:00+00:00/2026-12-24T00:00-12:00");
    }

    @Test
    void hugeAmountsTransformWithoutThrowing() {
        for (String amount : List.of("1E+999999999", "1E+10000000", "-1E+999999999", "1E-999999999")) {
            TransformedItem t = transformer.transform(tent().price(new BigDecimal(amount))
                    .compareAtPrice(new BigDecimal("1E+999999998")).build()).get(0);

            assertThat(t.item().orElseThrow().price()).isPresent();
            assertThat(ProductValidator.of(USD).validate(t).isValid()).as(amount).isFalse();
        }
    }
}
