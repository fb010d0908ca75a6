package io.github.metacommerce.admin.store;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's stores and the choice of the current one. */
@RestController
@RequestMapping("/api/meta-commerce/stores")
class StoreController {
    private final Stores stores;
    private final CurrentStoreResolver resolver;

    StoreController(Stores stores, CurrentStoreResolver resolver) {
        this.stores = stores;
        this.resolver = resolver;
    }

    record StoreView(long id, String name, String role) {
    }

    record ChooseRequest(Long storeId) {
    }

    @GetMapping
    Map<String, Object> list() {
        AdminUser user = CurrentStoreResolver.signedInUser().orElseThrow(() -> ApiException.forbidden("Sign in first."));
        List<StoreView> mine = stores.of(user.id()).stream()
                .map(m -> new StoreView(m.id(), m.name(), m.role().name().toLowerCase())).toList();
        return Map.of("stores", mine);
    }

    @PostMapping("/current")
    Map<String, Object> choose(@RequestBody ChooseRequest body, HttpServletRequest request) {
        if (body == null || body.storeId() == null) {
            throw ApiException.badRequest("storeId", "Field 'storeId' is required.");
        }
        CurrentStore store = resolver.choose(request, body.storeId());
        return Map.of("success", true, "storeId", store.id(), "storeName", store.name());
    }
}
