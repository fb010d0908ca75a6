package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo store's products: {@value #COUNT} apparel and home items, the same on every start, so that a first sync
 * against the sandbox shows every outcome. Most are fine; among them are products with size or colour variants,
 * German and French translations, sale prices and periods, GTINs, drafts and archived ones (sent as deletes) and
 * out-of-stock ones. Fifteen are wrong on purpose, each in a way the SDK's validator reports as an error: no price,
 * a price of zero, no image, an image URL that is not http(s), a blank image, no name, a duplicate SKU (two
 * products), a currency that is not ISO 4217, a GTIN over 70 characters, no SKU. Two have titles over 150
 * characters, one a GTIN with a wrong check digit and one no description: warnings only (the title is cut, the
 * description replaced by the title), they are sent.
 */
@Component
public class DemoProducts {
    /** How many demo products there are. */
    static final int COUNT = 300;
    /** The demo shop the product URLs point to. */
    static final String STORE_URL = "https://demo-store.example.com";
    private static final Logger log = LoggerFactory.getLogger(DemoProducts.class);
    private static final long SEED = 20_261_127L;
    private static final List<String> SIZES = List.of("S", "M", "L", "XL");
    private static final List<String> COLOURS = List.of("Navy", "Charcoal", "Sand", "Olive", "Rust", "Ivory",
            "Sage", "Terracotta");
    private static final List<String> LINES = List.of("Classic", "Everyday", "Organic", "Relaxed", "Heritage",
            "Nordic", "Coastal", "Urban", "Essential", "Vintage", "Soft", "Studio");
    private static final List<Kind> KINDS = List.of(
            apparel("TEE", "T-Shirt", "T-Shirt", "T-shirt", "Shirts & Tops", "24.00", "Cotton"),
            apparel("HOOD", "Hoodie", "Kapuzenpullover", "Sweat à capuche", "Activewear", "59.00", "Cotton fleece"),
            apparel("SWTR", "Sweater", "Pullover", "Pull", "Sweaters", "69.00", "Merino wool"),
            apparel("JEAN", "Jeans", "Jeans", "Jean", "Pants", "79.00", "Denim"),
            apparel("CHNO", "Chino Trousers", "Chinohose", "Pantalon chino", "Pants", "65.00", "Cotton twill"),
            apparel("RAIN", "Rain Jacket", "Regenjacke", "Veste de pluie", "Outerwear > Coats & Jackets", "129.00",
                    "Recycled polyester"),
            apparel("LINN", "Linen Shirt", "Leinenhemd", "Chemise en lin", "Shirts & Tops", "55.00", "Linen"),
            apparel("BEAN", "Beanie", "Mütze", "Bonnet", "Hats", "22.00", "Wool"),
            apparel("SCRF", "Scarf", "Schal", "Écharpe", "Scarves & Shawls", "35.00", "Alpaca"),
            apparel("SOCK", "Socks (3-pack)", "Socken (3er-Pack)", "Chaussettes (lot de 3)", "Socks", "14.50",
                    "Organic cotton"),
            home("PILW", "Throw Pillow", "Zierkissen", "Coussin", "Decor > Throw Pillows", "29.00", "Linen"),
            home("BLNK", "Wool Blanket", "Wolldecke", "Plaid en laine", "Linens & Bedding > Bedding > Blankets",
                    "89.00", "Lambswool"),
            home("MUG", "Ceramic Mug", "Keramikbecher", "Mug en céramique",
                    "Kitchen & Dining > Tableware > Drinkware > Mugs", "16.00", "Stoneware"),
            home("CNDL", "Scented Candle", "Duftkerze", "Bougie parfumée", "Decor > Home Fragrances > Candles",
                    "19.50", "Soy wax"),
            home("LAMP", "Table Lamp", "Tischlampe", "Lampe de table", "Lighting > Lamps", "99.00", "Oak and linen"),
            home("TOWL", "Bath Towel", "Badetuch", "Serviette de bain", "Linens & Bedding > Towels > Bath Towels",
                    "27.00", "Turkish cotton"),
            home("BOWL", "Serving Bowl", "Servierschale", "Saladier", "Kitchen & Dining > Tableware > Serveware",
                    "34.00", "Porcelain"),
            home("POT", "Plant Pot", "Blumentopf", "Pot de fleurs", "Lawn & Garden > Gardening > Pots & Planters",
                    "24.50", "Terracotta"),
            home("DUVT", "Duvet Cover", "Bettbezug", "Housse de couette",
                    "Linens & Bedding > Bedding > Duvet Covers", "74.00", "Percale cotton"),
            home("CLCK", "Wall Clock", "Wanduhr", "Horloge murale", "Decor > Clocks > Wall Clocks", "45.00",
                    "Beech wood"));
    private static final Map<Integer, Defect> DEFECTS = Map.ofEntries(
            Map.entry(17, Defect.NO_PRICE), Map.entry(47, Defect.NO_PRICE), Map.entry(79, Defect.NO_PRICE),
            Map.entry(107, Defect.ZERO_PRICE), Map.entry(113, Defect.ZERO_PRICE),
            Map.entry(137, Defect.NO_IMAGE), Map.entry(167, Defect.FTP_IMAGE), Map.entry(197, Defect.BLANK_IMAGE),
            Map.entry(227, Defect.NO_NAME), Map.entry(257, Defect.NO_NAME),
            Map.entry(288, Defect.DUPLICATE_SKU), Map.entry(23, Defect.BAD_CURRENCY),
            Map.entry(53, Defect.LONG_GTIN), Map.entry(83, Defect.NO_SKU),
            Map.entry(143, Defect.LONG_TITLE), Map.entry(263, Defect.LONG_TITLE),
            Map.entry(31, Defect.GTIN_CHECK_DIGIT), Map.entry(61, Defect.NO_DESCRIPTION));
    /** The product whose SKU the {@link Defect#DUPLICATE_SKU} product repeats. */
    private static final int DUPLICATED = 287;

