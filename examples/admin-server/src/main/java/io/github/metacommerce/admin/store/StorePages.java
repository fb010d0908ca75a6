package io.github.metacommerce.admin.store;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The header's store switcher: the same membership check as {@code POST /api/meta-commerce/stores/current}. */
@Controller
class StorePages {
    private final CurrentStoreResolver resolver;

    StorePages(CurrentStoreResolver resolver) {
        this.resolver = resolver;
    }

    @PostMapping("/admin/stores/current")
    String choose(HttpServletRequest request, @RequestParam long storeId,
            @RequestParam(defaultValue = "/admin/marketplace-hub") String next, RedirectAttributes flash) {
        CurrentStore store = resolver.choose(request, storeId);
        flash.addFlashAttribute("flashSuccess", "Now working on " + store.name() + ".");
        return "redirect:" + localPage(next);
    }

    /** Only a page of this server: never another host, so the switcher cannot redirect elsewhere. */
    static String localPage(String next) {
        boolean local = next.startsWith("/admin/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(c -> c < 0x20);
        return local ? next : "/admin/marketplace-hub";
    }
}
