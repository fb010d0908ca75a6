package io.github.metacommerce.admin.catalog;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.Catalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes 7 to 11: the businesses and catalogs the store's token can see, creating a catalog, and selecting them
 * (checked by {@link Catalogs}).
 */
@RestController
@RequestMapping("/api/meta-commerce")
class CatalogController {
    private final Catalogs catalogs;

    CatalogController(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    record SelectBusiness(String businessId, String businessName) {
    }

    record SelectCatalog(String catalogId, String catalogName) {
    }

    record CreateCatalog(String name) {
    }

    @GetMapping("/businesses")
    Map<String, Object> businesses(CurrentStore store) {
        List<Map<String, Object>> list = catalogs.businesses(store).stream().map(CatalogController::business).toList();
        return Map.of("businesses", list);
    }

    @GetMapping("/catalogs")
    Map<String, Object> catalogs(CurrentStore store) {
        List<Map<String, Object>> list = catalogs.catalogs(store).stream().map(CatalogController::catalog).toList();
        return Map.of("catalogs", list);
    }

    @PostMapping("/catalogs")
    Map<String, Object> create(CurrentStore store, @RequestBody CreateCatalog body) {
        Catalog created = catalogs.create(store, body == null ? null : body.name());
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("id", created.id());
        catalog.put("name", created.name());
        return Map.of("catalog", catalog);
    }

    @PutMapping("/businesses/select")
    Map<String, Object> selectBusiness(CurrentStore store, @RequestBody SelectBusiness body) {
        catalogs.selectBusiness(store, body == null ? null : body.businessId());
        return Map.of("success", true);
    }

    @PutMapping("/catalogs/select")
    Map<String, Object> selectCatalog(CurrentStore store, @RequestBody SelectCatalog body) {
        catalogs.selectCatalog(store, body == null ? null : body.catalogId());
        return Map.of("success", true);
    }

    private static Map<String, Object> business(Business b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("name", b.name());
        m.put("profile_picture_uri", null);
        return m;
    }

    private static Map<String, Object> catalog(Catalog c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("product_count", c.productCount());
        m.put("vertical", c.vertical());
        return m;
    }
}