    private final Products products;

    DemoProducts(Products products) {
        this.products = products;
    }

    /** A kind of item: apparel comes in sizes, home items in colours. */
    private record Kind(String code, String name, String de, String fr, String category, BigDecimal price,
            String material, boolean apparel) {
    }

    /** What is wrong with a product on purpose. */
    private enum Defect {
        NO_PRICE, ZERO_PRICE, NO_IMAGE, FTP_IMAGE, BLANK_IMAGE, NO_NAME, DUPLICATE_SKU, BAD_CURRENCY, LONG_GTIN,
        NO_SKU, LONG_TITLE, GTIN_CHECK_DIGIT, NO_DESCRIPTION
    }

    /**
     * Adds the demo products to a store (the bootstrap store, on the first start).
     *
     * @param storeId the store
     * @return how many products were added or changed
     */
    public long seed(long storeId) {
        UpsertResult r = products.upsert(storeId, products());
        log.info("Store {}: added {} demo products", storeId, r.created() + r.updated());
        return r.created() + r.updated();
    }

    /**
     * Builds the demo products; the same list on every call.
     *
     * @return the products, ordered by product id
     */
    static List<Product> products() {
        Random random = new Random(SEED);
        List<Product> out = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            out.add(product(i, random));
        }
        return out;
    }

    private static Product product(int i, Random random) {
        Kind kind = KINDS.get(i % KINDS.size());
        String line = LINES.get(random.nextInt(LINES.size()));
        String colour = COLOURS.get(random.nextInt(COLOURS.size()));
        Defect defect = DEFECTS.get(i);
        boolean variants = i % 7 == 0 && defect == null && i != DUPLICATED;
        String suffix = variants ? "" : " – " + colour;
        String name = line + " " + kind.name() + suffix;
        String id = String.format(Locale.ROOT, "demo-%03d", i);
        String sku = sku(kind, i);
        String slug = slug(name) + "-" + i;
        BigDecimal price = kind.price().add(BigDecimal.valueOf(random.nextInt(5) * 2L));
        Product.Builder b = Product.builder()
                .productId(id).sku(sku).name(name)
                .description("<p>The " + name + " is made of " + kind.material().toLowerCase(Locale.ROOT)
                        + " and built to last.</p><ul><li>" + kind.material() + "</li><li>Designed in Lisbon</li>"
                        + "</ul>")
                .price(price).currency("USD")
                .stockQuantity(5 + random.nextInt(60))
                .imageUrls(image(i, ""), image(i, "detail"))
                .slug(slug).productUrl(STORE_URL + "/products/" + slug)
                .brand(kind.apparel() ? (i % 2 == 0 ? "Northwind Apparel" : "Maple Thread")
                        : (i % 2 == 0 ? "Harbor Home" : "Linden Living"))
                .condition("new")
                .googleProductCategory((kind.apparel() ? "Apparel & Accessories > Clothing > " : "Home & Garden > ")
                        + kind.category())
                .productType(kind.apparel() ? "Apparel" : "Home")
                .material(kind.material());
        if (kind.apparel()) {
            b.gender("unisex").ageGroup("adult");
        }
        if (!variants) {
            b.color(colour);
        }
        if (i % 3 == 0) {
            b.gtin(gtin(i, true));
        }
        if (i % 9 == 4) {
            b.compareAtPrice(price.add(price.divide(BigDecimal.valueOf(4))).setScale(2, RoundingMode.UP));
            if (i % 18 == 4) {
                b.salePeriod(new SalePeriod(OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.ofHours(1)),
                        OffsetDateTime.of(2026, 11, 30, 23, 59, 0, 0, ZoneOffset.ofHours(1))));
            }
        }
        if (i % 10 == 3) {
            b.translation(Locale.GERMAN, ProductTranslation.of(line + " " + kind.de() + suffix,
                    "<p>" + kind.de() + " aus " + kind.material() + ".</p>")
                    .withProductUrl(STORE_URL + "/de/products/" + slug));
            b.translation(Locale.FRENCH, ProductTranslation.of(kind.fr() + " " + line + suffix,
                    "<p>" + kind.fr() + " en " + kind.material().toLowerCase(Locale.ROOT) + ".</p>")
                    .withProductUrl(STORE_URL + "/fr/products/" + slug));
        }
        if (i % 11 == 6) {
            b.customLabels(i % 2 == 0 ? "bestseller" : "new-arrival");
        }
        if (kind.code().equals("CNDL")) {
            b.extraAttribute("Scent", List.of("Cedar", "Fig", "Sea Salt", "Amber").get(i % 4));
        }
        if (i % 30 == 5) {
            b.status(i % 60 == 5 ? ProductStatus.DRAFT : ProductStatus.ARCHIVED);
        }
        boolean outOfStock = i % 30 == 11;
        if (outOfStock) {
            b.stockQuantity(0).backorderPolicy(BackorderPolicy.DENY);
        } else if (i % 25 == 0) {
            b.backorderPolicy(BackorderPolicy.ALLOW);
        }
        if (variants) {
            b.variants(variants(i, kind, sku, random, outOfStock));
        }
        if (defect != null) {
            defect(b, defect, i, name);
        }
        return b.build();
    }

    private static List<Product> variants(int i, Kind kind, String sku, Random random, boolean outOfStock) {
        List<Product> out = new ArrayList<>();
        List<String> values = kind.apparel() ? SIZES
                : List.of(COLOURS.get(i % COLOURS.size()), COLOURS.get((i + 3) % COLOURS.size()),
                        COLOURS.get((i + 5) % COLOURS.size()));
        for (String value : values) {
            String code = value.substring(0, Math.min(3, value.length())).toUpperCase(Locale.ROOT);
            Product.Builder v = Product.builder()
                    .productId(String.format(Locale.ROOT, "demo-%03d-%s", i, code.toLowerCase(Locale.ROOT)))
                    .sku(sku + "-" + code)
                    .stockQuantity(outOfStock ? 0 : random.nextInt(30))
                    .imageUrls(image(i, code.toLowerCase(Locale.ROOT)));
            if (kind.apparel()) {
                v.size(value);
                if (value.equals("XL")) {
                    v.price(kind.price().add(new BigDecimal("4.00")));
                }
            } else {
                v.color(value);
            }
            out.add(v.build());
        }
        return out;
    }

    private static void defect(Product.Builder b, Defect defect, int i, String name) {
        switch (defect) {
            case NO_PRICE -> b.price(null);
            case ZERO_PRICE -> b.price(new BigDecimal("0.00"));
            case NO_IMAGE -> b.imageUrls(List.of());
            case FTP_IMAGE -> b.imageUrls("ftp://files.example.com/demo-" + i + ".jpg");
            case BLANK_IMAGE -> b.imageUrls("   ");
            case NO_NAME -> b.name("");
            case DUPLICATE_SKU -> b.sku(sku(KINDS.get(DUPLICATED % KINDS.size()), DUPLICATED));
            case BAD_CURRENCY -> b.currency("Dollar");
            case NO_DESCRIPTION -> b.description("");
            case LONG_GTIN -> b.gtin("4006381333931".repeat(6));
            case NO_SKU -> b.sku("");
            case LONG_TITLE -> b.name(name + " – limited edition, hand-finished in small batches by our partner "
                    + "workshop, with a lifetime repair promise and free returns within sixty days of delivery");
            case GTIN_CHECK_DIGIT -> b.gtin(gtin(i, false));
            default -> throw new IllegalStateException(defect.name());
        }
    }

    private static String sku(Kind kind, int i) {
        return String.format(Locale.ROOT, "DS-%s-%03d", kind.code(), i);
    }

    private static String image(int i, String suffix) {
        return "https://picsum.photos/seed/demo-" + i + (suffix.isEmpty() ? "" : "-" + suffix) + "/800/800";
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** An EAN-13 from the GS1 prefix range for in-store numbering, with the right check digit or a wrong one. */
    private static String gtin(int i, boolean valid) {
        String body = String.format(Locale.ROOT, "200%09d", 100_000 + i * 37);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        int check = (10 - sum % 10) % 10;
        return body + (valid ? check : (check + 1) % 10);
    }

    private static Kind apparel(String code, String name, String de, String fr, String category, String price,
            String material) {
        return new Kind(code, name, de, fr, category, new BigDecimal(price), material, true);
    }

    private static Kind home(String code, String name, String de, String fr, String category, String price,
            String material) {
        return new Kind(code, name, de, fr, category, new BigDecimal(price), material, false);
    }
}
