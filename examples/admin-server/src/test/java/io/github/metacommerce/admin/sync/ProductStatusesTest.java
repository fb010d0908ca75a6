package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.product.OutOfStockPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each status from its own conditions: the page, the filter, the count and the summary agree product by product. */
class ProductStatusesTest extends AdminServerTestBase {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

    @Autowired
    ProductStatuses statuses;
    @Autowired
    Products products;
    @Autowired
    ProductErrors errors;
    @Autowired
    Stores stores;
    @Autowired
    JdbcTemplate jdbc;

    private long store;

    @BeforeEach
    void newStore() {
        store = stores.create(unique("Status store"));
    }

    private static Product product(String id, ProductStatus status, int stock) {
        return Product.builder().productId(id).sku(id.toUpperCase()).name("Product " + id)
                .price(new BigDecimal("5.00")).status(status).stockQuantity(stock).build();
    }

    /** Ten products of each kind, with the status each must get under each out-of-stock policy. */
    private Map<String, String[]> fixture() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        List<Product> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(product("synced-" + i, ProductStatus.ACTIVE, 3));
            all.add(product("pending-" + i, ProductStatus.ACTIVE, 3));
            all.add(product("error-" + i, ProductStatus.ACTIVE, 3));
            all.add(product("draft-" + i, ProductStatus.DRAFT, 3));
            all.add(product("empty-" + i, ProductStatus.ACTIVE, 0));
            all.add(product("new-" + i, ProductStatus.ACTIVE, 3));
            expected.put("synced-" + i, new String[] {"synced", "synced"});
            expected.put("pending-" + i, new String[] {"pending", "pending"});
            expected.put("error-" + i, new String[] {"error", "error"});
            expected.put("draft-" + i, new String[] {"excluded", "excluded"});
            expected.put("empty-" + i, new String[] {"not_synced", "excluded"});
            expected.put("new-" + i, new String[] {"not_synced", "not_synced"});
        }
        products.upsert(store, all);
        jdbc.update("update products set last_synced_at = ? where store_id = ? and (product_id like 'synced-%' "
                + "or product_id like 'error-%')", java.sql.Timestamp.from(LATER), store);
        jdbc.update("update products set last_synced_at = updated_at - interval '1' hour where store_id = ? and "
                + "product_id like 'pending-%'", store);
        List<ProductErrors.ErrorRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new ProductErrors.ErrorRow(0L, "error-" + i, "ERROR-" + i, "product_error", "meta", "error",
                    "META_REFUSED", "price", "Refused", "run-1", LATER));
            // a warning does not make a product an error
            rows.add(new ProductErrors.ErrorRow(0L, "synced-" + i, "SYNCED-" + i, "product_error", "meta", "warning",
                    "MISSING_GTIN", "gtin", "No GTIN", "run-1", LATER));
        }
        errors.insert(store, rows);
        return expected;
    }

    @Test
    void everyStatusFilterFindsExactlyItsProducts() {
        Map<String, String[]> expected = fixture();
        for (OutOfStockPolicy policy : List.of(OutOfStockPolicy.KEEP_VISIBLE, OutOfStockPolicy.HIDE)) {
            int column = policy == OutOfStockPolicy.KEEP_VISIBLE ? 0 : 1;
            Map<String, Long> summary = statuses.summary(store, policy);
            for (String status : ProductStatuses.ALL) {
                List<String> wanted = expected.entrySet().stream().filter(e -> e.getValue()[column].equals(status))
                        .map(Map.Entry::getKey).sorted().toList();
                List<ProductStatuses.Row> page = statuses.page(store, policy, Optional.of(status), Optional.empty(),
                        0, 200);
                assertThat(page).as(policy + " " + status).extracting(ProductStatuses.Row::productId)
                        .containsExactlyElementsOf(wanted);
                assertThat(page).allSatisfy(r -> assertThat(r.status()).isEqualTo(status));
                assertThat(statuses.count(store, policy, Optional.of(status), Optional.empty()))
                        .isEqualTo(wanted.size());
                assertThat(summary.get(status)).as(policy + " " + status).isEqualTo(wanted.size());
            }
        }
    }

    @Test
    void pagesRunInProductIdOrderWithTheCountsOfTheirRows() {
        Map<String, String[]> expected = fixture();
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            statuses.page(store, OutOfStockPolicy.KEEP_VISIBLE, Optional.empty(), Optional.empty(), page, 17)
                    .forEach(r -> {
                        seen.add(r.productId());
                        assertThat(r.status()).as(r.productId()).isEqualTo(expected.get(r.productId())[0]);
                        assertThat(r.errors()).isEqualTo(r.productId().startsWith("error-") ? 1 : 0);
                        assertThat(r.warnings()).isEqualTo(r.productId().startsWith("synced-") ? 1 : 0);
                    });
        }
        assertThat(seen).isEqualTo(expected.keySet().stream().sorted().toList());
        assertThat(statuses.page(store, OutOfStockPolicy.KEEP_VISIBLE, Optional.empty(), Optional.of("PENDING-3"), 0,
                50)).extracting(ProductStatuses.Row::productId).containsExactly("pending-3");
        assertThat(statuses.count(store, OutOfStockPolicy.KEEP_VISIBLE, Optional.of("pending"),
                Optional.of("pending-"))).isEqualTo(10);
    }
}
