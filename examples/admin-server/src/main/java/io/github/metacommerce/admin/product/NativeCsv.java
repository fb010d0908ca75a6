package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admin server's own product CSV: one row per product or variant, with the column names of
 * {@link Product.Builder}'s methods (matched without regard to case).
 *
 * <pre>
 * productId,parentId,sku,name,price,compareAtPrice,color,size,imageUrls,name:de,attribute:Scent
 * tee,,,Tee,19.00,,,,https://cdn.example/tee.jpg,T-Shirt,
 * tee-s,tee,TEE-S,,,,Red,S,https://cdn.example/tee-red.jpg,,
 * </pre>
 *
 * <h2>Columns</h2>
 * <ul>
 *   <li>{@code productId} (required), {@code sku}, {@code name}, {@code description} (HTML allowed),
 *       {@code currency}, {@code slug}, {@code productUrl}, {@code brand}, {@code condition}, {@code gtin},
 *       {@code mpn}, {@code groupId}, {@code color}, {@code size}, {@code gender}, {@code ageGroup},
 *       {@code material}, {@code pattern}, {@code googleProductCategory}, {@code fbProductCategory},
 *       {@code productType}: text, as the builder takes it;</li>
 *   <li>{@code price}, {@code compareAtPrice}: amounts such as {@code 19.99}; {@code stockQuantity}: a whole
 *       number, blank when not tracked;</li>
 *   <li>{@code backorderPolicy}: {@code deny} or {@code allow}; {@code status}: {@code active}, {@code draft} or
 *       {@code archived} (blank: active);</li>
 *   <li>{@code imageUrls}, {@code customLabels}: lists separated by {@code |} (URLs may contain commas);</li>
 *   <li>{@code saleStart}, {@code saleEnd}: the sale period, ISO 8601 with an offset, or a date or local
 *       date-time in the store's zone; both or neither;</li>
 *   <li>{@code attribute:<label>}: a further variant attribute, such as {@code attribute:Scent};</li>
 *   <li>{@code name:<language>}, {@code description:<language>}, {@code slug:<language>},
 *       {@code productUrl:<language>}: a translation, the language as a BCP 47 tag ({@code de}, {@code fr-CA});</li>
 *   <li>{@code parentId}: on a variant row, the productId of its product. Variant rows follow their product's row
 *       directly (so only one product is held while reading) and inherit what they leave blank.</li>
 * </ul>
 * Columns with other names are ignored.
 */
final class NativeCsv implements CsvFormatReader {
    private final ImportSink sink;
    private final ZoneId zone;
    private Product.Builder open;
    private String openId;
    private long openLine;
    private final List<Product> variants = new ArrayList<>();

    NativeCsv(ImportSink sink, ZoneId zone) {
        this.sink = sink;
        this.zone = zone;
    }

    @Override
    public void accept(Row row) {
        String parentId = row.get("parentId");
        String productId = row.get("productId");
        if (parentId.isEmpty()) {
            emit();
        } else if (open == null || !parentId.equals(openId)) {
            sink.problem(row.line(), row.column("parentId"), "a variant row must follow the row of its product "
                    + Values.quote(parentId) + " (or its other variants)");
            return;
        }
        if (productId.isEmpty()) {
            sink.problem(row.line(), row.column("productId"), "the row has no productId");
            return;
        }
        Product.Builder b = product(row);
        if (!row.ok()) {
            sink.problems(row.problems());
            return;
        }
        if (parentId.isEmpty()) {
            open = b;
            openId = productId;
            openLine = row.line();
        } else {
            variants.add(b.build());
        }
    }

    @Override
    public void finish() {
        emit();
    }

    private void emit() {
        if (open != null) {
            sink.product(openLine, open.variants(new ArrayList<>(variants)).build());
        }
        open = null;
        openId = null;
        variants.clear();
    }

