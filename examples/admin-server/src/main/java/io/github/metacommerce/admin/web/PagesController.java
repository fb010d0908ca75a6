package io.github.metacommerce.admin.web;

import io.github.metacommerce.admin.connection.ConnectFlow;
import io.github.metacommerce.admin.connection.ConnectOutcome;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.spring.MetaCommerceLogin;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in page, the Marketplace Hub and the Instagram Shopping page's Connection tab (its default tab; the
 * other tabs are mapped in their feature packages).
 */
@Controller
class PagesController {
    private final InstagramPage page;
    private final MetaCommerceLogin login;
    private final ConnectFlow flow;

    PagesController(InstagramPage page, MetaCommerceLogin login, ConnectFlow flow) {
        this.page = page;
        this.login = login;
        this.flow = flow;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/admin/marketplace-hub";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/admin/marketplace-hub")
    String hub(CurrentStore store, Model model) {
        model.addAttribute("status", page.status(store));
        return "hub";
    }

    /** The Connection tab: also the landing of the OAuth callback ({@code ?success=} or {@code ?error=}). */
    @GetMapping(InstagramPage.PATH)
    String connection(CurrentStore store, Model model, @RequestParam Optional<String> success,
            @RequestParam Optional<String> error, @RequestParam Optional<String> warning) {
        page.prepare(store, "connection", model);
        success.map(ConnectOutcome::successMessage).ifPresent(m -> model.addAttribute("flashSuccess", m));
        error.map(ConnectOutcome::errorMessage).ifPresent(m -> model.addAttribute("flashError", m));
        warning.filter("not_revoked"::equals).ifPresent(w -> model.addAttribute("flashWarning",
                "The token was deleted here, but Meta could not be told to revoke it. To remove the app's access, "
                        + "open Facebook's Settings, Business Integrations."));
        return InstagramPage.VIEW;
    }

    @PostMapping(InstagramPage.PATH + "/connect")
    String connect(CurrentStore store, RedirectAttributes flash) {
        if (!owner(store, "connect the store to Meta", flash)) {
            return "redirect:" + InstagramPage.PATH;
        }
        return "redirect:" + login.loginUrl(store.storeKey());
    }

    @PostMapping(InstagramPage.PATH + "/disconnect")
    String disconnect(CurrentStore store, RedirectAttributes flash) {
        if (!owner(store, "disconnect the store from Meta", flash)) {
            return "redirect:" + InstagramPage.PATH;
        }
        ConnectFlow.Disconnected result = flow.disconnect(store);
        return "redirect:" + InstagramPage.PATH + "?success=disconnected"
                + (result.existed() && !result.revoked() ? "&warning=not_revoked" : "");
    }

    /** Whether the user is an owner; a staff member is told so on the page (not in a JSON error). */
    private static boolean owner(CurrentStore store, String action, RedirectAttributes flash) {
        try {
            store.requireOwner(action);
            return true;
        } catch (ApiException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return false;
        }
    }
}
