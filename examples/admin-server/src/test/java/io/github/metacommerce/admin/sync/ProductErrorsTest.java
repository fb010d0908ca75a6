package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import io.github.metacommerce.admin.store.Stores;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The errors view's reads: newest first, page numbers and cursors agree, filters and the SKU search, totals and
 * the summary from the per-store groups, a capped count for a broad search, and one store never sees another's.
 */
class ProductErrorsTest extends AdminServerTestBase {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Autowired
    ProductErrors errors;
    @Autowired
    Stores stores;
    @Autowired
    TransactionTemplate tx;

    private long store;
    private long other;

    @BeforeEach
    void stores() {
        store = stores.create(unique("Errors store"));
        other = stores.create(unique("Other errors store"));
    }

    private static ProductErrors.ErrorRow row(int i, String category, String source, String severity, String code) {
        return new ProductErrors.ErrorRow(0L, "product-" + i, "SKU-" + i, category, source, severity, code,
                "price", "Problem " + code + " of SKU-" + i, "run-1", AT.plusSeconds(i));
    }

    /** 300 rows: every third a Meta catalog error, every fifth a warning, the rest local product errors. */
    private List<ProductErrors.ErrorRow> mixed() {
        List<ProductErrors.ErrorRow> rows = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            if (i % 3 == 0) {
                rows.add(row(i, "catalog_error", "meta", "error", "META_REFUSED"));
            } else if (i % 5 == 0) {
                rows.add(row(i, "product_error", "local", "warning", "MISSING_GTIN"));
            } else {
                rows.add(row(i, "product_error", "local", "error", "MISSING_PRICE"));
            }
        }
        return rows;
    }

    private void store(long storeId, List<ProductErrors.ErrorRow> rows) {
        tx.executeWithoutResult(s -> {
            errors.insert(storeId, rows);
            errors.refreshGroups(storeId);
        });
    }

    private static ProductErrors.Filter filter(String category, String source, String severity, String q) {
        return new ProductErrors.Filter(Optional.ofNullable(category), Optional.ofNullable(source),
                Optional.ofNullable(severity), Optional.ofNullable(q), Optional.empty());
    }

    @Test
    void pagesRunNewestFirstAndCursorsGiveTheSamePages() {
        store(store, mixed());
        store(other, List.of(row(999, "product_error", "local", "error", "MISSING_PRICE")));
        List<String> byNumber = new ArrayList<>();
        for (int page = 0; page < 7; page++) {
            errors.page(store, ProductErrors.Filter.none(), page, 50, Optional.empty())
                    .forEach(r -> byNumber.add(r.retailerId()));
        }
        List<String> byCursor = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<ProductErrors.ErrorRow> page = errors.page(store, ProductErrors.Filter.none(), 0, 50, before);
            page.forEach(r -> byCursor.add(r.retailerId()));
            if (page.size() < 50) {
                break;
            }
            before = Optional.of(page.get(page.size() - 1).id());
        }
        List<String> expected = IntStream.iterate(300, i -> i >= 1, i -> i - 1).mapToObj(i -> "SKU-" + i).toList();
        assertThat(byNumber).isEqualTo(expected);
        assertThat(byCursor).isEqualTo(expected);
        assertThat(errors.count(store, ProductErrors.Filter.none())).isEqualTo(new ProductErrors.Total(300, true));
    }

    @Test
    void filtersAndTotalsAgreeWithTheRows() {
        List<ProductErrors.ErrorRow> rows = mixed();
        store(store, rows);
        long meta = rows.stream().filter(r -> r.source().equals("meta")).count();
        long warnings = rows.stream().filter(r -> r.severity().equals("warning")).count();
        long localErrors = rows.stream().filter(r -> r.source().equals("local") && r.severity().equals("error"))
                .count();
        assertFilter(filter(null, "meta", null, null), meta, "catalog_error");
        assertFilter(filter("catalog_error", "meta", null, null), meta, "catalog_error");
        assertFilter(filter("product_error", null, "warning", null), warnings, "product_error");
        assertFilter(filter(null, "local", "error", null), localErrors, "product_error");
        assertThat(errors.count(store, filter("authentication_error", null, null, null)).value()).isZero();
        assertThat(errors.page(store, filter("authentication_error", null, null, null), 0, 50, Optional.empty()))
                .isEmpty();
    }

    private void assertFilter(ProductErrors.Filter f, long expected, String category) {
        List<ProductErrors.ErrorRow> all = errors.page(store, f, 0, 500, Optional.empty());
        assertThat(all).hasSize((int) expected).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(category);
            f.source().ifPresent(s -> assertThat(r.source()).isEqualTo(s));
            f.severity().ifPresent(s -> assertThat(r.severity()).isEqualTo(s));
        });
        assertThat(errors.count(store, f)).isEqualTo(new ProductErrors.Total(expected, true));
    }

    @Test
    void searchMatchesTheStartOfASkuInAnyCaseAndTakesWildcardsLiterally() {
        List<ProductErrors.ErrorRow> rows = new ArrayList<>(mixed());
        rows.add(new ProductErrors.ErrorRow(0L, "odd", "50%_OFF-mug", "product_error", "local", "error",
                "MISSING_PRICE", "price", "No price", "run-1", AT));
        rows.add(new ProductErrors.ErrorRow(0L, "tee", "ÜBER-Tee-" + "x".repeat(300), "product_error", "local",
                "error", "MISSING_PRICE", "price", "No price", "run-1", AT));
        store(store, rows);
        List<String> found = errors.page(store, filter(null, null, null, "sku-1"), 0, 500, Optional.empty())
                .stream().map(ProductErrors.ErrorRow::retailerId).toList();
        List<String> expected = rows.stream().map(ProductErrors.ErrorRow::retailerId)
                .filter(s -> s.startsWith("SKU-1")).toList();
        assertThat(found).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(errors.count(store, filter(null, null, null, "Sku-1"))).isEqualTo(
                new ProductErrors.Total(expected.size(), true));
        assertThat(errors.page(store, filter(null, null, null, "50%_off"), 0, 50, Optional.empty()))
                .extracting(ProductErrors.ErrorRow::retailerId).containsExactly("50%_OFF-mug");
        assertThat(errors.count(store, filter(null, null, null, "5_%"))).isEqualTo(new ProductErrors.Total(0, true));
        // beyond ASCII, in any case, and a search as long as the longest key
        assertThat(errors.page(store, filter(null, null, null, "über-t"), 0, 50, Optional.empty()))
                .extracting(ProductErrors.ErrorRow::productId).containsExactly("tee");
        assertThat(errors.count(store, filter(null, null, null, "über-tee-" + "x".repeat(280))).value()).isOne();
        // the middle of a SKU is not its start
        assertThat(errors.count(store, filter(null, null, null, "KU-1")).value()).isZero();
    }

    @Test
    void aBroadSearchStopsCountingAtTheCap() {
        List<ProductErrors.ErrorRow> rows = IntStream.rangeClosed(1, ProductErrors.COUNT_CAP + 5)
                .mapToObj(i -> row(i, "product_error", "local", "error", "MISSING_PRICE")).toList();
        store(store, rows);
        assertThat(errors.count(store, filter(null, null, null, "sku-")))
                .isEqualTo(new ProductErrors.Total(ProductErrors.COUNT_CAP + 1, false));
        // without a search the total is exact, from the summary
        assertThat(errors.count(store, ProductErrors.Filter.none()))
                .isEqualTo(new ProductErrors.Total(ProductErrors.COUNT_CAP + 5, true));
    }

    @Test
    void theSummaryCountsProductsAndFollowsEveryReplacement() {
        List<ProductErrors.ErrorRow> rows = new ArrayList<>(mixed());
        // a product with two variants without a price: two rows, one product
        rows.add(new ProductErrors.ErrorRow(0L, "hoodie", "HOODIE-S", "product_error", "local", "error",
                "MISSING_PRICE", "price", "No price", "run-1", AT));
        rows.add(new ProductErrors.ErrorRow(0L, "hoodie", "HOODIE-M", "product_error", "local", "error",
                "MISSING_PRICE", "price", "No price", "run-1", AT));
        store(store, rows);
        List<ProductErrors.Group> groups = errors.summary(store, 10);
        assertThat(groups).extracting(ProductErrors.Group::code)
                .containsExactly("MISSING_PRICE", "META_REFUSED", "MISSING_GTIN");
        ProductErrors.Group price = groups.get(0);
        long priceRows = rows.stream().filter(r -> r.code().equals("MISSING_PRICE")).count();
        assertThat(price.count()).isEqualTo(priceRows);
        assertThat(price.products()).isEqualTo(priceRows - 1);

        tx.executeWithoutResult(s -> {
            errors.deleteFor(store, List.of("hoodie", "product-1"));
            errors.refreshGroups(store);
        });
        assertThat(errors.summary(store, 10).get(0).count()).isEqualTo(priceRows - 3);
        assertThat(errors.count(store, ProductErrors.Filter.none()).value()).isEqualTo(rows.size() - 3);
        tx.executeWithoutResult(s -> {
            errors.deleteAll(store);
            errors.refreshGroups(store);
        });
        assertThat(errors.summary(store, 10)).isEmpty();
        assertThat(errors.count(store, ProductErrors.Filter.none())).isEqualTo(new ProductErrors.Total(0, true));
    }

    @Test
    void theRouteAnswersWithACursorAndRefusesABadOne() {
        Browser admin = admin();
        long id = ConnectionScenarios.newStoreFor(admin, unique("Route store"));
        store(id, mixed());
        JsonNode first = Browser.json(admin.get("/api/meta-commerce/products/errors?size=100&source=local"));
        assertThat(first.get("total").asLong()).isEqualTo(200);
        assertThat(first.get("totalExact").asBoolean()).isTrue();
        String cursor = first.get("nextBefore").asString();
        JsonNode second = Browser.json(admin.get("/api/meta-commerce/products/errors?size=100&source=local&before="
                + cursor));
        JsonNode byNumber = Browser.json(admin.get("/api/meta-commerce/products/errors?size=100&source=local&page=1"));
        assertThat(second.get("errors")).isEqualTo(byNumber.get("errors"));
        assertThat(second.get("errors")).hasSize(100);
        JsonNode summary = Browser.json(admin.get("/api/meta-commerce/products/errors/summary"));
        assertThat(summary.get("groups").get(0).get("products").asLong()).isPositive();

        HttpResponse<String> bad = admin.get("/api/meta-commerce/products/errors?before=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Browser.json(bad).get("field").asString()).isEqualTo("before");
    }
}
