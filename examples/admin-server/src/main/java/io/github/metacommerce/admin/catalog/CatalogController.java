package io.github.metacommerce.admin.catalog;

import io.github.metacommerce.admin.connection.MetaAccess;
import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.graph.GraphClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes 7 to 11: the businesses and catalogs the store's token can see, creating a catalog, and selecting them.
 * A selection is accepted only for ids Meta lists for the token; names and counts always come from Meta.
 */
@RestController
@RequestMapping("/api/meta-commerce")
class CatalogController {
    private static final Logger log = LoggerFactory.getLogger(CatalogController.class);

    private final MetaAccess meta;
    private final MetaConnections connections;

    CatalogController(MetaAccess meta, MetaConnections connections) {
        this.meta = meta;
        this.connections = connections;
    }

    record SelectBusiness(String businessId, String businessName) {
    }

    record SelectCatalog(String catalogId, String catalogName) {
    }

    record CreateCatalog(String name) {
    }

    @GetMapping("/businesses")
    Map<String, Object> businesses(CurrentStore store) {
        List<Map<String, Object>> list = meta.call(store, graph -> graph.businesses().stream().toList()).stream()
                .map(CatalogController::business).toList();
        return Map.of("businesses", list);
    }

    @GetMapping("/catalogs")
    Map<String, Object> catalogs(CurrentStore store) {
        String businessId = selectedBusiness(store);
        List<Map<String, Object>> list = meta.call(store, graph -> catalogsOf(graph, businessId)).stream()
                .map(CatalogController::catalog).toList();
        return Map.of("catalogs", list);
    }

    @PostMapping("/catalogs")
    Map<String, Object> create(CurrentStore store, @RequestBody CreateCatalog body) {
        store.requireOwner("create a catalog");
        String name = body == null || body.name() == null ? "" : body.name().trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("name", "Field 'name' is required: the new catalog's name.");
        }
        if (name.codePointCount(0, name.length()) > 200) {
            throw ApiException.badRequest("name", "Field 'name' must have at most 200 characters.");
        }
        String businessId = selectedBusiness(store);
        Catalog created = meta.call(store, graph -> graph.createCatalog(businessId, name));
        log.info("Store {} created catalog {} under business {}", store.id(), created.id(), businessId);
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("id", created.id());
        catalog.put("name", created.name());
        return Map.of("catalog", catalog);
    }

    @PutMapping("/businesses/select")
    Map<String, Object> selectBusiness(CurrentStore store, @RequestBody SelectBusiness body) {
        store.requireOwner("select a business");
        String id = ApiException.requireText(body == null ? null : body.businessId(), "businessId");
        Business business = meta.call(store, graph -> graph.businesses().stream()
                        .filter(b -> b.id().equals(id)).findFirst())
                .orElseThrow(() -> ApiException.badRequest("businessId",
                        "Business " + id + " is not one the connected Facebook account can manage."));
        connections.selectBusiness(store.id(), business.id(), business.name());
        return Map.of("success", true);
    }

    @PutMapping("/catalogs/select")
    Map<String, Object> selectCatalog(CurrentStore store, @RequestBody SelectCatalog body) {
        store.requireOwner("select a catalog");
        String id = ApiException.requireText(body == null ? null : body.catalogId(), "catalogId");
        String businessId = selectedBusiness(store);
        Catalog catalog = meta.call(store, graph -> catalogsOf(graph, businessId).stream()
                        .filter(c -> c.id().equals(id)).findFirst())
                .orElseThrow(() -> ApiException.badRequest("catalogId",
                        "Catalog " + id + " does not belong to the selected business."));
        connections.selectCatalog(store.id(), catalog.id(), catalog.name());
        return Map.of("success", true);
    }

    private String selectedBusiness(CurrentStore store) {
        MetaConnection connection = meta.require(store);
        return connection.businessId().orElseThrow(() -> ApiException.precondition("catalog_error",
                "no_business_selected", "No business selected: select a business first."));
    }

    /** The business's owned catalogs, then the client catalogs it was given access to, each once. */
    private static List<Catalog> catalogsOf(GraphClient graph, String businessId) {
        Map<String, Catalog> byId = new LinkedHashMap<>();
        Stream.concat(graph.ownedCatalogs(businessId).stream(), graph.clientCatalogs(businessId).stream())
                .forEach(c -> byId.putIfAbsent(c.id(), c));
        return List.copyOf(byId.values());
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
