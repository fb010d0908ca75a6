package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The products table: counts of an upsert, what "unchanged" keeps, lazy keyset paging, items by retailer id. */
@RecordApplicationEvents
class ProductsRepositoryTest extends AdminServerTestBase {
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    Products products;
    @Autowired
    Stores stores;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    private long store;

    @BeforeEach
    void newStore() {
        store = stores.create(unique("Repository store"));
    }

    static Product simple(String id, String sku, String price) {
        return Product.builder().productId(id).sku(sku).name("Product " + id).price(new BigDecimal(price)).build();
    }

    static Product withVariants(String id, String... skus) {
        List<Product> variants = new ArrayList<>();
        for (String sku : skus) {
            variants.add(Product.builder().productId(id + "-" + sku).sku(" " + sku + " ").stockQuantity(0).build());
        }
        return Product.builder().productId(id).sku(id.toUpperCase(Locale.ROOT)).name("Parent " + id)
                .variants(variants).build();
    }

    @Test
    void upsertCountsCreatedUpdatedAndUnchangedAndPublishesOnlyChanges() {
        UpsertResult first = products.upsert(store, List.of(simple("a", "A", "1.00"), simple("b", "B", "2.00")));
        assertThat(first).isEqualTo(new UpsertResult(2, 0, 0, Set.of("a", "b")));
        assertThat(events.stream(ProductsChanged.class)).containsExactly(new ProductsChanged(store, Set.of("a", "b")));

        UpsertResult second = products.upsert(store, List.of(simple("a", "A", "1.00"), simple("b", "B", "2.50"),
                simple("c", "C", "3.00")));
        assertThat(second).isEqualTo(new UpsertResult(1, 1, 1, Set.of("b", "c")));
        assertThat(events.stream(ProductsChanged.class)).last().isEqualTo(new ProductsChanged(store, Set.of("b", "c")));

        long published = events.stream(ProductsChanged.class).count();
        assertThat(products.upsert(store, List.of(simple("a", "A", "1.00")))).isEqualTo(
                new UpsertResult(0, 0, 1, Set.of()));
        assertThat(events.stream(ProductsChanged.class).count()).as("nothing changed, nothing published")
                .isEqualTo(published);
        assertThat(products.find(store, "b").orElseThrow().price()).contains(new BigDecimal("2.50"));
    }

    @Test
    void theSameIdTwiceInOneCallIsOneProductAndTheLaterWins() {
        UpsertResult r = products.upsert(store, List.of(simple("a", "A", "1.00"), simple("a", "A", "9.00")));
        assertThat(r.created()).isEqualTo(1);
        assertThat(products.find(store, "a").orElseThrow().price()).contains(new BigDecimal("9.00"));
    }

    @Test
    void anIdenticalUpsertKeepsUpdatedAtAndAChangedOneBumpsItAndRewritesTheItems() {
        products.upsert(store, List.of(withVariants("p", "P-1", "P-2"), simple("q", "Q", "1.00")));
        jdbc.update("update products set updated_at = ? where store_id = ?", LONG_AGO, store);
        assertThat(retailerIds("p")).containsExactlyInAnyOrder("P-1", "P-2");

        assertThat(products.upsert(store, List.of(withVariants("p", "P-1", "P-2"), simple("q", "Q", "1.00")))
                .unchanged()).isEqualTo(2);
        assertThat(updatedAt("p")).isEqualTo(LONG_AGO.toInstant());
        assertThat(updatedAt("q")).isEqualTo(LONG_AGO.toInstant());

        assertThat(products.upsert(store, List.of(withVariants("p", "P-1", "P-3"))).updated()).isEqualTo(1);
        assertThat(updatedAt("p")).isAfter(LONG_AGO.toInstant());
        assertThat(updatedAt("q")).isEqualTo(LONG_AGO.toInstant());
        assertThat(retailerIds("p")).containsExactlyInAnyOrder("P-1", "P-3");
        assertThat(jdbc.queryForObject("select created_at from products where store_id = ? and product_id = 'p'",
                OffsetDateTime.class, store).toInstant()).isBefore(updatedAt("p"));
    }

    @Test
    void theIndexedColumnsFollowTheDocument() {
        Product sold = Product.builder().productId("sold").sku("SOLD").name("Sold out").stockQuantity(0)
                .status(ProductStatus.DRAFT).build();
        Product backorder = sold.toBuilder().productId("later").backorderPolicy(BackorderPolicy.ALLOW).build();
        Product oneLeft = withVariants("v", "V-1").toBuilder().variants(List.of(
                Product.builder().productId("v-1").sku("V-1").stockQuantity(0).build(),
                Product.builder().productId("v-2").sku("V-2").stockQuantity(1).build())).build();
        products.upsert(store, List.of(sold, backorder, oneLeft, withVariants("none", "N-1", "N-2")));
        Map<String, Object> row = jdbc.queryForMap("select sku, name, status, in_stock, variant_count from products "
                + "where store_id = ? and product_id = 'sold'", store);
        assertThat(row).containsEntry("sku", "SOLD").containsEntry("name", "Sold out").containsEntry("status", "draft")
                .containsEntry("in_stock", false).containsEntry("variant_count", 0);
        assertThat(inStock("later")).isTrue();
        assertThat(inStock("v")).isTrue();
        assertThat(inStock("none")).isFalse();
        assertThat(jdbc.queryForObject("select variant_count from products where store_id = ? and product_id = 'v'",
                Integer.class, store)).isEqualTo(2);
        assertThat(products.find(store, "v")).contains(oneLeft);
    }