    private Product.Builder product(Row row) {
        Product.Builder b = Product.builder()
                .productId(row.get("productId")).sku(row.get("sku")).name(row.get("name"))
                .description(row.raw("description").strip())
                .price(row.price("price")).compareAtPrice(row.price("compareAtPrice"))
                .currency(row.text("currency"))
                .stockQuantity(row.wholeNumber("stockQuantity"))
                .imageUrls(Values.barList(row.get("imageUrls")))
                .slug(row.text("slug")).productUrl(row.text("productUrl")).brand(row.text("brand"))
                .condition(row.text("condition")).gtin(row.text("gtin")).mpn(row.text("mpn"))
                .groupId(row.text("groupId")).color(row.text("color")).size(row.text("size"))
                .gender(row.text("gender")).ageGroup(row.text("ageGroup")).material(row.text("material"))
                .pattern(row.text("pattern")).googleProductCategory(row.text("googleProductCategory"))
                .fbProductCategory(row.text("fbProductCategory")).productType(row.text("productType"))
                .customLabels(Values.barList(row.get("customLabels")));
        b.backorderPolicy(row.parse(NativeValues::backorderPolicy, "backorderPolicy"));
        b.status(row.parse(NativeValues::status, "status"));
        OffsetDateTime start = row.parse(v -> Values.dateTime(v, zone, false), "saleStart");
        OffsetDateTime end = row.parse(v -> Values.dateTime(v, zone, true), "saleEnd");
        if (start != null && end != null) {
            b.salePeriod(new SalePeriod(start, end));
        } else if (start != null || end != null) {
            row.problem(row.column(start == null ? "saleStart" : "saleEnd"), "a sale period needs both saleStart "
                    + "and saleEnd");
        }
        for (String column : row.header().names()) {
            String c = column.strip();
            int colon = c.indexOf(':');
            if (colon <= 0 || colon == c.length() - 1) {
                continue;
            }
            String prefix = c.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = c.substring(colon + 1).strip();
            String value = prefix.equals("description") ? row.raw(c).strip() : row.get(c);
            if (value.isEmpty()) {
                continue;
            }
            if (prefix.equals("attribute")) {
                b.extraAttribute(rest, value);
                continue;
            }
            Locale locale = Locale.forLanguageTag(rest.replace('_', '-'));
            if (locale.getLanguage().isEmpty()) {
                continue;
            }
            ProductTranslation t = current(b, locale);
            switch (prefix) {
                case "name":
                    t = NativeValues.translation(value, t.description().orElse(null), t);
                    break;
                case "description":
                    t = NativeValues.translation(t.name().orElse(null), value, t);
                    break;
                case "slug":
                    t = t.withSlug(value);
                    break;
                case "producturl":
                    t = t.withProductUrl(value);
                    break;
                default:
                    continue;
            }
            b.translation(locale, t);
        }
        return b;
    }

    private static ProductTranslation current(Product.Builder b, Locale locale) {
        ProductTranslation t = b.build().translations().get(locale);
        return t == null ? ProductTranslation.of(null, null) : t;
    }

    /** Parsers of the native formats' own values, shared with {@link JsonProducts}. */
    static final class NativeValues {
        private NativeValues() {
        }

        static Values.Parsed<BackorderPolicy> backorderPolicy(String v) {
            switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "deny":
                    return Values.Parsed.of(BackorderPolicy.DENY);
                case "allow":
                    return Values.Parsed.of(BackorderPolicy.ALLOW);
                default:
                    return Values.Parsed.fail(Values.quote(v) + " is not a backorder policy (deny or allow)");
            }
        }

        static Values.Parsed<ProductStatus> status(String v) {
            switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "active":
                    return Values.Parsed.of(ProductStatus.ACTIVE);
                case "draft":
                    return Values.Parsed.of(ProductStatus.DRAFT);
                case "archived":
                    return Values.Parsed.of(ProductStatus.ARCHIVED);
                default:
                    return Values.Parsed.fail(Values.quote(v) + " is not a status (active, draft or archived)");
            }
        }

        /** A translation with new name and description, keeping slug and URL of {@code old}. */
        static ProductTranslation translation(String name, String description, ProductTranslation old) {
            ProductTranslation t = ProductTranslation.of(name, description);
            if (old.slug().isPresent()) {
                t = t.withSlug(old.slug().get());
            }
            if (old.productUrl().isPresent()) {
                t = t.withProductUrl(old.productUrl().get());
            }
            return t;
        }
    }
}
