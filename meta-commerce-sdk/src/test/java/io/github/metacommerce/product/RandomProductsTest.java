package io.github.metacommerce.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.internal.FormEncoding;
import io.github.metacommerce.internal.Json;
import io.github.metacommerce.internal.Text;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 products of hostile data (nulls, empty and huge strings, odd Unicode and unpaired surrogates, negative,
 * enormous and over-precise prices, {@code 1E+999999999}, gold with 34 decimals, GTINs over 70 characters, sales in
 * years 0 and 10000): transform and validate never throw, every item is either valid or carries an ERROR naming a
 * field, and every valid item encodes for the wire without losing a character.
 */
class RandomProductsTest {
    private static final String[] ODD = {"", " ", "\t", "\u0000", "\uFEFF", "\u200B", "😀", "👨‍👩‍👧‍👦", "🇫🇷",
        "\uD800", "\uDC00", "é", "e\u0301", "日本", "<b>", "&amp;", "&#0;", "<script>x</script>", "\n", "/", "%", "?",
        "..", "\u202E", "ﷺ", "\u0301"};

    private final Random random = new Random(20261129L);

    private String text(int maxLength) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        int length = random.nextInt(10) == 0 ? random.nextInt(maxLength * 3 + 1) : random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                b.append(ODD[random.nextInt(ODD.length)]);
            } else if (kind == 1) {
                b.appendCodePoint(random.nextInt(0x10FFFF + 1));
            } else {
                b.append((char) ('a' + random.nextInt(26))).append(random.nextInt(5) == 0 ? " " : "");
            }
        }
        return b.toString();
    }

    private static final String[] HOSTILE_AMOUNTS = {"1E+999999999", "1E+10000000", "-1E+999999999",
        "1E-999999999", "1850.1234567890123456789012345678901234", "999999999999.995", "1E+12", "0.0001",
        "1E-2147483647", "-0"};

    private BigDecimal price() {
        switch (random.nextInt(9)) {
            case 0: return null;
            case 1: return BigDecimal.ZERO;
            case 2: return new BigDecimal(random.nextInt(100_000) - 50_000).movePointLeft(random.nextInt(6));
            case 3: return new BigDecimal("1e" + random.nextInt(40));
            case 4: return new BigDecimal("-1e-" + random.nextInt(30));
            case 5: return new BigDecimal(HOSTILE_AMOUNTS[random.nextInt(HOSTILE_AMOUNTS.length)]);
            case 6: return new BigDecimal(random.nextDouble() * 1000);
            default: return new BigDecimal(random.nextInt(100_000)).movePointLeft(2);
        }
    }

    private String currency() {
        switch (random.nextInt(8)) {
            case 0: return text(4);
            case 1: return "XAU";
            case 2: return random.nextBoolean() ? "XDR" : "JPY";
            default: return null;
        }
    }

    private String gtin() {
        return random.nextInt(6) == 0 ? "4".repeat(60 + random.nextInt(40)) : text(16);
    }

    private SalePeriod salePeriod() {
        if (random.nextBoolean()) {
            return null;
        }
        int[] years = {2026, 2026, 9999, 10000, 0, -5, 1};
        int year = years[random.nextInt(years.length)];
        OffsetDateTime t = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(random.nextInt(37) - 18));
        return new SalePeriod(t, t.plusDays(random.nextInt(20) - 10).plusYears(random.nextInt(3) == 0 ? 8000 : 0));
    }

    private Product product(boolean withVariants) {
        List<String> images = new ArrayList<>();
        for (int i = random.nextInt(30); i > 0; i--) {
            images.add(random.nextBoolean() ? "https://cdn.example/" + text(20) : text(40));
        }
        List<String> labels = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            labels.add(text(120));
        }
        Product.Builder b = Product.builder()
                .productId(text(20)).sku(text(120)).name(text(300)).description(text(6000))
                .price(price()).compareAtPrice(price())
                .currency(currency())
                .stockQuantity(random.nextBoolean() ? null : random.nextInt() % 1000)
                .backorderPolicy(random.nextBoolean() ? BackorderPolicy.ALLOW : null)
                .imageUrls(images).slug(text(80)).productUrl(random.nextInt(5) == 0 ? text(80) : null)
                .brand(text(150)).condition(text(12)).gtin(gtin()).mpn(text(120))
                .status(ProductStatus.values()[random.nextInt(3)])
                .groupId(text(120)).color(text(120)).size(text(220)).gender(text(10)).ageGroup(text(10))
                .material(text(220)).pattern(text(120)).googleProductCategory(text(300))
                .productType(text(800)).customLabels(labels)
                .salePeriod(salePeriod()).fbProductCategory(random.nextInt(3) == 0 ? text(20) : null)
                .extraAttribute(text(10), text(20))
                .translation(random.nextBoolean() ? Locale.FRENCH : Locale.JAPANESE,
                        ProductTranslation.of(text(300), text(500)).withSlug(text(50)));
        if (withVariants) {
            List<Product> variants = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                variants.add(random.nextInt(10) == 0 ? null : product(false));
            }
            b.variants(variants);
        }
        return b.build();
    }

    @Test
    void transformAndValidateNeverThrowAndEveryInvalidItemNamesAField() {
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("USD")
                .outOfStockPolicy(OutOfStockPolicy.values()[1]).build();
        ProductTransformer transformer = ProductTransformer.of(settings);
        ProductValidator validator = ProductValidator.of(settings);
        int items = 0;
        int valid = 0;
        int invalid = 0;
        List<TransformedItem> batch = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            List<TransformedItem> transformed = transformer.transform(product(random.nextInt(5) == 0));
            for (TransformedItem t : transformed) {
                items++;
                ValidationResult r = validator.validate(t);
                if (!Text.isValidUnicode(t.retailerId()) || !Text.isValidUnicode(t.productId())) {
                    assertThat(r.errors()).extracting(ValidationIssue::code).contains(IssueCode.INVALID_UNICODE);
                }
                if (r.isValid()) {
                    valid++;
                    // What a sync would send must encode exactly: no '?' in place of a broken character.
                    String form;
                    if (t.action() == ItemAction.UPSERT) {
                        Map<String, Object> data = t.item().orElseThrow().toData();
                        assertThat(data).containsKeys("id", "title", "description",
                                "availability", "condition", "price", "link", "image_link");
                        assertThat(data.get("price").toString()).matches("[0-9]{1,12}(\\.[0-9]{1,4})? [A-Z]{3}");
                        List<Object> localized = new ArrayList<>();
                        t.localizedItems().forEach(l -> localized.add(l.toData()));
                        form = FormEncoding.encode(Map.of("requests", Json.write(List.of(data)),
                                "localized", Json.write(localized)));
                    } else {
                        form = FormEncoding.encode(Map.of("id", t.retailerId()));
                    }
                    assertThat(form).isNotEmpty();
                } else {
                    invalid++;
                    assertThat(r.errors()).allSatisfy(e -> {
                        assertThat(e.field()).isNotBlank();
                        assertThat(e.message()).isNotBlank();
                    });
                }
                batch.add(t);
            }
        }
        List<ValidationResult> all = validator.validateAll(batch);

        assertThat(all).hasSize(items);
        assertThat(valid + invalid).isEqualTo(items);
        assertThat(items).isGreaterThanOrEqualTo(10_000);
        assertThat(invalid).as("hostile data produces errors").isPositive();
    }
}
