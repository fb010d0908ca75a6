package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.catalog.BatchMessage;
import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.CatalogItemSnapshot;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemValidation;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.catalog.ProductQuery;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.graph.GraphRequest;
import io.github.metacommerce.graph.GraphResponse;
import io.github.metacommerce.graph.HttpMethod;
import io.github.metacommerce.graph.PageIterable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link GraphClient} bound to one access token. */
public final class DefaultGraphClient implements GraphClient {
    static final String BUSINESS_FIELDS = "id,name,verification_status";
    static final String CATALOG_FIELDS = "id,name,product_count,vertical";
    private static final int LIST_LIMIT = 100;
    /** Meta's cap on requests per items_batch call. */
    public static final int MAX_BATCH_REQUESTS = 5000;

    private final GraphHttp http;
    private final String token;

    /**
     * Binds a transport to a token.
     *
     * @param http the shared transport
     * @param token the access token
     */
    public DefaultGraphClient(GraphHttp http, String token) {
        this.http = http;
        this.token = Args.requireText(token, "accessToken");
    }

    @Override
    public PageIterable<Business> businesses() {
        return new PagedList<>(http, get("me/businesses", Map.of("fields", BUSINESS_FIELDS,
                "limit", Integer.toString(LIST_LIMIT)), ErrorContext.GENERAL), DefaultGraphClient::business);
    }

    @Override
    public PageIterable<Catalog> ownedCatalogs(String businessId) {
        String id = Args.requireId(businessId, "businessId");
        return new PagedList<>(http, get(id + "/owned_product_catalogs", catalogListParams(), ErrorContext.GENERAL),
                DefaultGraphClient::catalog);
    }

    @Override
    public PageIterable<Catalog> clientCatalogs(String businessId) {
        String id = Args.requireId(businessId, "businessId");
        return new PagedList<>(http, get(id + "/client_product_catalogs", catalogListParams(), ErrorContext.GENERAL),
                DefaultGraphClient::catalog);
    }

    @Override
    public Catalog createCatalog(String businessId, String name) {
        String id = Args.requireId(businessId, "businessId");
        String catalogName = Args.requireText(name, "name");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", catalogName);
        params.put("vertical", "commerce");
        GraphResult r = http.execute(GraphCallSpec.of(HttpMethod.POST, id + "/owned_product_catalogs", params, token,
                ErrorContext.GENERAL));
        String newId = Json.text(r.body(), "id").orElseThrow(() -> new GraphResponseParseException(
                "catalog creation answered without an id", r.status(), Redactor.of().snippet(r.body().toString(), 200),
                null));
        return Catalog.of(newId, catalogName, 0, "commerce");
    }

    @Override
    public Catalog catalog(String catalogId) {
        String id = Args.requireId(catalogId, "catalogId");
        GraphResult r = http.execute(get(id, Map.of("fields", CATALOG_FIELDS), ErrorContext.CATALOG));
        return catalog(r.body());
    }

