package io.github.metacommerce.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic store of simple products (no variants), written as a Shopify product CSV and built as the SDK
 * {@link Product}s the admin server's Shopify reader makes of the same rows, so the admin server and the SDK alone
 * sync the same items. Product {@code i} (from 1) has the handle {@code bench-i}; a quarter have a compare-at price
 * and a third a barcode (a GTIN-13 with the right check digit); all have a Product Category.
 */
final class ShopifyCatalog {
    static final String HEADER = "Handle,Title,Body (HTML),Vendor,Product Category,Type,Status,Variant SKU,"
            + "Variant Price,Variant Compare At Price,Variant Inventory Qty,Variant Barcode,Image Src";
    private static final String[] VENDORS = {"Acme Outdoor", "Northwind", "Trailhead", "Summit Gear", "Blue Peak"};
    private static final String[] TYPES = {"Tents", "Backpacks", "Jackets", "Boots", "Stoves", "Lamps", "Bottles",
        "Ropes"};
    /** Shopify's Product Category, passed on as google_product_category (without one every item gets a warning). */
    static final String CATEGORY = "Sporting Goods > Outdoor Recreation > Camping & Hiking";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated product's fields, as the CSV row writes them. */
    record Item(String handle, String title, String body, String vendor, String type, String sku, BigDecimal price,
            Optional<BigDecimal> compareAt, int quantity, Optional<String> barcode, String image) {
    }

    private ShopifyCatalog() {
    }

    /**
     * Generates product {@code i}.
     *
     * @param i from 1
     * @param withPrice false for a product without a price (which the SDK's validator refuses)
     * @param edition 0 for the original, more for a changed name and price
     * @return the fields
     */
    static Item item(long i, boolean withPrice, int edition) {
        String handle = "bench-" + i;
        String title = TYPES[(int) (i % TYPES.length)].replaceAll("s$", "") + " " + i
                + (edition == 0 ? "" : " (edition " + edition + ")");
        BigDecimal price = withPrice ? BigDecimal.valueOf(500 + (i * 37) % 20_000 + edition * 100L, 2) : null;
        Optional<BigDecimal> compareAt = withPrice && i % 4 == 0 ? Optional.of(price.add(BigDecimal.TEN))
                : Optional.empty();
        Optional<String> barcode = i % 3 == 0 ? Optional.of(gtin13(i)) : Optional.empty();
        return new Item(handle, title, "<p>Item <b>" + i + "</b> for the trail.</p>",
                VENDORS[(int) (i % VENDORS.length)], TYPES[(int) (i % TYPES.length)], "SKU-" + i, price, compareAt,
                (int) (i % 50), barcode, "https://cdn.example.com/p/" + i + ".jpg");
    }

    /** A GTIN-13 "400" + nine digits of {@code i} + its check digit. */
    static String gtin13(long i) {
        String digits = "400" + String.format(Locale.ROOT, "%09d", i % 1_000_000_000L);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            int d = digits.charAt(k) - '0';
            sum += k % 2 == 0 ? d : 3 * d;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /**
     * Writes products {@code from..to} (inclusive) as a Shopify CSV.
     *
     * @return the file's size in bytes
     */
    static long writeCsv(Path file, long from, long to, boolean withPrice) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = from; i <= to; i++) {
                Item it = item(i, withPrice, 0);
                out.write(String.join(",", it.handle(), csv(it.title()), csv(it.body()), csv(it.vendor()),
                        CATEGORY, csv(it.type()), "active", it.sku(),
                        it.price() == null ? "" : it.price().toPlainString(),
                        it.compareAt().map(BigDecimal::toPlainString).orElse(""), Integer.toString(it.quantity()),
                        it.barcode().orElse(""), it.image()));
                out.write('\n');
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The products {@code 1..n} as the admin server stores them after importing the CSV. */
    static Stream<Product> products(long n) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> product(item(i, true, 0)));
    }

    /** The product the admin server's Shopify reader makes of the item's row. */
    static Product product(Item it) {
        Product.Builder b = Product.builder().productId(it.handle()).slug(it.handle()).name(it.title())
                .description(it.body()).brand(it.vendor()).googleProductCategory(CATEGORY).productType(it.type())
                .status(ProductStatus.ACTIVE)
                .sku(it.sku()).price(it.price()).compareAtPrice(it.compareAt().orElse(null))
                .stockQuantity(it.quantity()).backorderPolicy(BackorderPolicy.DENY).gtin(it.barcode().orElse(null))
                .imageUrls(it.image());
        return b.build();
    }

    /**
     * The JSON of {@code PUT /products} for changed editions of every {@code step}-th product.
     *
     * @return the body and how many products it holds
     */
    static String changedJson(long n, long step, int edition) {
        ArrayNode array = JSON.createArrayNode();
        for (long i = step; i <= n; i += step) {
            Item it = item(i, true, edition);
            ObjectNode p = array.addObject();
            p.put("productId", it.handle());
            p.put("slug", it.handle());
            p.put("name", it.title());
            p.put("description", it.body());
            p.put("brand", it.vendor());
            p.put("googleProductCategory", CATEGORY);
            p.put("productType", it.type());
            p.put("status", "active");
            p.put("sku", it.sku());
            p.put("price", it.price().toPlainString());
            it.compareAt().ifPresent(c -> p.put("compareAtPrice", c.toPlainString()));
            p.put("stockQuantity", it.quantity());
            p.put("backorderPolicy", "deny");
            it.barcode().ifPresent(g -> p.put("gtin", g));
            p.putArray("imageUrls").add(it.image());
        }
        return array.toString();
    }
}
