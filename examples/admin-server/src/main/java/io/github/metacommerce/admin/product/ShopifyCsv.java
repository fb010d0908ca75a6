package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shopify's product CSV export (Shopify Help Center, "Using CSV files to import and export products"). Header names
 * are matched without regard to case, and both the long-standing names and the ones of Shopify's newer export are
 * read (given here as {@code classic / newer}).
 *
 * <h2>Rows</h2>
 * Rows with the same {@code Handle / URL handle} form one product and must follow each other (Shopify's export
 * writes them so; only the current product's rows are held while reading). The first row carries the product and its
 * first variant; a later row with a variant value ({@code Option1 Value}, {@code Variant SKU} or
 * {@code Variant Price}) is another variant; a later row with only {@code Image Src} adds an image. A product whose
 * only variant has no options (or Shopify's {@code Title / Default Title}) is imported as one product without
 * variants; otherwise every variant becomes a variant of the product, grouped under the handle as group id.
 *
 * <h2>Columns</h2>
 * <table>
 *   <caption>Shopify column to product field</caption>
 *   <tr><th>Column</th><th>Field</th></tr>
 *   <tr><td>Handle / URL handle</td><td>productId, slug; the groupId of a product with variants (a product
 *       without variants gets none, so it is not sent as a variant group of one)</td></tr>
 *   <tr><td>Title</td><td>name</td></tr>
 *   <tr><td>Body (HTML) / Description</td><td>description</td></tr>
 *   <tr><td>Vendor</td><td>brand</td></tr>
 *   <tr><td>Type</td><td>productType</td></tr>
 *   <tr><td>Google Shopping / Google Product Category, else Product Category</td><td>googleProductCategory
 *       (Shopify's taxonomy is derived from Google's; its full path is passed on)</td></tr>
 *   <tr><td>Status</td><td>active, draft, archived: status</td></tr>
 *   <tr><td>Published / Published on online store</td><td>FALSE: draft, only when Status is blank or missing
 *       (older exports); with a Status, Published only concerns the online store channel and is ignored</td></tr>
 *   <tr><td>Option1..3 Name / Value</td><td>Color or Colour: color; Size: size; any other: extraAttributes (the
 *       names are taken from the first row, where Shopify writes them)</td></tr>
 *   <tr><td>Variant SKU / SKU</td><td>sku (also the variant's productId; handle#n without a SKU)</td></tr>
 *   <tr><td>Variant Price / Price</td><td>price</td></tr>
 *   <tr><td>Variant Compare At Price / Compare-at price</td><td>compareAtPrice</td></tr>
 *   <tr><td>Variant Inventory Qty / Inventory quantity</td><td>stockQuantity; not tracked (empty) when
 *       Variant Inventory Tracker is present and blank</td></tr>
 *   <tr><td>Variant Inventory Policy / Continue selling when out of stock</td><td>deny or FALSE: DENY; continue
 *       or TRUE: ALLOW</td></tr>
 *   <tr><td>Variant Barcode / Barcode</td><td>gtin</td></tr>
 *   <tr><td>Image Src / Product image URL with Image Position</td><td>imageUrls, ordered by position, then by
 *       row; duplicates once. A bad position leaves out only that image, not the row's variant</td></tr>
 *   <tr><td>Variant Image / Variant image URL</td><td>the variant's imageUrls</td></tr>
 *   <tr><td>Google Shopping / Gender, Age Group, Condition</td><td>gender, ageGroup, condition (as written; the
 *       SDK maps them to Meta's values)</td></tr>
 *   <tr><td>Google Shopping / MPN</td><td>mpn, per row (a variant's own, else the first row's)</td></tr>
 *   <tr><td>Google Shopping / Custom Label 0..4</td><td>customLabels</td></tr>
 * </table>
 * Not mapped: {@code Tags} (Meta has no tag field; merchandising labels belong in the custom labels), weights,
 * tax, SEO, gift card, cost and the per-market price columns.
 */
final class ShopifyCsv implements CsvFormatReader {
    private static final String[] HANDLE = {"Handle", "URL handle"};
    private static final String[] DESCRIPTION = {"Body (HTML)", "Description"};
    private static final String[] SKU = {"Variant SKU", "SKU"};
    private static final String[] PRICE = {"Variant Price", "Price"};
    private static final String[] COMPARE_AT = {"Variant Compare At Price", "Compare-at price"};
    private static final String[] QTY = {"Variant Inventory Qty", "Inventory quantity"};
    private static final String[] TRACKER = {"Variant Inventory Tracker", "Inventory tracker"};
    private static final String[] POLICY = {"Variant Inventory Policy", "Continue selling when out of stock"};
    private static final String[] BARCODE = {"Variant Barcode", "Barcode"};
    private static final String[] IMAGE = {"Image Src", "Product image URL"};
    private static final String[] IMAGE_POSITION = {"Image Position"};
    private static final String[] VARIANT_IMAGE = {"Variant Image", "Variant image URL"};
    private static final String[] PUBLISHED = {"Published", "Published on online store"};
    private static final String[] CATEGORY = {"Google Shopping / Google Product Category", "Product Category"};
    private static final String[] MPN = {"Google Shopping / MPN"};

    private final ImportSink sink;
    private final Set<String> finished = new HashSet<>();
    private Group group;

    ShopifyCsv(ImportSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(Row row) {
        String handle = row.get(HANDLE);
        if (handle.isEmpty()) {
            sink.problem(row.line(), row.column(HANDLE), "the row has no handle; every row of a product repeats "
                    + "its handle");
            return;
        }
        if (group != null && group.handle.equals(handle)) {
            group.add(row);
            return;
        }
        finishGroup();
        if (!finished.add(handle)) {
            sink.problem(row.line(), row.column(HANDLE), "the rows of handle " + Values.quote(handle) + " must "
                    + "follow each other; this row comes after another product and is not imported");
            return;
        }
        group = new Group(handle, row);
    }

    @Override
    public void finish() {
        finishGroup();
    }

    private void finishGroup() {
        if (group != null) {
            group.emit();
            group = null;
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** A variant row's product, and whether the row names options (a lone variant without them is the product). */
    private record VariantRow(Product variant, boolean hasOptions) {
    }

    /** An image with its position (0 when none is written) and the order it was read in. */
    private record Image(String url, int position, int order) {
    }

    /** The rows of one handle. */
    private final class Group {
        private final String handle;
        private final long line;
        private final Product.Builder product;
        private final boolean productOk;
        private final String[] optionNames = new String[3];
        private final List<VariantRow> variants = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();
        private final String firstMpn;

        Group(String handle, Row first) {
            this.handle = handle;
            this.line = first.line();
            for (int i = 0; i < 3; i++) {
                optionNames[i] = first.get("Option" + (i + 1) + " Name");
            }
            firstMpn = first.text(MPN);
            product = Product.builder().productId(handle).slug(handle).groupId(handle)
                    .name(first.get("Title"))
                    .description(first.raw(DESCRIPTION).strip())
                    .brand(first.text("Vendor"))
                    .productType(first.text("Type"))
                    .googleProductCategory(blankToNull(first.firstFilled(CATEGORY)))
                    .gender(first.text("Google Shopping / Gender"))
                    .ageGroup(first.text("Google Shopping / Age Group"))
                    .condition(first.text("Google Shopping / Condition"))
                    .customLabels(customLabels(first))
                    .status(status(first));
            productOk = first.ok();
            if (productOk) {
                addRow(first, true);
            } else {
                sink.problems(first.problems());
            }
        }

        void add(Row row) {
            if (productOk) {
                addRow(row, false);
            }
        }

        private void addRow(Row row, boolean first) {
            String image = row.get(IMAGE);
            String position = row.get(IMAGE_POSITION);
            Values.Parsed<Integer> parsed = position.isEmpty() ? Values.Parsed.of(0) : Values.wholeNumber(position);
            if (parsed.message() != null) {
                sink.problem(row.line(), row.column(IMAGE_POSITION), parsed.message() + "; the image "
                        + Values.quote(image) + " is not imported");
            } else if (!image.isEmpty()) {
                images.add(new Image(image, parsed.value(), images.size()));
            }
            boolean variantRow = first || !row.get("Option1 Value").isEmpty() || !row.get(SKU).isEmpty()
                    || !row.get(PRICE).isEmpty();
            if (!variantRow) {
                sink.problems(row.problems());
                return;
            }
            Product.Builder v = Product.builder();
            boolean hasOptions = false;
            for (int i = 0; i < 3; i++) {
                String name = optionNames[i];
                String value = row.get("Option" + (i + 1) + " Value");
                if (name.isEmpty() || value.isEmpty()
                        || (name.equalsIgnoreCase("Title") && value.equalsIgnoreCase("Default Title"))) {
                    continue;
                }
                hasOptions = true;
                switch (Values.Axis.of(name)) {
                    case COLOR:
                        v.color(value);
                        break;
                    case SIZE:
                        v.size(value);
                        break;
                    default:
                        v.extraAttribute(name, value);
                        break;
                }
            }
            String sku = row.get(SKU);
            v.sku(sku).productId(sku.isEmpty() ? handle + "#" + (variants.size() + 1) : sku)
                    .price(row.price(PRICE))
                    .compareAtPrice(row.price(COMPARE_AT))
                    .stockQuantity(stock(row))
                    .backorderPolicy(policy(row))
                    .gtin(row.text(BARCODE))
                    .mpn(row.text(MPN) != null ? row.text(MPN) : firstMpn);
            String variantImage = row.get(VARIANT_IMAGE);
            if (!variantImage.isEmpty()) {
                v.imageUrls(variantImage);
            }
            if (row.ok()) {
                variants.add(new VariantRow(v.build(), hasOptions));
            } else {
                sink.problems(row.problems());
            }
        }

        void emit() {
            if (!productOk) {
                return;
            }
            List<Image> sorted = new ArrayList<>(images);
            sorted.sort(Comparator.comparingInt((Image i) -> i.position() <= 0 ? Integer.MAX_VALUE : i.position())
                    .thenComparingInt(Image::order));
            Set<String> urls = new LinkedHashSet<>();
            sorted.forEach(i -> urls.add(i.url()));
            product.imageUrls(new ArrayList<>(urls));
            if (variants.isEmpty()) {
                return; // every variant row was refused; the problems say why
            }
            if (variants.size() == 1 && !variants.get(0).hasOptions()) {
                Product only = variants.get(0).variant();
                product.groupId(null).sku(only.sku()).price(only.price().orElse(null))
                        .compareAtPrice(only.compareAtPrice().orElse(null))
                        .stockQuantity(only.stockQuantity().orElse(null))
                        .backorderPolicy(only.backorderPolicy())
                        .gtin(only.gtin().orElse(null)).mpn(only.mpn().orElse(null));
                if (!only.imageUrls().isEmpty() && urls.isEmpty()) {
                    product.imageUrls(only.imageUrls());
                }
                sink.product(line, product.build());
                return;
            }
            List<Product> list = new ArrayList<>();
            variants.forEach(v -> list.add(v.variant()));
            sink.product(line, product.variants(list).build());
        }

        private Integer stock(Row row) {
            Integer qty = row.wholeNumber(QTY);
            if (row.header().first(TRACKER).isPresent() && row.get(TRACKER).isEmpty()) {
                return null;
            }
            return qty;
        }

        private BackorderPolicy policy(Row row) {
            String v = row.get(POLICY).toLowerCase(Locale.ROOT);
            switch (v) {
                case "":
                case "deny":
                case "false":
                    return BackorderPolicy.DENY;
                case "continue":
                case "true":
                    return BackorderPolicy.ALLOW;
                default:
                    row.problem(row.column(POLICY), Values.quote(row.get(POLICY)) + " is not an inventory policy "
                            + "(deny or continue)");
                    return BackorderPolicy.DENY;
            }
        }

        private ProductStatus status(Row row) {
            String status = row.get("Status").toLowerCase(Locale.ROOT);
            switch (status) {
                case "active":
                    return ProductStatus.ACTIVE;
                case "draft":
                    return ProductStatus.DRAFT;
                case "archived":
                    return ProductStatus.ARCHIVED;
                case "":
                    Boolean published = row.parse(Values::bool, PUBLISHED);
                    return Boolean.FALSE.equals(published) ? ProductStatus.DRAFT : ProductStatus.ACTIVE;
                default:
                    row.problem(row.column("Status"), Values.quote(row.get("Status")) + " is not a status (active, "
                            + "draft or archived); the product " + Values.quote(handle) + " is not imported");
                    return ProductStatus.ACTIVE;
            }
        }

        private List<String> customLabels(Row row) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                labels.add(row.get("Google Shopping / Custom Label " + i));
            }
            while (!labels.isEmpty() && labels.get(labels.size() - 1).isEmpty()) {
                labels.remove(labels.size() - 1);
            }
            return labels;
        }
    }

}
