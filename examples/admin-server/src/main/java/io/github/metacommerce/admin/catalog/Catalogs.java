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
import org.springframework.stereotype.Component;

/**
 * The businesses and catalogs a store's token can see, creating a catalog and selecting them; for the REST routes
 * and the Catalog tab alike. A selection is accepted only for ids Meta lists for the token; names and counts
 * always come from Meta.
 */
@Component
class Catalogs {
    private static final Logger log = LoggerFactory.getLogger(Catalogs.class);

    private final MetaAccess meta;
    private final MetaConnections connections;

    Catalogs(MetaAccess meta, MetaConnections connections) {
        this.meta = meta;
        this.connections = connections;
    }

    List<Business> businesses(CurrentStore store) {
        return meta.call(store, graph -> graph.businesses().stream().toList());
    }

    List<Catalog> catalogs(CurrentStore store) {
        String businessId = selectedBusiness(store);
        return meta.call(store, graph -> catalogsOf(graph, businessId));
    }

    Catalog create(CurrentStore store, String requestedName) {
        store.requireOwner("create a catalog");
        String name = requestedName == null ? "" : requestedName.trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("name", "Field 'name' is required: the new catalog's name.");
        }
        if (name.codePointCount(0, name.length()) > 200) {
            throw ApiException.badRequest("name", "Field 'name' must have at most 200 characters.");
        }
        String businessId = selectedBusiness(store);
        Catalog created = meta.call(store, graph -> graph.createCatalog(businessId, name));
        log.info("Store {} created catalog {} under business {}", store.id(), created.id(), businessId);
        return created;
    }

    Business selectBusiness(CurrentStore store, String businessId) {
        store.requireOwner("select a business");
        String id = ApiException.requireText(businessId, "businessId");
        Business business = meta.call(store, graph -> graph.businesses().stream()
                        .filter(b -> b.id().equals(id)).findFirst())
                .orElseThrow(() -> ApiException.badRequest("businessId",
                        "Business " + id + " is not one the connected Facebook account can manage."));
        connections.selectBusiness(store.id(), business.id(), business.name());
        return business;
    }

    Catalog selectCatalog(CurrentStore store, String catalogId) {
        store.requireOwner("select a catalog");
        String id = ApiException.requireText(catalogId, "catalogId");
        String businessId = selectedBusiness(store);
        Catalog catalog = meta.call(store, graph -> catalogsOf(graph, businessId).stream()
                        .filter(c -> c.id().equals(id)).findFirst())
                .orElseThrow(() -> ApiException.badRequest("catalogId",
                        "Catalog " + id + " does not belong to the selected business."));
        connections.selectCatalog(store.id(), catalog.id(), catalog.name());
        return catalog;
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
}
