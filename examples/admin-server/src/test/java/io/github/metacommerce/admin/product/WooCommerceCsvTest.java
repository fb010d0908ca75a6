package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import io.github.metacommerce.product.SalePeriod;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceCsvTest {
    private final ImportResult result = ImportFiles.readResource("woocommerce-products.csv");

    private Product product(String id) {
        return result.products().stream().map(ImportedProduct::product)
                .filter(p -> p.productId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void readsTheSampleExportInFileOrderAndSkipsTheGroupedProduct() {
        assertThat(result.format()).isEqualTo(ImportFormat.WOOCOMMERCE);
        assertThat(result.rowsRead()).isEqualTo(9);
        assertThat(result.problems()).isEmpty();
        assertThat(result.products()).extracting(p -> p.product().productId())
                .containsExactly("10", "20", "40", "50", "60");
        assertThat(result.products()).extracting(ImportedProduct::line).containsExactly(2L, 5L, 9L, 10L, 11L);
        assertThat(result.skipped()).extracting(RowProblem::line).containsExactly(8L);
        assertThat(result.skipped().get(0).column()).isEqualTo("Type");
    }

    @Test
    void aSimpleProductWithASalePriceAndDates() {
        Product beanie = product("10");
        assertThat(beanie.sku()).isEqualTo("woo-beanie");
        assertThat(beanie.name()).isEqualTo("Beanie");
        assertThat(beanie.description()).isEqualTo("<p>A warm beanie,\nknitted.</p>");
        assertThat(beanie.price()).contains(new BigDecimal("18"));
        assertThat(beanie.compareAtPrice()).contains(new BigDecimal("20"));
        assertThat(beanie.salePeriod()).contains(new SalePeriod(
                OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 30, 23, 59, 59, 0, ZoneOffset.UTC)));
        assertThat(beanie.gtin()).contains("4006381333948");
        assertThat(beanie.stockQuantity()).contains(25);
        assertThat(beanie.backorderPolicy()).isEqualTo(BackorderPolicy.DENY);
        assertThat(beanie.imageUrls()).containsExactly("https://cdn.example.com/beanie-1.jpg",
                "https://cdn.example.com/beanie-2.jpg");
        assertThat(beanie.productType()).contains("Clothing > Accessories");
        assertThat(beanie.brand()).contains("Acme");
        assertThat(beanie.extraAttributes()).isEqualTo(Map.of("Material", "Wool"));
        assertThat(beanie.status()).isEqualTo(ProductStatus.ACTIVE);
    }

    @Test
    void variationsLinkedBySkuOrIdBecomeVariantsOfOneGroup() {
        Product hoodie = product("20");
        assertThat(hoodie.groupId()).contains("woo-hoodie");
        assertThat(hoodie.color()).as("multi-valued axis stays on the variations").isEmpty();
        assertThat(hoodie.extraAttributes()).isEqualTo(Map.of("Fabric", "Cotton"));
        assertThat(hoodie.productType()).contains("Clothing , Apparel > Hoodies");
        assertThat(hoodie.brand()).contains("Acme");
        assertThat(hoodie.variants()).extracting(Product::sku).containsExactly("woo-hoodie-blue", "woo-hoodie-red");

        Product blue = hoodie.variants().get(0);
        assertThat(blue.color()).contains("Blue");
        assertThat(blue.price()).contains(new BigDecimal("45"));
        assertThat(blue.compareAtPrice()).isEmpty();
        assertThat(blue.stockQuantity()).as("Stock 'parent'").contains(10);
        assertThat(blue.gtin()).contains("0012345678936");
        assertThat(blue.imageUrls()).containsExactly("https://cdn.example.com/hoodie-blue.jpg");

        Product red = hoodie.variants().get(1);
        assertThat(red.color()).contains("Red");
        assertThat(red.price()).contains(new BigDecimal("40"));
        assertThat(red.compareAtPrice()).contains(new BigDecimal("45"));
        assertThat(red.stockQuantity()).contains(0);
        assertThat(red.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(red.salePeriod().orElseThrow().start())
                .isEqualTo(OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(red.salePeriod().orElseThrow().end().getYear()).isEqualTo(9999);
    }

    @Test
    void aVariationBeforeItsParentIsStillGroupedAndPrivateIsADraft() {
        Product cap = product("60");
        assertThat(cap.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(cap.color()).as("single-valued attribute").contains("Black");
        assertThat(cap.variants()).extracting(Product::sku).containsExactly("woo-cap-black");
        assertThat(cap.variants().get(0).stockQuantity()).contains(4);
    }

    @Test
    void externalDraftAndHiddenProducts() {
        Product ebook = product("40");
        assertThat(ebook.productUrl()).contains("https://partner.example.com/ebook");
        assertThat(ebook.price()).contains(new BigDecimal("9.99"));
        assertThat(ebook.status()).isEqualTo(ProductStatus.DRAFT);

        Product sock = product("50");
        assertThat(sock.status()).as("hidden in the catalog").isEqualTo(ProductStatus.DRAFT);
        assertThat(sock.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(sock.stockQuantity()).contains(0);
    }

    @Test
    void datesWithoutAnOffsetAreInTheStoresZone() {
        String csv = "ID,Type,SKU,Name,Regular price,Sale price,Date sale price starts,Date sale price ends\n"
                + "1,simple,A,A,10,8,2026-07-01,2026-07-02\n";
        ImportResult r = ProductImporter.builder().timeZone(ZoneId.of("Europe/Berlin")).build()
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        SalePeriod period = r.products().get(0).product().salePeriod().orElseThrow();
        assertThat(period.start()).isEqualTo(OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(period.end()).isEqualTo(OffsetDateTime.of(2026, 7, 2, 23, 59, 59, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void badRowsAreListedWithLineAndColumn() {
        ImportResult r = ImportFiles.readText("ID,Type,SKU,Name,Published,In stock?,Stock,Backorders allowed?,"
                + "Regular price,Sale price,Date sale price starts,Parent,Visibility in catalog\n"
                + "1,simple,A,A,1,1,5,0,ten,,,,\n"
                + "2,bundle,B,B,1,,,,10,,,,\n"
                + "3,simple,C,C,yes,maybe,,always,10,,,,\n"
                + "4,variation,D,D,1,,,,10,,,missing-parent,\n"
                + "5,simple,E,E,1,,2.5,,10,,27/11/2026,,secret\n"
                + "6,variable,F,F,1,,,,,,,,\n"
                + "7,variation,G,G,1,,,,10,,,,\n"
                + "8,variation,H,H,1,,,,10,,,I,\n"
                + "9,simple,I,I,1,,,,10,,,,\n");
        assertThat(r.problems()).extracting(RowProblem::toString).containsExactly(
                "line 2, column Regular price: 'ten' is not a price (write it like 19.99)",
                "line 3, column Type: 'bundle' is not a product type (simple, variable, variation, grouped or "
                        + "external)",
                "line 4, column In stock?: 'maybe' is not 1, 0 or backorder",
                "line 4, column Backorders allowed?: 'always' is not 1, 0 or notify",
                "line 4, column Published: 'yes' is not 1 (published), 0 (private) or -1 (draft)",
                "line 5, column Parent: no variable product 'missing-parent' in this file",
                "line 6, column Date sale price starts: '27/11/2026' is not a date (write it like 2026-11-27 or "
                        + "2026-11-27 08:00:00)",
                "line 6, column Stock: '2.5' is not a whole number",
                "line 6, column Visibility in catalog: 'secret' is not a catalog visibility (visible, catalog, "
                        + "search or hidden)",
                "line 7: the variable product 'F' has no variations in this file, so there is nothing to sell",
                "line 8, column Parent: a variation needs the SKU (or id:N) of its variable product",
                "line 9, column Parent: no variable product 'I' in this file (it is not of type variable)");
        assertThat(r.products()).extracting(p -> p.product().sku()).containsExactly("I");
    }
}
