package io.github.metacommerce.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.catalog.ProductQuery;
import java.util.List;

/**
 * Typed Graph API calls made with one merchant's access token. Obtain one from
 * {@link io.github.metacommerce.MetaCommerceClient#graph(String)}; it is immutable, thread-safe and cheap, so
 * derive one per token rather than caching it.
 *
 * <pre>{@code
 * GraphClient graph = client.graph(merchantToken);
 * for (Business business : graph.businesses()) {
 *     graph.ownedCatalogs(business.id()).forEach(c -> log.info("{}: {}", business.name(), c.name()));
 * }
 * }</pre>
 *
 * <p>Every call sends the token in the {@code Authorization: Bearer} header (never in a URL) together with
 * {@code appsecret_proof}. GETs are retried on transient failures; writes are not. Failures are thrown as
 * {@link io.github.metacommerce.exception.MetaCommerceException} subclasses; arguments are checked before any I/O
 * and a null or blank id fails with an {@link IllegalArgumentException} that names the parameter.
 */
public interface GraphClient {

    /**
     * Lists the businesses the token's user can act for ({@code GET /me/businesses}).
     *
     * @return the businesses, paged lazily
     */
    PageIterable<Business> businesses();

    /**
     * Lists the catalogs a business owns ({@code GET /{business}/owned_product_catalogs}).
     *
     * @param businessId the business id
     * @return the catalogs, paged lazily
     */
    PageIterable<Catalog> ownedCatalogs(String businessId);

    /**
     * Lists the catalogs of client businesses this business may use ({@code GET /{business}/client_product_catalogs}).
     *
     * @param businessId the (agency) business id
     * @return the catalogs, paged lazily
     */
    PageIterable<Catalog> clientCatalogs(String businessId);

    /**
     * Creates a commerce catalog owned by a business ({@code POST /{business}/owned_product_catalogs} with
     * {@code vertical=commerce}). Not retried: a lost response could otherwise create two catalogs.
     *
     * @param businessId the business id
     * @param name the catalog name
     * @return the new catalog (with 0 products)
     */
    Catalog createCatalog(String businessId, String name);

    /**
     * Reads one catalog ({@code GET /{catalog}}).
     *
     * @param catalogId the catalog id
     * @return the catalog
     * @throws io.github.metacommerce.exception.CatalogAccessException if it does not exist or is out of reach
     */
    Catalog catalog(String catalogId);

    /**
     * Reads the items of a catalog ({@code GET /{catalog}/products}), optionally only some retailer ids.
     *
     * @param catalogId the catalog id
     * @param query the fields, retailer-id filter and page size
     * @return the items, paged lazily
     */
    PageIterable<CatalogItemSnapshot> products(String catalogId, ProductQuery query);

    /**
     * Sends one items_batch call ({@code POST /{catalog}/items_batch}, {@code item_type=PRODUCT_ITEM}). Not retried
     * here: {@link io.github.metacommerce.sync.CatalogSync} paces and retries batches.
     *
     * @param catalogId the catalog id
     * @param requests 1 to 5,000 requests
     * @param allowUpsert whether UPDATE creates missing items (Meta's default is true)
     * @return the handle and the immediate per-item validation
     * @throws IllegalArgumentException if there are no requests or more than 5,000
     */
    ItemsBatchResponse itemsBatch(String catalogId, List<ItemRequest> requests, boolean allowUpsert);

    /**
     * Sends one localized_items_batch call with per-language overrides; they never create items.
     *
     * @param catalogId the catalog id
     * @param language Meta's language value, e.g. {@code fr_XX}
     * @param requests 1 to 5,000 UPDATE requests with the overridden fields
     * @return the handle and the immediate per-item validation
     */
    ItemsBatchResponse localizedItemsBatch(String catalogId, String language, List<ItemRequest> requests);

    /**
     * Reads the state of a batch ({@code GET /{catalog}/check_batch_request_status}, with
     * {@code load_ids_of_invalid_requests}). Retried on transient failures.
     *
     * @param catalogId the catalog id
     * @param handle the handle from {@link #itemsBatch}
     * @return the status with errors and warnings
     */
    BatchStatus batchStatus(String catalogId, String handle);

    /**
     * Revokes every permission the user granted the app ({@code DELETE /me/permissions}); the token stops working.
     */
    void revokePermissions();

    /**
     * Calls any Graph path the SDK does not model yet. The SDK adds the version, the token header and the proof,
     * maps errors and retries GETs.
     *
     * @param request the path and parameters
     * @return the decoded JSON body with status and usage
     */
    GraphResponse<JsonNode> raw(GraphRequest request);
}
