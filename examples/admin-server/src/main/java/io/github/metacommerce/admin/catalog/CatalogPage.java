package io.github.metacommerce.admin.catalog;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.web.InstagramPage;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Catalog tab: choose the business and the catalog (with their product counts), or create a catalog. */
@Controller
class CatalogPage {
    private static final String BACK = "redirect:" + InstagramPage.PATH + "?tab=catalog";

    private final InstagramPage page;
    private final Catalogs catalogs;
    private final MetaConnections connections;

    CatalogPage(InstagramPage page, Catalogs catalogs, MetaConnections connections) {
        this.page = page;
        this.catalogs = catalogs;
        this.connections = connections;
    }

    /** A business as the select shows it. */
    record BusinessOption(String id, String name) {
    }

    /** A catalog as the select shows it. */
    record CatalogOption(String id, String name, long productCount) {
    }

    @GetMapping(path = InstagramPage.PATH, params = "tab=catalog")
    String tab(CurrentStore store, Model model) {
        InstagramPage.Status status = page.prepare(store, "catalog", model);
        Optional<MetaConnection> c = connections.find(store.id());
        String businessId = c.flatMap(MetaConnection::businessId).orElse(null);
        model.addAttribute("selectedBusinessId", businessId);
        model.addAttribute("selectedCatalogId", c.flatMap(MetaConnection::catalogId).orElse(null));
        model.addAttribute("businesses", List.of());
        model.addAttribute("catalogs", List.of());
        if (!InstagramPage.enabled(status, "catalog")) {
            return InstagramPage.VIEW;
        }
        try {
            model.addAttribute("businesses", catalogs.businesses(store).stream()
                    .map(b -> new BusinessOption(b.id(), b.name())).toList());
            if (businessId != null) {
                model.addAttribute("catalogs", catalogs.catalogs(store).stream()
                        .map(k -> new CatalogOption(k.id(), k.name(), k.productCount())).toList());
            }
        } catch (RuntimeException e) {
            model.addAttribute("metaError", ApiException.pageMessage(e));
        }
        return InstagramPage.VIEW;
    }

    @PostMapping(InstagramPage.PATH + "/business")
    String business(CurrentStore store, @RequestParam(defaultValue = "") String businessId, RedirectAttributes flash) {
        return act(flash, () -> "Business " + catalogs.selectBusiness(store, businessId).name()
                + " selected. Now choose or create its catalog.");
    }

    @PostMapping(InstagramPage.PATH + "/catalog")
    String catalog(CurrentStore store, @RequestParam(defaultValue = "") String catalogId, RedirectAttributes flash) {
        return act(flash, () -> "Catalog " + catalogs.selectCatalog(store, catalogId).name()
                + " selected. You can sync the products now (Sync tab).");
    }

    @PostMapping(InstagramPage.PATH + "/catalogs")
    String create(CurrentStore store, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        return act(flash, () -> {
            String id = catalogs.create(store, name).id();
            return "Catalog " + catalogs.selectCatalog(store, id).name() + " created and selected for this store.";
        });
    }

    /** Does it; the outcome (or what went wrong, in plain words) is the next page's flash message. */
    private static String act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("flashSuccess", action.get());
        } catch (RuntimeException e) {
            flash.addFlashAttribute("flashError", ApiException.pageMessage(e));
        }
        return BACK;
    }
}
