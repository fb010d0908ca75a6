package io.github.metacommerce.examples.quickstart;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTranslation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic generator of realistic store products: outdoor gear with brands, prices, some on sale, stock
 * levels, several images, categories, a few with variants and translations, and a share of invalid ones (no price,
 * no image, a title far too long). The same seed and index always give the same product, so a run can be repeated
 * with a given share of products changed.
 *
 * <pre>{@code
 * SampleProducts.stream(1, 100_000, 0.01)            // 100,000 products, 1 % invalid
 * SampleProducts.product(1, 42, 0.01, 2)              // product 42, as changed in "generation" 2
 * }</pre>
 */
public final class SampleProducts {
    private static final String[] KINDS = {"Tent", "Sleeping Bag", "Backpack", "Headlamp", "Camp Stove", "Rain Jacket",
        "Trail Shoe", "Water Filter", "Trekking Pole", "Hammock"};
    private static final String[] ADJECTIVES = {"Ultralight", "Alpine", "Summit", "Ridge", "Basecamp", "Trail",
        "Canyon", "Glacier", "Forest", "Coastal"};
    private static final String[] BRANDS = {"Acme Outdoor", "Northwind", "Peak & Pine", "Vertex", "Timberline"};
    private static final String[] COLORS = {"Red", "Blue", "Forest Green", "Black", "Sand"};
    private static final String[] SIZES = {"S", "M", "L", "XL"};

    private SampleProducts() {
    }

    /**
     * Streams products {@code 1..count}, generated lazily.
     *
     * @param seed the seed
     * @param count how many
     * @param invalidShare the share of invalid products, 0 to 1
     * @return the products
     */
    public static Stream<Product> stream(long seed, long count, double invalidShare) {
        return LongStream.rangeClosed(1, count).mapToObj(i -> product(seed, i, invalidShare, 0));
    }

    /**
     * Generates one product.
     *
     * @param seed the seed
     * @param index the product number, from 1
     * @param invalidShare the share of invalid products
     * @param generation 0 for the original; products whose change bucket is below {@code generation} get a new price
     * @return the product
     */
    public static Product product(long seed, long index, double invalidShare, int generation) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        String kind = KINDS[r.nextInt(KINDS.length)];
        String name = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + kind + " " + index;
        BigDecimal price = BigDecimal.valueOf(1999 + r.nextInt(48000), 2);
        int changeBucket = r.nextInt(100);
        if (changeBucket < generation) {
            price = price.add(BigDecimal.ONE);
        }
        boolean onSale = r.nextInt(5) == 0;
        String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-');
        Product.Builder b = Product.builder()
                .productId(Long.toString(index))
                .sku("SKU-" + index)
                .name(name)
                .description("<p>The <b>" + name + "</b> is built for long days outside.</p><ul><li>Weight: "
                        + (200 + r.nextInt(3000)) + " g</li><li>Warranty: 2 years</li></ul>")
                .price(onSale ? price.multiply(BigDecimal.valueOf(0.8)).setScale(2, java.math.RoundingMode.HALF_UP)
                        : price)
                .compareAtPrice(onSale ? price : null)
                .stockQuantity(r.nextInt(8) == 0 ? 0 : r.nextInt(200))
                .backorderPolicy(r.nextInt(10) == 0 ? BackorderPolicy.ALLOW : BackorderPolicy.DENY)
                .imageUrls("/images/" + slug + ".jpg", "/images/" + slug + "-2.jpg", "/images/" + slug + "-3.jpg")
                .slug(slug)
                .brand(BRANDS[r.nextInt(BRANDS.length)])
                .googleProductCategory("Sporting Goods > Outdoor Recreation > Camping & Hiking")
                .productType("Outdoor > " + kind)
                .customLabels(List.of(r.nextBoolean() ? "bestseller" : "", "season-" + (1 + r.nextInt(4))));
        if (r.nextInt(12) == 0) {
            b.translation(Locale.FRENCH, ProductTranslation.of(kind + " " + index + " (FR)", "<p>Pour l'aventure.</p>"));
        }
        if (r.nextInt(15) == 0) {
            String color = COLORS[r.nextInt(COLORS.length)];
            b.material("Ripstop nylon").variants(List.of(
                    Product.builder().productId(index + "-" + SIZES[1]).sku("SKU-" + index + "-M").size("M")
                            .color(color).stockQuantity(r.nextInt(30)).build(),
                    Product.builder().productId(index + "-" + SIZES[2]).sku("SKU-" + index + "-L").size("L")
                            .color(color).stockQuantity(r.nextInt(30)).build()));
        }
        if (r.nextDouble() < invalidShare) {
            switch (r.nextInt(3)) {
                case 0: b.price(null).compareAtPrice(null); break;
                case 1: b.imageUrls(List.of()); break;
                default: b.sku(null); break;
            }
        }
        return b.build();
    }
}
