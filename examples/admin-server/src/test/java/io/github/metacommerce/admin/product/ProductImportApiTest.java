package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code POST /products/import}: the sample exports, problems with line and column, and files that change nothing. */
class ProductImportApiTest extends AdminServerTestBase {
    private static final String ROUTE = "/api/meta-commerce/products/import";

    @Autowired
    JdbcTemplate jdbc;

    private Browser owner;
    private long storeId;

    @BeforeEach
    void shop() {
        ProductApiTest.Shop s = ProductApiTest.newShop();
        owner = s.browser();
        storeId = s.id();
    }

    static String resource(String name) {
        try (InputStream in = ProductImportApiTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode upload(String name, String content) {
        return upload(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode upload(String name, byte[] content) {
        HttpResponse<String> r = owner.upload(ROUTE, "file", name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Browser.json(r);
    }

    /** A data row for a CSV: every column of its header empty but the given ones. */
    static String row(String csv, String... columnsAndValues) {
        List<String> header;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv.substring(0, csv.indexOf('\n'))))) {
            header = parser.getRecords().get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cells = new ArrayList<>(Collections.nCopies(header.size(), ""));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.set(header.indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return String.join(",", cells) + "\n";
    }

    private static long lines(String csv) {
        return csv.chars().filter(c -> c == '\n').count();
    }

    @Test
    void theShopifySampleIsImportedAndABadRowIsListedWithLineAndColumn() {
        String csv = resource("shopify-products.csv");
        String bad = row(csv, "Handle", "bad-price", "Title", "Bad price", "Variant SKU", "BAD-1",
                "Variant Price", "abc");
        JsonNode r = upload("products_export.csv", csv + bad);
        assertThat(r.get("format").asString()).isEqualTo("shopify");
        assertThat(r.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(r.get("productsRead").asLong()).isEqualTo(4);
        assertThat(r.get("created").asLong()).isEqualTo(4);
        assertThat(r.get("problemCount").asInt()).isEqualTo(1);
        JsonNode problem = r.get("problems").get(0);
        assertThat(problem.get("line").asLong()).isEqualTo(lines(csv) + 1);
        assertThat(problem.get("column").asString()).isEqualTo("Variant Price");
        assertThat(problem.get("message").asString()).contains("'abc'");

        JsonNode tent = Browser.json(owner.get("/api/meta-commerce/products/trail-tent")).get("product");
        assertThat(tent.get("price").asString()).isEqualTo("179.00");
        assertThat(tent.get("imageUrls")).hasSize(3);
        JsonNode tee = Browser.json(owner.get("/api/meta-commerce/products?q=classic-tee")).get("products").get(0);
        assertThat(tee.get("variantCount").asInt()).isGreaterThan(1);

        JsonNode again = upload("products_export.csv", csv);
        assertThat(again.get("unchanged").asLong()).isEqualTo(4);
        assertThat(again.get("created").asLong() + again.get("updated").asLong()).isZero();
    }

    @Test
    void theWooCommerceSampleIsImportedWithItsSkippedGroupedProductAndABadRow() {
        String csv = resource("woocommerce-products.csv");
        String bad = row(csv, "ID", "70", "Type", "simple", "SKU", "woo-bad", "Name", "Bad", "Regular price",
                "twelve");
        JsonNode r = upload("wc-product-export.csv", csv + bad);
        assertThat(r.get("format").asString()).isEqualTo("woocommerce");
        assertThat(r.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(r.get("productsRead").asLong()).isEqualTo(5);
        assertThat(r.get("created").asLong()).isEqualTo(5);
        assertThat(r.get("skipped")).hasSize(1);
        assertThat(r.get("skipped").get(0).get("line").asLong()).isEqualTo(8);
        assertThat(r.get("skipped").get(0).get("column").asString()).isEqualTo("Type");
        assertThat(r.get("problems")).hasSize(1);
        assertThat(r.get("problems").get(0).get("line").asLong()).isEqualTo(lines(csv) + 1);
        assertThat(r.get("problems").get(0).get("column").asString()).isEqualTo("Regular price");
        // the variations' SKUs find their product
        assertThat(ids(owner.get("/api/meta-commerce/products?q=woo-hoodie-red"))).containsExactly("20");
    }

    @Test
    void aBrokenFileChangesNothingEvenAfterAFullChunk() {
        upload("first.json", "[{\"productId\":\"n-00001\",\"name\":\"Original\"}]");
        long before = ProductApiTest.total(owner, "");
        String document = document("n-00001");

        StringBuilder good = new StringBuilder("productId,sku,name,price\n");
        for (int i = 1; i <= ChunkedUpsert.CHUNK + 300; i++) {
            good.append(String.format("n-%05d,N%d,Name %d,1.00%n", i, i, i));
        }
        String quoting = good + "n-99999,X,\"never closed,1.00\n";
        assertRefused(quoting.getBytes(StandardCharsets.UTF_8), "broken_quoting", 400);

        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes(good.toString().getBytes(StandardCharsets.UTF_8));
        latin1.writeBytes("n-99999,X,Caf".getBytes(StandardCharsets.UTF_8));
        latin1.write(0xE9);
        latin1.writeBytes(",1.00\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(latin1.toByteArray(), "not_utf8", 400);

        assertRefused("Artikel,Preis\nTee,10\n".getBytes(StandardCharsets.UTF_8), "unknown_format", 400);
        assertRefused(new byte[0], "empty_file", 400);

        assertThat(ProductApiTest.total(owner, "")).isEqualTo(before);
        assertThat(document("n-00001")).isEqualTo(document);
        assertThat(jdbc.queryForObject("select count(*) from product_items where store_id = ?", Long.class, storeId))
                .isZero();

        JsonNode ok = upload("good.csv", good.toString());
        assertThat(ok.get("format").asString()).isEqualTo("native_csv");
        assertThat(ok.get("created").asLong()).isEqualTo(ChunkedUpsert.CHUNK + 299);
        assertThat(ok.get("updated").asLong()).isEqualTo(1);
        assertThat(ProductApiTest.total(owner, "")).isEqualTo(ChunkedUpsert.CHUNK + 300);
    }

    @Test
    void aFileOverFiftyMegabytesIs413WithTheImportsMessageAndChangesNothing() {
        int size = 51 * 1024 * 1024;
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        byte[] head = "[{\"productId\":\"big\"},".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, content, 0, head.length);
        content[size - 1] = ']';
        HttpResponse<String> r = owner.upload(ROUTE, "file", "big.json", content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode error = Browser.json(r);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("error").asString()).contains("50 MB");
        assertThat(ProductApiTest.total(owner, "")).isZero();
    }

    @Test
    void withoutAFileFieldTheAnswerNamesFile() {
        ProductApiTest.assertField(owner.upload(ROUTE, "upload", "p.csv", "productId\nx\n"
                .getBytes(StandardCharsets.UTF_8)), "file");
        ProductApiTest.assertField(owner.post(ROUTE, "{}"), "file");
    }

    @Test
    void theListOfProblemsIsCappedButCounted() {
        StringBuilder csv = new StringBuilder("productId,price\n");
        int bad = ProductController.MAX_LISTED_PROBLEMS + 5;
        for (int i = 0; i < bad; i++) {
            csv.append("p").append(i).append(",abc\n");
        }
        csv.append("fine,1.00\n");
        JsonNode r = upload("many.csv", csv.toString());
        assertThat(r.get("problemCount").asInt()).isEqualTo(bad);
        assertThat(r.get("problems")).hasSize(ProductController.MAX_LISTED_PROBLEMS);
        assertThat(r.get("problems").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(r.get("created").asLong()).isEqualTo(1);
    }

    @Test
    void datesWithoutAnOffsetAreInTheStoresTimeZone() {
        assertThat(owner.post("/api/meta-commerce/save-config", "{\"syncSettings\":{\"schedule\":{\"type\":\"off\","
                + "\"timeZone\":\"Europe/Berlin\"}}}").statusCode()).isEqualTo(200);
        upload("sale.csv", "productId,price,saleStart,saleEnd\nsale,1.00,2026-11-27,2026-11-30\n");
        JsonNode sale = Browser.json(owner.get("/api/meta-commerce/products/sale")).get("product").get("salePeriod");
        assertThat(sale.get("start").asString()).isEqualTo("2026-11-27T00:00+01:00");
        assertThat(sale.get("end").asString()).isEqualTo("2026-11-30T23:59:59+01:00");
    }

    private void assertRefused(byte[] content, String reason, int status) {
        HttpResponse<String> r = owner.upload(ROUTE, "file", "broken.csv", content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = Browser.json(r);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("code").asString()).isEqualTo("invalid_file_" + reason);
        assertThat(error.get("error").asString()).isNotBlank();
    }

    private String document(String id) {
        return jdbc.queryForObject("select document from products where store_id = ? and product_id = ?",
                String.class, storeId, id);
    }

    private static List<String> ids(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        Browser.json(r).get("products").forEach(p -> out.add(p.get("productId").asString()));
        return out;
    }
}