    @Test
    void streamReadsEveryProductInPagesInOrderAndReadsLaterPagesOnlyWhenTheyAreReached() {
        assertThat(Products.PAGE_SIZE).isEqualTo(500);
        int n = 2 * Products.PAGE_SIZE + 201;
        List<Product> all = IntStream.range(0, n).mapToObj(i -> simple(String.format("p-%05d", i), "S" + i, "1.00"))
                .toList();
        List<Product> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        products.upsert(store, shuffled);

        List<String> seen = new ArrayList<>();
        try (Stream<Product> s = products.stream(store, List.of())) {
            Iterator<Product> it = s.iterator();
            for (int i = 0; i < Products.PAGE_SIZE; i++) {
                seen.add(it.next().productId());
            }
            // written after the first page was read: the later pages see it, so they were not read yet
            products.upsert(store, List.of(simple("p-99999", "LATE", "1.00")));
            products.delete(store, "p-01200");
            it.forEachRemaining(p -> seen.add(p.productId()));
        }
        List<String> expected = new ArrayList<>(all.stream().map(Product::productId).toList());
        expected.remove("p-01200");
        expected.add("p-99999");
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(products.count(store, List.of())).isEqualTo(n);
    }

    @Test
    void aSubsetIsStreamedInOrderAndCountedWithoutTheUnknownIds() {
        List<Product> all = IntStream.range(0, 1200).mapToObj(i -> simple(String.format("s-%04d", i), "S" + i,
                "1.00")).toList();
        products.upsert(store, all);
        List<String> wanted = new ArrayList<>();
        for (int i = 1199; i >= 0; i -= 2) {
            wanted.add(String.format("s-%04d", i));
        }
        wanted.add("unknown");
        wanted.add("s-0001");
        List<String> seen;
        try (Stream<Product> s = products.stream(store, wanted)) {
            seen = s.map(Product::productId).toList();
        }
        assertThat(seen).hasSize(600).isSorted().first().isEqualTo("s-0001");
        assertThat(seen).last().isEqualTo("s-1199");
        assertThat(products.count(store, wanted)).isEqualTo(600);
        assertThat(products.count(store, List.of("s-0000", "nope"))).isEqualTo(1);
        long other = stores.create(unique("Other store"));
        assertThat(products.count(other, wanted)).isZero();
        try (Stream<Product> s = products.stream(other, List.of())) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void retailerIdsLeadToTheirProductsIncludingVariantSkus() {
        products.upsert(store, List.of(simple("a", " A-1 ", "1.00"), withVariants("v", "V-S", "V-M")));
        long other = stores.create(unique("Other store"));
        products.upsert(other, List.of(simple("other", "A-1", "1.00")));
        assertThat(products.productIdsOfRetailerIds(store, List.of("A-1", "V-S", "V-M", "V", "nope")))
                .containsOnly(Map.entry("A-1", "a"), Map.entry("V-S", "v"), Map.entry("V-M", "v"));
        List<String> many = new ArrayList<>(IntStream.range(0, 1100).mapToObj(i -> "x" + i).toList());
        many.add("V-M");
        assertThat(products.productIdsOfRetailerIds(store, many)).containsOnly(Map.entry("V-M", "v"));
        assertThat(products.productIdsOfRetailerIds(store, List.of())).isEmpty();
    }

    @Test
    void deleteRemovesTheProductWithItsItemsAndOnlyInItsStore() {
        products.upsert(store, List.of(withVariants("v", "V-S", "V-M")));
        long other = stores.create(unique("Other store"));
        assertThat(products.delete(other, "v")).isFalse();
        assertThat(products.find(store, "v")).isPresent();

        assertThat(products.delete(store, "v")).isTrue();
        assertThat(events.stream(ProductsChanged.class)).last().isEqualTo(new ProductsChanged(store, Set.of("v")));
        assertThat(products.find(store, "v")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from product_items where store_id = ?", Long.class, store))
                .isZero();
        assertThat(products.delete(store, "v")).isFalse();
    }

    @Test
    void aProductWithoutIdOrWithATooLongOneIsRefused() {
        assertThatThrownBy(() -> products.upsert(store, List.of(Product.builder().name("x").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no productId");
        assertThatThrownBy(() -> products.upsert(store, List.of(simple("x".repeat(256), "X", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThat(products.count(store, List.of())).isZero();
    }

    private java.time.Instant updatedAt(String id) {
        return jdbc.queryForObject("select updated_at from products where store_id = ? and product_id = ?",
                OffsetDateTime.class, store, id).toInstant();
    }

    private boolean inStock(String id) {
        return jdbc.queryForObject("select in_stock from products where store_id = ? and product_id = ?",
                Boolean.class, store, id);
    }

    private List<String> retailerIds(String id) {
        return jdbc.queryForList("select retailer_id from product_items where store_id = ? and product_id = ?",
                String.class, store, id);
    }
}
