package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WooCommerce's product CSV export (WooCommerce's "Product CSV Import Schema", the built-in importer and exporter
 * since 3.1). Header names are matched without regard to case.
 *
 * <h2>Rows</h2>
 * One row per product. {@code Type} (a comma list such as {@code simple, virtual}) decides:
 * <ul>
 *   <li>{@code simple}, {@code external} (and rows typed only {@code virtual} or {@code downloadable}): a product;
 *       {@code External URL} becomes its product URL;</li>
 *   <li>{@code variable}: a product whose variants are the {@code variation} rows naming it in {@code Parent},
 *       by SKU or as {@code id:N}; the variants are grouped under the parent's SKU (its ID without one). Variations
 *       may come anywhere after or before their parent, so WooCommerce products are held until the end of the file
 *       (the rows are not);</li>
 *   <li>{@code grouped}: skipped with a reason ({@link ImportResult#skipped()}): a grouped product is a page
 *       listing other products, which are imported from their own rows.</li>
 * </ul>
 *
 * <h2>Columns</h2>
 * <table>
 *   <caption>WooCommerce column to product field</caption>
 *   <tr><th>Column</th><th>Field</th></tr>
 *   <tr><td>ID</td><td>productId (the SKU when blank)</td></tr>
 *   <tr><td>SKU</td><td>sku</td></tr>
 *   <tr><td>Name</td><td>name</td></tr>
 *   <tr><td>Description, else Short description</td><td>description</td></tr>
 *   <tr><td>Regular price, Sale price</td><td>with a sale price: price = sale price, compareAtPrice = regular
 *       price; without: price = regular price</td></tr>
 *   <tr><td>Date sale price starts / ends</td><td>salePeriod, in the store's zone ({@link
 *       ProductImporter.Builder#timeZone}); a date alone starts at 00:00 and ends at 23:59:59. Meta needs both
 *       ends: a sale with only a start runs until 9999-12-31, one with only an end starts at 1970-01-01</td></tr>
 *   <tr><td>Stock</td><td>stockQuantity; {@code parent} takes the parent's</td></tr>
 *   <tr><td>In stock?</td><td>0 without a Stock: stockQuantity 0; {@code backorder}: ALLOW</td></tr>
 *   <tr><td>Backorders allowed?</td><td>1 or notify: ALLOW; 0: DENY</td></tr>
 *   <tr><td>Published</td><td>1: active; 0 (private) and -1 (draft): draft, as neither is for sale to the
 *       public</td></tr>
 *   <tr><td>Visibility in catalog</td><td>visible, catalog, search: as Published says; hidden: draft (the merchant
 *       hid it from the shop, so it is not offered on Meta either)</td></tr>
 *   <tr><td>Images</td><td>imageUrls (comma-separated, in order)</td></tr>
 *   <tr><td>Attribute N name / Attribute N value(s)</td><td>Color or Colour: color; Size: size; any other:
 *       extraAttributes. A variable product keeps only attributes with a single value (the others are the
 *       variation axes, whose values its variations carry); a variation's blank value ("any") is left out</td></tr>
 *   <tr><td>Categories</td><td>productType: the first category, its path as {@code A > B}</td></tr>
 *   <tr><td>Brands</td><td>brand (the first)</td></tr>
 *   <tr><td>GTIN, UPC, EAN, or ISBN</td><td>gtin</td></tr>
 *   <tr><td>External URL</td><td>productUrl; without it (the export has no permalink column) slug and productUrl
 *       {@code /product/<slug>/}, WooCommerce's default permalink, with the slug made from Name as WordPress does</td></tr>
 * </table>
 * Not mapped: tax, shipping, dimensions, downloads, reviews, upsells and cross-sells, featured, position, tags.
 */
final class WooCommerceCsv implements CsvFormatReader {
    private static final OffsetDateTime OPEN_START = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime OPEN_END = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
    private static final String GTIN = "GTIN, UPC, EAN, or ISBN";

    private final ImportSink sink;
    private final ZoneId zone;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Entry> bySku = new HashMap<>();
    private final List<Variation> variations = new ArrayList<>();

    WooCommerceCsv(ImportSink sink, ZoneId zone) {
        this.sink = sink;
        this.zone = zone;
    }

    /** A product read from a non-variation row; a variable one collects its variations. */
    private static final class Entry {
        final long line;
        final Product product;
        final boolean variable;
        final List<Product> variants = new ArrayList<>();

        Entry(long line, Product product, boolean variable) {
            this.line = line;
            this.product = product;
            this.variable = variable;
        }
    }

    /** A variation row with its parent reference as written, and whether its stock is the parent's. */
    private record Variation(long line, String parentColumn, String parent, Product product, boolean parentStock) {
    }

    @Override
    public void accept(Row row) {
        Set<String> types = new LinkedHashSet<>();
        for (String t : Values.commaList(row.get("Type"))) {
            types.add(t.toLowerCase(Locale.ROOT));
        }
        String kind = kind(types);
        if (kind == null) {
            sink.problem(row.line(), row.column("Type"), Values.quote(row.get("Type")) + " is not a product type "
                    + "(simple, variable, variation, grouped or external)");
            return;
        }
        if (kind.equals("grouped")) {
            sink.skip(row.line(), row.column("Type"), "a grouped product is a page listing other products; those "
                    + "are imported from their own rows");
            return;
        }
        boolean variation = kind.equals("variation");
        boolean variable = kind.equals("variable");
        Product.Builder b = Product.builder();
        String id = row.get("ID");
        String sku = row.get("SKU");
        b.productId(id.isEmpty() ? sku : id).sku(sku).name(row.get("Name"));
        String description = row.raw("Description").strip();
        b.description(description.isEmpty() ? row.raw("Short description").strip() : description);
        prices(row, b);
        boolean parentStock = stock(row, b);
        status(row, b);
        b.imageUrls(Values.commaList(row.get("Images")));
        attributes(row, b, variable);
        List<String> categories = Values.commaList(row.get("Categories"));
        if (!categories.isEmpty()) {
            b.productType(categories.get(0).replaceAll("\\s*>\\s*", " > "));
        }
        List<String> brands = Values.commaList(row.get("Brands"));
        if (!brands.isEmpty()) {
            b.brand(brands.get(0));
        }
        b.gtin(row.text(GTIN));
        String external = row.text("External URL");
        if (external != null && !external.isBlank()) {
            b.productUrl(external);
        } else if (!variation) {
            // the export has no permalink: WooCommerce's default one is /product/<the name as a slug>/, relative
            // to the store's URL (a variation links to its parent's page)
            String slug = permalinkSlug(row.get("Name"));
            if (!slug.isEmpty()) {
                b.slug(slug).productUrl("/product/" + slug + "/");
            }
        }
        if (variable) {
            b.groupId(sku.isEmpty() ? id : sku);
        }
        if (!row.ok()) {
            sink.problems(row.problems());
            return;
        }
        if (variation) {
            String parent = row.get("Parent");
            if (parent.isEmpty()) {
                sink.problem(row.line(), row.column("Parent"), "a variation needs the SKU (or id:N) of its "
                        + "variable product");
                return;
            }
            variations.add(new Variation(row.line(), row.column("Parent"), parent, b.build(), parentStock));
            return;
        }
        Entry e = new Entry(row.line(), b.build(), variable);
        entries.add(e);
        if (!id.isEmpty()) {
            byId.putIfAbsent(id, e);
        }
        if (!sku.isEmpty()) {
            bySku.putIfAbsent(sku, e);
        }
    }

    /**
     * The slug WordPress gives a title by default: lower case, accents dropped, runs of anything but letters and
     * digits made one hyphen.
     */
    static String permalinkSlug(String name) {
        String plain = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    }

    @Override
    public void finish() {
        for (Variation v : variations) {
            Entry parent = v.parent().regionMatches(true, 0, "id:", 0, 3)
                    ? byId.get(v.parent().substring(3).strip()) : bySku.get(v.parent());
            if (parent == null || !parent.variable) {
                sink.problem(v.line(), v.parentColumn(), "no variable product " + Values.quote(v.parent())
                        + " in this file" + (parent == null ? "" : " (it is not of type variable)"));
                continue;
            }
            Product p = v.product();
            if (v.parentStock() && parent.product.stockQuantity().isPresent()) {
                p = p.toBuilder().stockQuantity(parent.product.stockQuantity().get()).build();
            }
            parent.variants.add(p);
        }
        for (Entry e : entries) {
            if (!e.variable) {
                sink.product(e.line, e.product);
            } else if (e.variants.isEmpty()) {
                sink.problem(e.line, "", "the variable product " + Values.quote(e.product.name())
                        + " has no variations in this file, so there is nothing to sell");
            } else {
                sink.product(e.line, e.product.toBuilder().variants(e.variants).build());
            }
        }
    }

    private static String kind(Set<String> types) {
        for (String k : List.of("variation", "variable", "grouped", "external", "simple")) {
            if (types.contains(k)) {
                return k;
            }
        }
        if (types.isEmpty() || types.stream().allMatch(t -> t.equals("virtual") || t.equals("downloadable"))) {
            return "simple";
        }
        return null;
    }

    private void prices(Row row, Product.Builder b) {
        BigDecimal regular = row.price("Regular price");
        BigDecimal sale = row.price("Sale price");
        if (sale != null) {
            b.price(sale).compareAtPrice(regular);
        } else {
            b.price(regular);
        }
        OffsetDateTime from = row.parse(v -> Values.dateTime(v, zone, false), "Date sale price starts");
        OffsetDateTime to = row.parse(v -> Values.dateTime(v, zone, true), "Date sale price ends");
        if (from != null || to != null) {
            b.salePeriod(new SalePeriod(from == null ? OPEN_START : from, to == null ? OPEN_END : to));
        }
    }

    /** Sets stock and backorders; answers whether the row's stock is its parent's. */
    private static boolean stock(Row row, Product.Builder b) {
        String stock = row.get("Stock");
        boolean parentStock = stock.equalsIgnoreCase("parent");
        Integer qty = parentStock ? null : row.wholeNumber("Stock");
        String inStock = row.get("In stock?").toLowerCase(Locale.ROOT);
        BackorderPolicy policy = BackorderPolicy.DENY;
        switch (inStock) {
            case "":
            case "1":
                break;
            case "0":
                if (qty == null && !parentStock && stock.isEmpty()) {
                    qty = 0;
                }
                break;
            case "backorder":
            case "onbackorder":
                policy = BackorderPolicy.ALLOW;
                if (qty == null && !parentStock && stock.isEmpty()) {
                    qty = 0;
                }
                break;
            default:
                row.problem(row.column("In stock?"), Values.quote(row.get("In stock?")) + " is not 1, 0 or "
                        + "backorder");
        }
        switch (row.get("Backorders allowed?").toLowerCase(Locale.ROOT)) {
            case "":
                break;
            case "0":
                break;
            case "1":
            case "notify":
                policy = BackorderPolicy.ALLOW;
                break;
            default:
                row.problem(row.column("Backorders allowed?"), Values.quote(row.get("Backorders allowed?"))
                        + " is not 1, 0 or notify");
        }
        b.stockQuantity(qty).backorderPolicy(policy);
        return parentStock;
    }

    private static void status(Row row, Product.Builder b) {
        ProductStatus status = ProductStatus.ACTIVE;
        switch (row.get("Published")) {
            case "":
            case "1":
                break;
            case "0":
            case "-1":
                status = ProductStatus.DRAFT;
                break;
            default:
                row.problem(row.column("Published"), Values.quote(row.get("Published")) + " is not 1 (published), "
                        + "0 (private) or -1 (draft)");
        }
        switch (row.get("Visibility in catalog").toLowerCase(Locale.ROOT)) {
            case "":
            case "visible":
            case "catalog":
            case "search":
                break;
            case "hidden":
                status = ProductStatus.DRAFT;
                break;
            default:
                row.problem(row.column("Visibility in catalog"), Values.quote(row.get("Visibility in catalog"))
                        + " is not a catalog visibility (visible, catalog, search or hidden)");
        }
        b.status(status);
    }

    private static void attributes(Row row, Product.Builder b, boolean variable) {
        for (int n = 1; row.header().has("Attribute " + n + " name"); n++) {
            String name = row.get("Attribute " + n + " name");
            String value = row.get("Attribute " + n + " value(s)");
            if (name.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (variable && Values.commaList(value).size() != 1) {
                continue;
            }
            switch (Values.Axis.of(name)) {
                case COLOR:
                    b.color(value);
                    break;
                case SIZE:
                    b.size(value);
                    break;
                default:
                    b.extraAttribute(name, value);
                    break;
            }
        }
    }
}
