package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.Words;
import io.github.metacommerce.admin.web.InstagramPage;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The Products page: each product's sync status (as {@code /products/status} computes it), searched and paged. */
@Controller
class ProductsPage {
    /** Rows a page shows. */
    static final int PAGE_SIZE = 25;
    private static final Map<String, String> LABELS = Map.of("synced", "Synced", "pending", "Changed since sync",
            "error", "Error", "excluded", "Not sent", "not_synced", "Not synced yet");
    private static final Map<String, String> BADGES = Map.of("synced", "text-bg-success", "pending", "text-bg-info",
            "error", "text-bg-danger", "excluded", "text-bg-secondary", "not_synced", "text-bg-light border");

    private final ProductStatuses statuses;
    private final StoreSettingsTable settings;

    ProductsPage(ProductStatuses statuses, StoreSettingsTable settings) {
        this.statuses = statuses;
        this.settings = settings;
    }

    /** A row of the table. */
    record ProductView(String productId, String name, String sku, int variants, String status, String label,
            String badge, String lastSynced, String problems) {
    }

    /** A status as the filter shows it, with its count. */
    record StatusCount(String id, String label, long count) {
    }

    @GetMapping("/admin/products")
    String products(CurrentStore store, Model model, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page) {
        OutOfStockPolicy policy = settings.find(store.id()).outOfStockPolicy();
        Optional<String> query = q.isBlank() ? Optional.empty() : Optional.of(q.strip());
        String s = status.strip().toLowerCase(Locale.ROOT);
        Optional<String> wanted = ProductStatuses.ALL.contains(s) ? Optional.of(s) : Optional.empty();
        int p = Math.max(0, page);
        List<ProductView> rows = statuses.page(store.id(), policy, wanted, query, p, PAGE_SIZE).stream()
                .map(r -> new ProductView(r.productId(), r.name(), r.sku(), r.variantCount(), r.status(),
                        LABELS.getOrDefault(r.status(), r.status()), BADGES.getOrDefault(r.status(), "text-bg-light"),
                        r.lastSyncedAt().map(InstagramPage::when).orElse("never"), problems(r.errors(), r.warnings())))
                .toList();
        Map<String, Long> summary = statuses.summary(store.id(), policy);
        long total = statuses.total(store.id(), policy, wanted, query, summary);
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("status", wanted.orElse(""));
        model.addAttribute("statuses", ProductStatuses.ALL.stream()
                .map(id -> new StatusCount(id, LABELS.get(id), summary.getOrDefault(id, 0L))).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("from", total == 0 ? 0 : (long) p * PAGE_SIZE + 1);
        model.addAttribute("to", (long) p * PAGE_SIZE + rows.size());
        model.addAttribute("prevLink", p > 0 ? link(q, wanted, p - 1) : null);
        model.addAttribute("nextLink", (long) (p + 1) * PAGE_SIZE < total ? link(q, wanted, p + 1) : null);
        return "products";
    }

    /** "1 error, 2 warnings"; null when there are none. */
    private static String problems(long errors, long warnings) {
        if (errors + warnings == 0) {
            return null;
        }
        String e = errors == 0 ? "" : Words.count(errors, "error");
        String w = warnings == 0 ? "" : Words.count(warnings, "warning");
        return e.isEmpty() ? w : w.isEmpty() ? e : e + ", " + w;
    }

    private static String link(String q, Optional<String> status, int page) {
        return UriComponentsBuilder.fromPath("/admin/products")
                .queryParamIfPresent("q", q.isBlank() ? Optional.empty() : Optional.of(q.strip()))
                .queryParamIfPresent("status", status).queryParam("page", page).encode().build().toUriString();
    }
}
