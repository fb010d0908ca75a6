package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.product.ProductStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The store's products over REST: bulk upsert ({@code PUT /products}, the JSON of {@code JsonProducts}), list and
 * read, delete, and the file import ({@code POST /products/import}: Shopify, WooCommerce, native CSV or JSON).
 * Writes are for owners. An upsert or import runs in one transaction, so a body or file that turns out to be
 * unreadable halfway changes nothing.
 */
@RestController
@RequestMapping("/api/meta-commerce")
class ProductController {
    private static final Logger log = LoggerFactory.getLogger(ProductController.class);
    /** The most problems an answer lists; {@code problemCount} gives them all. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final Products products;
    private final ProductUpserts upserts;

    ProductController(Products products, ProductUpserts upserts) {
        this.products = products;
        this.upserts = upserts;
    }

    @PutMapping("/products")
    Map<String, Object> put(CurrentStore store, @RequestBody(required = false) byte[] body) {
        store.requireOwner("change products");
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("body", "Send the products as a JSON array.");
        }
        ProductUpserts.Outcome o = upserts.upsert(store, "body", (importer, sink) ->
                importer.readJson(new ByteArrayInputStream(body), sink));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", o.summary().rowsRead());
        counts(answer, o.sink());
        problems(answer, o.problems());
        return answer;
    }

    @GetMapping("/products")
    Map<String, Object> list(CurrentStore store, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status) {
        ApiException.requirePage(page, size);
        Optional<ProductStatus> wanted = status.isBlank() ? Optional.empty() : Optional.of(status(status));
        Products.Page p = products.page(store.id(), q, wanted, page, size);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Products.Summary s : p.products()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("productId", s.productId());
            row.put("sku", s.sku());
            row.put("name", s.name());
            row.put("status", s.status());
            row.put("inStock", s.inStock());
            row.put("variantCount", s.variantCount());
            row.put("updatedAt", s.updatedAt().toString());
            row.put("lastSyncedAt", s.lastSyncedAt().map(Object::toString).orElse(null));
            rows.add(row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("products", rows);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", p.total());
        return answer;
    }

    @GetMapping("/products/{id}")
    Map<String, Object> get(CurrentStore store, @PathVariable String id) {
        return Map.of("product", ProductDocument.tree(products.find(store.id(), id)
                .orElseThrow(() -> ApiException.notFound("Product '" + id + "'"))));
    }

    @DeleteMapping("/products/{id}")
    Map<String, Object> delete(CurrentStore store, @PathVariable String id) {
        store.requireOwner("delete products");
        if (!products.delete(store.id(), id)) {
            throw ApiException.notFound("Product '" + id + "'");
        }
        log.info("Store {}: deleted product {}", store.id(), id);
        return Map.of("success", true);
    }

    @PostMapping("/products/import")
    Map<String, Object> importFile(CurrentStore store, HttpServletRequest request) {
        MultipartFile file = request instanceof MultipartHttpServletRequest m ? m.getFile("file") : null;
        if (file == null) {
            store.requireOwner("import products");
            throw ApiException.badRequest("file", "Upload the product file as the multipart field 'file'.");
        }
        ProductUpserts.Outcome o = upserts.importFile(store, file);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("format", o.summary().format().name().toLowerCase(Locale.ROOT));
        answer.put("formatName", o.summary().format().label());
        answer.put("rowsRead", o.summary().rowsRead());
        answer.put("productsRead", o.summary().productsRead());
        counts(answer, o.sink());
        answer.put("skipped", o.summary().skipped().stream().map(ProductController::problem).toList());
        problems(answer, o.problems());
        return answer;
    }

    static void counts(Map<String, Object> answer, ChunkedUpsert sink) {
        answer.put("created", sink.created());
        answer.put("updated", sink.updated());
        answer.put("unchanged", sink.unchanged());
    }

    private static void problems(Map<String, Object> answer, List<RowProblem> problems) {
        answer.put("problems", problems.stream().limit(MAX_LISTED_PROBLEMS).map(ProductController::problem).toList());
        answer.put("problemCount", problems.size());
    }

    private static Map<String, Object> problem(RowProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", p.line());
        m.put("column", p.column());
        m.put("message", p.message());
        return m;
    }

    private static ProductStatus status(String value) {
        Values.Parsed<ProductStatus> p = NativeCsv.NativeValues.status(value);
        if (p.message() != null) {
            throw ApiException.badRequest("status", "Parameter 'status' must be active, draft or archived.");
        }
        return p.value();
    }
}
