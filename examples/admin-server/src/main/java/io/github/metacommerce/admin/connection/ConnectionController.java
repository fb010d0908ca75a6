package io.github.metacommerce.admin.connection;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.spring.MetaCommerceLogin;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes 1 to 4: the login dialog URL, the OAuth callback, disconnecting, and the connection's status. */
@RestController
@RequestMapping("/api/meta-commerce")
class ConnectionController {
    /** Where the callback sends the merchant's browser. */
    static final String PAGE = "/admin/integrations/instagram-shopping";

    private final MetaCommerceLogin login;
    private final ConnectFlow flow;
    private final MetaConnections connections;

    ConnectionController(MetaCommerceLogin login, ConnectFlow flow, MetaConnections connections) {
        this.login = login;
        this.flow = flow;
        this.connections = connections;
    }

    @PostMapping("/auth/url")
    Map<String, Object> authUrl(CurrentStore store) {
        store.requireOwner("connect the store to Meta");
        return Map.of("url", login.loginUrl(store.storeKey()).toString());
    }

    @GetMapping("/auth/callback")
    ResponseEntity<Void> callback(HttpServletRequest request) {
        String outcome = flow.complete(request.getQueryString() == null ? "" : request.getQueryString());
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, PAGE + "?" + outcome).build();
    }

    @PostMapping("/auth/disconnect")
    Map<String, Object> disconnect(CurrentStore store) {
        store.requireOwner("disconnect the store from Meta");
        ConnectFlow.Disconnected result = flow.disconnect(store);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("disconnected", result.existed());
        answer.put("revoked", result.revoked());
        if (result.existed() && !result.revoked()) {
            answer.put("warning", "Meta did not confirm that the app's access was revoked; the connection was removed "
                    + "here. You can also remove the app in Facebook's Business Integrations settings.");
        }
        return answer;
    }

    @GetMapping("/status")
    Map<String, Object> status(CurrentStore store) {
        Map<String, Object> answer = new LinkedHashMap<>();
        connections.find(store.id()).ifPresentOrElse(c -> {
            answer.put("connected", c.usable());
            answer.put("connectionStatus", c.status());
            c.statusReason().ifPresent(r -> answer.put("connectionStatusReason", r));
            answer.put("catalogId", c.catalogId().orElse(null));
            answer.put("catalogName", c.catalogName().orElse(null));
            answer.put("businessId", c.businessId().orElse(null));
            answer.put("businessName", c.businessName().orElse(null));
            answer.put("lastSyncAt", c.lastSyncAt().map(Instant::toString).orElse(null));
            answer.put("syncStatus", c.syncStatus());
            answer.put("tokenExpires", c.tokenExpiresAt().map(Instant::toString).orElse(null));
        }, () -> answer.put("connected", false));
        return answer;
    }
}
