package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.product.OutOfStockPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Routes 15 and 16 and the errors export: each product's sync status, and the errors view with its summary. */
@RestController
@RequestMapping("/api/meta-commerce")
class ProductReportController {
    private static final Set<String> CATEGORIES = Set.of("authentication_error", "permission_error", "catalog_error",
            "product_error", "rate_limit_error", "network_error", "unknown_error");

    private final ProductStatuses statuses;
    private final ProductErrors errors;
    private final StoreSettingsTable settings;
    private final TransactionTemplate tx;

    ProductReportController(ProductStatuses statuses, ProductErrors errors, StoreSettingsTable settings,
            TransactionTemplate tx) {
        this.statuses = statuses;
        this.errors = errors;
        this.settings = settings;
        this.tx = tx;
    }

    @GetMapping("/products/status")
    Map<String, Object> status(CurrentStore store, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q) {
        ApiException.requirePage(page, size);
        Optional<String> s = text(status).map(v -> v.toLowerCase(Locale.ROOT));
        if (s.isPresent() && !ProductStatuses.ALL.contains(s.get())) {
            throw ApiException.badRequest("status", "Parameter 'status' must be one of: "
                    + String.join(", ", ProductStatuses.ALL) + ".");
        }
        OutOfStockPolicy policy = settings.find(store.id()).outOfStockPolicy();
        Optional<String> query = text(q);
        List<Map<String, Object>> rows = statuses.page(store.id(), policy, s, query, page, size).stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("productId", r.productId());
                    m.put("retailerId", r.sku());
                    m.put("name", r.name());
                    m.put("variantCount", r.variantCount());
                    m.put("status", r.status());
                    m.put("lastSyncedAt", r.lastSyncedAt().map(Instant::toString).orElse(null));
                    m.put("updatedAt", r.updatedAt().toString());
                    m.put("errors", r.errors());
                    m.put("warnings", r.warnings());
                    return m;
                }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("products", rows);
        answer.put("page", page);
        answer.put("size", size);
        Map<String, Long> summary = statuses.summary(store.id(), policy);
        answer.put("total", statuses.total(store.id(), policy, s, query, summary));
        answer.put("summary", summary);
        return answer;
    }

    @GetMapping("/products/errors")
    Map<String, Object> errors(CurrentStore store, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String category,
            @RequestParam(required = false) String source, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String q, @RequestParam(required = false) String productId,
            @RequestParam(required = false) String before) {
        ApiException.requirePage(page, size);
        ProductErrors.Filter filter = filter(category, source, severity, q, productId);
        Optional<Long> cursor = cursor(before);
        List<ProductErrors.ErrorRow> found = errors.page(store.id(), filter, page, size, cursor);
        List<Map<String, Object>> rows = found.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("retailerId", e.retailerId());
            m.put("productId", e.productId());
            m.put("errorMessage", e.message());
            m.put("category", e.category());
            m.put("source", e.source());
            m.put("field", e.field());
            m.put("code", e.code());
            m.put("severity", e.severity());
            m.put("timestamp", e.time().toString());
            return m;
        }).toList();
        ProductErrors.Total total = errors.count(store.id(), filter);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errors", rows);
        answer.put("total", total.value());
        answer.put("totalExact", total.exact());
        answer.put("page", page);
        answer.put("size", size);
        // the cursor of the next page (pass it as before=): as fast at page 2,000 as at page 1
        answer.put("nextBefore", found.size() < size ? null : String.valueOf(found.get(found.size() - 1).id()));
        return answer;
    }

    @GetMapping("/products/errors/summary")
    Map<String, Object> summary(CurrentStore store) {
        List<Map<String, Object>> groups = errors.summary(store.id(), 50).stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", g.code());
            m.put("category", g.category());
            m.put("source", g.source());
            m.put("severity", g.severity());
            m.put("field", g.field());
            m.put("count", g.count());
            m.put("products", g.products());
            m.put("example", g.example());
            m.put("title", ErrorAdvice.title(g.code(), g.field()));
            m.put("whatToDo", ErrorAdvice.whatToDo(g.code(), g.field(), g.source(), g.severity()));
            return m;
        }).toList();
        return Map.of("groups", groups);
    }

    @GetMapping("/products/errors.csv")
    void csv(CurrentStore store, @RequestParam(required = false) String category,
            @RequestParam(required = false) String source, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        ProductErrors.Filter filter = filter(category, source, severity, q, null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"product-errors.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // in a read-only transaction, so PostgreSQL streams the rows with a cursor
        tx.executeWithoutResult(s -> errors.csv(store.id(), filter, out));
        out.flush();
    }

    static ProductErrors.Filter filter(String category, String source, String severity, String q,
            String productId) {
        Optional<String> c = text(category).map(v -> v.toLowerCase(Locale.ROOT));
        if (c.isPresent() && !CATEGORIES.contains(c.get())) {
            throw ApiException.badRequest("category", "Parameter 'category' must be one of: "
                    + String.join(", ", CATEGORIES.stream().sorted().toList()) + ".");
        }
        Optional<String> s = text(source).map(v -> v.toLowerCase(Locale.ROOT));
        if (s.isPresent() && !List.of("local", "meta").contains(s.get())) {
            throw ApiException.badRequest("source", "Parameter 'source' must be local or meta.");
        }
        Optional<String> v = text(severity).map(x -> x.toLowerCase(Locale.ROOT));
        if (v.isPresent() && !List.of("error", "warning").contains(v.get())) {
            throw ApiException.badRequest("severity", "Parameter 'severity' must be error or warning.");
        }
        Optional<String> query = text(q);
        if (query.isPresent() && query.get().length() > 200) {
            throw ApiException.badRequest("q", "Parameter 'q' must have at most 200 characters.");
        }
        return new ProductErrors.Filter(c, s, v, query, text(productId));
    }

    static Optional<Long> cursor(String before) {
        Optional<String> b = text(before);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(b.get());
            if (id > 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("before", "Parameter 'before' must be the nextBefore value of a previous page.");
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
