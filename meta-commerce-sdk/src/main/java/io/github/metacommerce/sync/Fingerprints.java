package io.github.metacommerce.sync;

import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTranslation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fingerprint of a store product: a 128-bit hash of every field of the product (its variants and translations
 * included), of the store settings that shape its items, and of the SDK's mapping version. While the fingerprint
 * recorded for each of a product's items matches, the product is counted unchanged without being transformed,
 * validated or serialised.
 *
 * <p>Any change that can change an item changes the fingerprint: a product field, a setting, the ledger's way of
 * keeping translations, or a new mapping in the SDK ({@link #MAPPING_VERSION}, raised with every change to what
 * the transformer or validator produce). Each field is fed with its length, so no two different products feed the
 * same sequence; the hash is not cryptographic, which is fine for a merchant's own data, and 128 bits make an
 * accidental collision across even billions of products negligible.
 */
final class Fingerprints {
    /** Raise with every change to what {@code ProductTransformer} or {@code ProductValidator} produce. */
    static final int MAPPING_VERSION = 1;
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed1;
    private final long seed2;

    /**
     * @param shaping everything besides the product that shapes its items (settings, ledger mode), as text
     * @param mappingVersion the SDK's mapping version
     */
    Fingerprints(String shaping, int mappingVersion) {
        Feed f = new Feed(0x243F6A8885A308D3L, 0x13198A2E03707344L);
        f.add(mappingVersion);
        f.add(shaping);
        this.seed1 = f.h1;
        this.seed2 = f.h2;
    }

    /** The fingerprint of a product, as 32 hex digits. */
    String of(Product p) {
        Feed f = new Feed(seed1, seed2);
        product(f, p);
        return f.hex();
    }

    /**
     * The retailer ids the transformer gives a product's items (the SKU of the product, or of each variant), or
     * an empty list when one of them is blank: such an item fails validation, so the product is always mapped.
     */
    static List<String> retailerIds(Product p) {
        if (!p.hasVariants()) {
            String id = p.sku().strip();
            return id.isEmpty() ? List.of() : List.of(id);
        }
        List<String> ids = new ArrayList<>(p.variants().size());
        for (Product v : p.variants()) {
            if (v != null) {
                String id = v.sku().strip();
                if (id.isEmpty()) {
                    return List.of();
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static void product(Feed f, Product p) {
        if (p == null) {
            f.add(-1);
            return;
        }
        f.add(p.productId());
        f.add(p.sku());
        f.add(p.name());
        f.add(p.description());
        f.add(p.translations().size());
        for (Map.Entry<Locale, ProductTranslation> e : p.translations().entrySet()) {
            f.add(e.getKey() == null ? "" : e.getKey().toLanguageTag());
            ProductTranslation t = e.getValue();
            if (t == null) {
                f.add(-1);
            } else {
                f.add(t.name());
                f.add(t.description());
                f.add(t.slug());
                f.add(t.productUrl());
            }
        }
        f.add(p.price().map(BigDecimal::toString));
        f.add(p.compareAtPrice().map(BigDecimal::toString));
        f.add(p.currency());
        f.add(p.stockQuantity().map(String::valueOf));
        f.add(String.valueOf(p.backorderPolicy()));
        f.add(p.imageUrls());
        f.add(p.slug());
        f.add(p.productUrl());
        f.add(p.brand());
        f.add(p.condition());
        f.add(p.gtin());
        f.add(p.mpn());
        f.add(String.valueOf(p.status()));
        f.add(p.groupId());
        f.add(p.color());
        f.add(p.size());
        f.add(p.gender());
        f.add(p.ageGroup());
        f.add(p.material());
        f.add(p.pattern());
        f.add(p.extraAttributes().size());
        p.extraAttributes().forEach((k, v) -> {
            f.add(k);
            f.add(v);
        });
        f.add(p.googleProductCategory());
        f.add(p.fbProductCategory());
        f.add(p.productType());
        f.add(p.customLabels());
        f.add(p.salePeriod().map(s -> s.start() + "/" + s.end()));
        f.add(p.variants().size());
        for (Product v : p.variants()) {
            product(f, v);
        }
    }

    /** Two 64-bit multiply-rotate lanes over the fed values, finished with a strong mix. */
    private static final class Feed {
        long h1;
        long h2;

        Feed(long h1, long h2) {
            this.h1 = h1;
            this.h2 = h2;
        }

        void add(long v) {
            h1 = Long.rotateLeft(h1 ^ v * P1, 29) * P2;
            h2 = Long.rotateLeft(h2 ^ v * P2, 31) * P1 + 0x632BE59BD9B4E019L;
        }

        void add(String s) {
            if (s == null) {
                add(-1);
                return;
            }
            int n = s.length();
            add(n);
            int i = 0;
            for (; i + 3 < n; i += 4) {
                add(((long) s.charAt(i) << 48) | ((long) s.charAt(i + 1) << 32) | ((long) s.charAt(i + 2) << 16)
                        | s.charAt(i + 3));
            }
            long rest = 0;
            for (; i < n; i++) {
                rest = rest << 16 | s.charAt(i);
            }
            add(rest);
        }

        void add(Optional<String> s) {
            add(s.orElse(null));
        }

        void add(List<String> list) {
            add(list.size());
            list.forEach(this::add);
        }

        String hex() {
            char[] out = new char[32];
            long a = mix(h1 ^ h2 >>> 7);
            long b = mix(h2 + h1);
            for (int i = 15; i >= 0; i--) {
                out[i] = HEX[(int) (a & 15)];
                out[i + 16] = HEX[(int) (b & 15)];
                a >>>= 4;
                b >>>= 4;
            }
            return new String(out);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
            z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return z ^ (z >>> 33);
        }
    }
}
