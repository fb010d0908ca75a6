package io.github.metacommerce.admin.web;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.connection.ConnectFlow;
import io.github.metacommerce.admin.connection.ConnectOutcome;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.spring.MetaCommerceLogin;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, the Marketplace Hub and the Instagram Shopping page. */
@Controller
class PagesController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CurrentStoreResolver stores;
    private final MetaConnections connections;
    private final MetaCommerceLogin login;
    private final ConnectFlow flow;

    PagesController(CurrentStoreResolver stores, MetaConnections connections, MetaCommerceLogin login,
            ConnectFlow flow) {
        this.stores = stores;
        this.connections = connections;
        this.login = login;
        this.flow = flow;
    }

    /** What the pages show of a connection. */
    record StatusView(boolean exists, boolean connected, String label, String businessName, String catalogName,
            String lastSync, String tokenExpires, String reason) {
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
    String hub(HttpServletRequest request, Model model) {
        CurrentStore store = stores.resolveForPage(request);
        model.addAttribute("currentStore", store);
        model.addAttribute("status", status(store));
        return "hub";
    }

    @GetMapping("/admin/integrations/instagram-shopping")
    String instagram(HttpServletRequest request, Model model, @RequestParam Optional<String> success,
            @RequestParam Optional<String> error) {
        CurrentStore store = stores.resolveForPage(request);
        model.addAttribute("currentStore", store);
        model.addAttribute("status", status(store));
        success.map(ConnectOutcome::successMessage).ifPresent(m -> model.addAttribute("successMessage", m));
        error.map(ConnectOutcome::errorMessage).ifPresent(m -> model.addAttribute("errorMessage", m));
        return "instagram";
    }

    @PostMapping("/admin/integrations/instagram-shopping/connect")
    String connect(HttpServletRequest request) {
        CurrentStore store = stores.resolveForPage(request).requireOwner("connect the store to Meta");
        return "redirect:" + login.loginUrl(store.storeKey());
    }

    @PostMapping("/admin/integrations/instagram-shopping/disconnect")
    String disconnect(HttpServletRequest request) {
        CurrentStore store = stores.resolveForPage(request).requireOwner("disconnect the store from Meta");
        ConnectFlow.Disconnected result = flow.disconnect(store);
        return "redirect:/admin/integrations/instagram-shopping?success=disconnected"
                + (result.existed() && !result.revoked() ? "&warning=not_revoked" : "");
    }

    private StatusView status(CurrentStore store) {
        Optional<MetaConnection> c = connections.find(store.id());
        if (c.isEmpty()) {
            return new StatusView(false, false, "Not connected", null, null, null, null, null);
        }
        MetaConnection m = c.get();
        String label = m.usable() ? "Connected" : "Reconnect required";
        String reason = m.usable() ? null : "Meta no longer accepts this connection ("
                + m.statusReason().orElse("token expired or revoked") + "). Reconnect with Facebook.";
        return new StatusView(true, m.usable(), label, m.businessName().orElse(null), m.catalogName().orElse(null),
                m.lastSyncAt().map(WHEN::format).orElse(null), m.tokenExpiresAt().map(WHEN::format).orElse(null),
                reason);
    }
}
