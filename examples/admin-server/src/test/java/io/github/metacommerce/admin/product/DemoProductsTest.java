package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.product.IssueCode;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.product.ValidationIssue;
import io.github.metacommerce.product.ValidationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bootstrap store comes with demo products that show every outcome of a first sync. */
class DemoProductsTest extends AdminServerTestBase {
    private static final StoreSettings SETTINGS = StoreSettings.builder().storeUrl(DemoProducts.STORE_URL)
            .currency("USD").build();

    @Autowired
    Products products;
    @Autowired
    JdbcTemplate jdbc;

    private List<Product> demoStore() {
        long bootstrapStore = jdbc.queryForObject("select min(id) from stores", Long.class);
        try (Stream<Product> s = products.stream(bootstrapStore, List.of())) {
            return s.toList();
        }
    }

    @Test
    void theBootstrapStoreHasTheDemoProductsAfterStartup() {
        List<Product> demo = demoStore();
        assertThat(demo).hasSizeBetween(250, 400);
        assertThat(demo.stream().filter(Product::hasVariants).count()).isBetween(30L, 50L);
        assertThat(demo.stream().filter(p -> p.translations().containsKey(Locale.GERMAN)
                && p.translations().containsKey(Locale.FRENCH)).count()).isBetween(20L, 40L);
        assertThat(demo.stream().filter(p -> p.status() != ProductStatus.ACTIVE).count()).isBetween(5L, 15L);
        assertThat(demo.stream().filter(p -> p.stockQuantity().filter(q -> q <= 0).isPresent()).count())
                .isBetween(5L, 15L);
        assertThat(demo).allSatisfy(p -> assertThat(p.imageUrls()).allSatisfy(u ->
                assertThat(u).satisfiesAnyOf(x -> assertThat(x).startsWith("https://"),
                        x -> assertThat(x).startsWith("ftp://"), x -> assertThat(x).isBlank())));
        Set<String> skus = new HashSet<>();
        demo.stream().flatMap(p -> p.hasVariants() ? p.variants().stream() : Stream.of(p))
                .filter(p -> !p.sku().isEmpty()).forEach(p -> skus.add(p.sku()));
        assertThat(skus.size()).as("distinct SKUs, one duplicated on purpose").isGreaterThan(demo.size());
    }

    @Test
    void aFirstSyncWouldMeetEveryKindOfOutcome() {
        ProductTransformer transformer = ProductTransformer.of(SETTINGS);
        List<TransformedItem> items = new ArrayList<>();
        demoStore().forEach(p -> items.addAll(transformer.transform(p)));
        List<ValidationResult> results = ProductValidator.of(SETTINGS).validateAll(items);

        assertThat(items.stream().filter(i -> i.action() == ItemAction.DELETE).count()).isPositive();
        Set<String> invalid = results.stream().filter(r -> !r.isValid()).map(ValidationResult::productId)
                .collect(Collectors.toSet());
        assertThat(invalid).hasSizeBetween(10, 20);
        Set<String> errors = results.stream().flatMap(r -> r.errors().stream()).map(DemoProductsTest::key)
                .collect(Collectors.toSet());
        assertThat(errors).contains("price " + IssueCode.REQUIRED, "price " + IssueCode.INVALID_PRICE,
                "price " + IssueCode.UNKNOWN_CURRENCY, "image_link " + IssueCode.REQUIRED,
                "image_link " + IssueCode.INVALID_URL, "title " + IssueCode.REQUIRED,
                "id " + IssueCode.DUPLICATE_RETAILER_ID, "id " + IssueCode.REQUIRED, "gtin " + IssueCode.TOO_LONG);
        Set<String> warnings = results.stream().filter(ValidationResult::isValid)
                .flatMap(r -> r.warnings().stream()).map(DemoProductsTest::key).collect(Collectors.toSet());
        assertThat(warnings).as("sent with a warning").contains("title " + IssueCode.TRUNCATED,
                "gtin " + IssueCode.INVALID_GTIN, "description " + IssueCode.REQUIRED);
        long fine = results.stream().filter(ValidationResult::isValid).count();
        assertThat(fine).isGreaterThan(200);
    }

    @Test
    void theDemoProductsAreTheSameOnEveryCall() {
        List<Product> first = DemoProducts.products();
        assertThat(DemoProducts.products()).isEqualTo(first);
        assertThat(first).hasSize(DemoProducts.COUNT);
        assertThat(first.stream().map(Product::productId).distinct().count()).isEqualTo(DemoProducts.COUNT);
        assertThat(first).allSatisfy(p -> assertThat(ProductDocument.read(ProductDocument.write(p))).isEqualTo(p));
    }

    private static String key(ValidationIssue issue) {
        return issue.field() + " " + issue.code();
    }
}