    @Override
    public PageIterable<CatalogItemSnapshot> products(String catalogId, ProductQuery query) {
        String id = Args.requireId(catalogId, "catalogId");
        if (query == null) {
            throw new IllegalArgumentException("query must not be null; use ProductQuery.all()");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fields", String.join(",", query.fields()));
        params.put("limit", Integer.toString(query.pageSize()));
        if (!query.retailerIds().isEmpty()) {
            params.put("filter", retailerIdFilter(query.retailerIds()));
        }
        return new PagedList<>(http, get(id + "/products", params, ErrorContext.CATALOG),
                DefaultGraphClient::product);
    }

    @Override
    public ItemsBatchResponse itemsBatch(String catalogId, List<ItemRequest> requests, boolean allowUpsert) {
        String id = Args.requireId(catalogId, "catalogId");
        byte[] body = requestsBody("{\"item_type\":\"PRODUCT_ITEM\",\"allow_upsert\":" + allowUpsert
                + ",\"requests\":", requests);
        GraphResult r = http.execute(GraphCallSpec.jsonPost(id + "/items_batch", body, token, ErrorContext.CATALOG));
        return batchResponse(r);
    }

    @Override
    public ItemsBatchResponse localizedItemsBatch(String catalogId, String language, List<ItemRequest> requests) {
        String id = Args.requireId(catalogId, "catalogId");
        String lang = Args.requireText(language, "language");
        Map<String, String> localization = new LinkedHashMap<>();
        localization.put("type", "LANGUAGE");
        localization.put("value", lang);
        byte[] body = requestsBody("{\"item_type\":\"PRODUCT_ITEM\",\"localization\":" + Json.write(localization)
                + ",\"requests\":", requests);
        GraphResult r = http.execute(GraphCallSpec.jsonPost(id + "/localized_items_batch", body, token,
                ErrorContext.CATALOG));
        return batchResponse(r);
    }

    @Override
    public BatchStatus batchStatus(String catalogId, String handle) {
        String id = Args.requireId(catalogId, "catalogId");
        String h = Args.requireText(handle, "handle");
        GraphResult r = http.execute(get(id + "/check_batch_request_status",
                Map.of("handle", h, "load_ids_of_invalid_requests", "true"), ErrorContext.CATALOG));
        JsonNode data = r.body().path("data");
        JsonNode entry = data.isArray() && data.size() > 0 ? data.get(0) : r.body();
        if (!entry.isObject() || !entry.has("status")) {
            throw new GraphResponseParseException("check_batch_request_status answered without a status", r.status(),
                    Redactor.of(token).snippet(r.body().toString(), 200), null);
        }
        for (String list : List.of("errors", "warnings", "ids_of_invalid_requests")) {
            JsonNode n = entry.get(list);
            if (n != null && !n.isNull() && !n.isArray()) {
                // an answer that does not fit its request is not taken as "no errors"
                throw new GraphResponseParseException("check_batch_request_status answered \"" + list
                        + "\" that is not a list", r.status(), Redactor.of(token).snippet(r.body().toString(), 200),
                        null);
            }
        }
        return BatchStatus.of(Json.text(entry, "handle").orElse(h), Json.text(entry, "status").orElse(""),
                messages(entry.get("errors")), messages(entry.get("warnings")),
                Json.number(entry, "errors_total_count").orElse(0L).intValue(),
                Json.number(entry, "warnings_total_count").orElse(0L).intValue(),
                Json.strings(entry, "ids_of_invalid_requests"), r.usage());
    }

    /**
     * A batch call's JSON body, without its closing brace (the transport adds the proof and closes it): the fields
     * before {@code requests}, then the requests' own bytes joined into an array, copied once into an array of the
     * exact size, never re-serialised.
     *
     * @param head the object's opening and fields up to {@code "requests":}
     */
    static byte[] requestsBody(String head, List<ItemRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("requests must not be null or empty");
        }
        if (requests.size() > MAX_BATCH_REQUESTS) {
            throw new IllegalArgumentException("requests must be at most " + MAX_BATCH_REQUESTS + " per call, was "
                    + requests.size());
        }
        if (Text.firstUnpairedSurrogate(head) >= 0) {
            throw new IllegalArgumentException("The call's parameters are not valid Unicode: an unpaired UTF-16 "
                    + "surrogate has no UTF-8 form. They were not sent, because encoding them would silently change "
                    + "them to '?'.");
        }
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        long size = start.length + 2L + requests.size() - 1;
        for (ItemRequest request : requests) {
            size += request.sizeInBytes();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the requests of one call must fit in 2 GB, were " + size + " bytes");
        }
        ArraySink out = new ArraySink(new byte[(int) size]);
        out.write(start, 0, start.length);
        out.write('[');
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            try {
                requests.get(i).writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.write(']');
        return out.full();
    }

    /** Writes into an array of the exact size. */
    private static final class ArraySink extends OutputStream {
        private final byte[] bytes;
        private int size;

        ArraySink(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] full() {
            if (size != bytes.length) {
                throw new IllegalStateException("the requests wrote " + size + " bytes, not " + bytes.length);
            }
            return bytes;
        }
    }

    private static ItemsBatchResponse batchResponse(GraphResult r) {
        List<ItemValidation> status = new ArrayList<>();
        JsonNode vs = r.body().get("validation_status");
        if (vs != null && vs.isArray()) {
            for (JsonNode v : vs) {
                status.add(ItemValidation.of(Json.text(v, "retailer_id").orElse(""), messageTexts(v.get("errors")),
                        messageTexts(v.get("warnings"))));
            }
        }
        return ItemsBatchResponse.of(Json.strings(r.body(), "handles"), status, r.usage());
    }

    private static List<String> messageTexts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(m -> out.add(m.isTextual() ? m.asText() : Json.text(m, "message").orElse(m.toString())));
        }
        return out;
    }

    private static List<BatchMessage> messages(JsonNode array) {
        List<BatchMessage> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode m : array) {
                out.add(BatchMessage.of(Json.text(m, "id").orElse(Json.text(m, "retailer_id").orElse("")),
                        Json.number(m, "line").orElse(0L).intValue(), Json.text(m, "message").orElse(m.toString())));
            }
        }
        return out;
    }

    @Override
    public void revokePermissions() {
        GraphResult r = http.execute(GraphCallSpec.of(HttpMethod.DELETE, "me/permissions", Map.of(), token,
                ErrorContext.GENERAL));
        if (!r.body().path("success").asBoolean(false)) {
            throw new GraphResponseParseException("Meta did not confirm the revocation (no \"success\":true)",
                    r.status(), Redactor.of(token).snippet(r.body().toString(), 200), null);
        }
    }

    @Override
    public GraphResponse<JsonNode> raw(GraphRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        return http.execute(GraphCallSpec.of(request.method(), request.path(), request.params(), token,
                ErrorContext.GENERAL)).toResponse();
    }

    @Override
    public String toString() {
        return "GraphClient[accessToken=****]";
    }

    /**
     * Builds Meta's product filter for retailer ids: {@code eq} for one id, {@code is_any} for several.
     *
     * @param ids the retailer ids
     * @return the filter JSON
     */
    static String retailerIdFilter(List<String> ids) {
        Object rule = ids.size() == 1 ? Map.of("eq", ids.get(0)) : Map.of("is_any", ids);
        return Json.write(Map.of("retailer_id", rule));
    }

    private GraphCallSpec get(String path, Map<String, String> params, ErrorContext context) {
        return GraphCallSpec.of(HttpMethod.GET, path, params, token, context);
    }

    private static Map<String, String> catalogListParams() {
        return Map.of("fields", CATALOG_FIELDS, "limit", Integer.toString(LIST_LIMIT));
    }

    static Business business(JsonNode n) {
        return Business.of(requireId(n), Json.text(n, "name").orElse(""), Json.text(n, "verification_status"));
    }

    static Catalog catalog(JsonNode n) {
        return Catalog.of(requireId(n), Json.text(n, "name").orElse(""),
                Json.number(n, "product_count").orElse(0L), Json.text(n, "vertical").orElse(""));
    }

    static CatalogItemSnapshot product(JsonNode n) {
        return CatalogItemSnapshot.of(requireId(n), Json.text(n, "retailer_id").orElse(""), Json.toMap(n));
    }

    private static String requireId(JsonNode n) {
        return Json.text(n, "id").filter(s -> !s.isBlank()).orElseThrow(() -> new GraphResponseParseException(
                "Graph object without an id", 200, Redactor.of().snippet(String.valueOf(n), 200), null));
    }
}
