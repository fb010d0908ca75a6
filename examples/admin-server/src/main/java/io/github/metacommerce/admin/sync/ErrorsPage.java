package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.Words;
import io.github.metacommerce.admin.web.InstagramPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Errors tab: first the problems grouped like Commerce Manager's diagnostics, each with what to do and a link
 * to the products that have it; then the errors newest first, filtered, searched by SKU and paged with the
 * {@code before=} cursor (a {@code trail} of the previous pages' cursors gives "Previous").
 */
@Controller
class ErrorsPage {
    /** Rows a page shows. */
    static final int PAGE_SIZE = 25;
    private static final int MAX_TRAIL = 200;

    private final InstagramPage page;
    private final ProductErrors errors;

    ErrorsPage(InstagramPage page, ProductErrors errors) {
        this.page = page;
        this.errors = errors;
    }

    /** A group of the summary. */
    record GroupView(String title, long products, long count, String whatToDo, String example, String source,
            String severity, String link) {
    }

    /** A row of the list. */
    record RowView(String productId, String sku, String message, String category, String source, String severity,
            String field, String time) {
    }

    /** The filter as the form shows it. */
    record FilterView(String category, String source, String severity, String q) {
    }

    @GetMapping(path = InstagramPage.PATH, params = "tab=errors")
    String tab(CurrentStore store, Model model, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String before,
            @RequestParam(defaultValue = "") String trail) {
        InstagramPage.Status status = page.prepare(store, "errors", model);
        if (!InstagramPage.enabled(status, "errors")) {
            return InstagramPage.VIEW;
        }
        FilterView shown = new FilterView(category, source, severity, q);
        ProductErrors.Filter filter;
        Optional<Long> cursor;
        List<Long> previous;
        try {
            filter = ProductReportController.filter(category, source, severity, q, null);
            cursor = ProductReportController.cursor(before);
            previous = trail(trail);
        } catch (ApiException e) {
            model.addAttribute("flashError", e.getMessage());
            shown = new FilterView("", "", "", "");
            filter = ProductErrors.Filter.none();
            cursor = Optional.empty();
            previous = List.of();
        }
        // errors before warnings, each by how many products they touch (the summary's order)
        List<ProductErrors.Group> groups = errors.summary(store.id(), 50).stream()
                .sorted(Comparator.comparing(g -> !"error".equals(g.severity()))).toList();
        model.addAttribute("groups", groups.stream().map(ErrorsPage::group).toList());
        model.addAttribute("hasErrors", groups.stream().anyMatch(g -> "error".equals(g.severity())));
        model.addAttribute("filter", shown);
        List<ProductErrors.ErrorRow> found = errors.page(store.id(), filter, 0, PAGE_SIZE, cursor);
        model.addAttribute("rows", found.stream().map(ErrorsPage::row).toList());
        ProductErrors.Total total = errors.count(store.id(), filter);
        model.addAttribute("total", total.value());
        model.addAttribute("totalText", (total.exact() ? "" : "More than ") + Words.count(total.value(), "error"));
        model.addAttribute("pageNumber", previous.size() + 1);
        model.addAttribute("current", link(shown, cursor, previous));
        if (found.size() == PAGE_SIZE) {
            List<Long> next = new ArrayList<>(previous);
            next.add(cursor.orElse(0L));
            model.addAttribute("nextLink", link(shown, Optional.of(found.get(found.size() - 1).id()), next));
        }
        if (cursor.isPresent()) {
            List<Long> back = new ArrayList<>(previous);
            Long last = back.isEmpty() ? 0L : back.remove(back.size() - 1);
            model.addAttribute("prevLink", link(shown, last == 0L ? Optional.empty() : Optional.of(last), back));
        }
        model.addAttribute("csvLink", UriComponentsBuilder.fromPath("/api/meta-commerce/products/errors.csv")
                .queryParamIfPresent("category", text(shown.category()))
                .queryParamIfPresent("source", text(shown.source()))
                .queryParamIfPresent("severity", text(shown.severity()))
                .queryParamIfPresent("q", text(shown.q())).encode().build().toUriString());
        model.addAttribute("filtered", filter.category().isPresent() || filter.source().isPresent()
                || filter.severity().isPresent() || filter.query().isPresent());
        return InstagramPage.VIEW;
    }

    private static GroupView group(ProductErrors.Group g) {
        String link = UriComponentsBuilder.fromPath(InstagramPage.PATH).queryParam("tab", "errors")
                .queryParam("category", g.category()).queryParam("source", g.source())
                .queryParam("severity", g.severity()).encode().build().toUriString() + "#errors-table";
        return new GroupView(ErrorAdvice.title(g.code(), g.field()), g.products(), g.count(),
                ErrorAdvice.whatToDo(g.code(), g.field(), g.source(), g.severity()), g.example(), g.source(),
                g.severity(), link);
    }

    private static RowView row(ProductErrors.ErrorRow e) {
        return new RowView(e.productId(), e.retailerId(), e.message(), category(e.category()),
                "local".equals(e.source()) ? "Local" : "Meta", e.severity(),
                e.field() == null || e.field().isEmpty() ? "—" : e.field(), InstagramPage.when(e.time()));
    }

    private static String link(FilterView f, Optional<Long> before, List<Long> trail) {
        return UriComponentsBuilder.fromPath(InstagramPage.PATH).queryParam("tab", "errors")
                .queryParamIfPresent("category", text(f.category())).queryParamIfPresent("source", text(f.source()))
                .queryParamIfPresent("severity", text(f.severity())).queryParamIfPresent("q", text(f.q()))
                .queryParamIfPresent("before", before)
                .queryParamIfPresent("trail", trail.isEmpty() ? Optional.empty()
                        : Optional.of(String.join(",", trail.stream().map(String::valueOf).toList())))
                .encode().build().toUriString();
    }

    /** The previous pages' cursors (0 for the first page); at most {@value #MAX_TRAIL} are kept. */
    private static List<Long> trail(String trail) {
        if (trail.isBlank()) {
            return List.of();
        }
        try {
            List<Long> ids = Arrays.stream(trail.split(",")).map(String::strip).map(Long::parseLong)
                    .filter(id -> id >= 0).toList();
            return ids.size() > MAX_TRAIL ? ids.subList(ids.size() - MAX_TRAIL, ids.size()) : ids;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("trail", "Parameter 'trail' must be the cursors of the previous pages.");
        }
    }

    private static String category(String c) {
        return switch (c) {
            case "product_error" -> "Product";
            case "catalog_error" -> "Catalog";
            case "authentication_error" -> "Connection";
            case "permission_error" -> "Permission";
            case "rate_limit_error" -> "Rate limit";
            case "network_error" -> "Network";
            default -> "Other";
        };
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
