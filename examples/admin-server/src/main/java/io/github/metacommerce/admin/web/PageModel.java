package io.github.metacommerce.admin.web;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.SandboxMode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the sandbox banner, the signed-in user, the current store and the user's stores
 * for the switcher. The current store is resolved here for pages ({@link CurrentStoreResolver#resolveForPage}: a
 * user of several stores who chose none gets the first, remembered in the session), before the handler's own
 * {@link CurrentStore} parameter is resolved, so page handlers can simply declare one.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {
    private final boolean sandbox;
    private final CurrentStoreResolver resolver;
    private final Stores stores;

    PageModel(Environment env, CurrentStoreResolver resolver, Stores stores) {
        this.sandbox = env.getProperty(SandboxMode.ACTIVE, Boolean.class, false);
        this.resolver = resolver;
        this.stores = stores;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        model.addAttribute("sandboxMode", sandbox);
        AdminUser user = CurrentStoreResolver.signedInUser().orElse(null);
        model.addAttribute("username", user == null ? null : user.username());
        // @RestController is a @Controller too: the API keeps its own store rules (no store chosen for it here)
        if (user == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        List<Stores.Membership> mine = stores.of(user.id());
        model.addAttribute("myStores", mine);
        if (!mine.isEmpty()) {
            try {
                model.addAttribute("currentStore", resolver.resolveForPage(request));
            } catch (ApiException e) {
                // the handler's own resolution answers it
            }
        }
        String query = request.getQueryString();
        model.addAttribute("currentPath", request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
