package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Graph API endpoints the sandbox speaks (everything but the OAuth dialog and the control surface). */
final class GraphEndpoints {
    static final int MAX_REQUESTS = 5000;
    private static final Set<String> PRODUCT_FIELDS = Set.of("id", "retailer_id", "name", "title", "description",
            "rich_text_description", "price", "sale_price", "sale_price_effective_date", "availability", "condition",
            "brand", "url", "link", "image_url", "image_link", "additional_image_urls", "additional_image_link",
            "review_status", "visibility", "retailer_product_group_id", "item_group_id", "color", "size", "gender",
            "age_group", "material", "pattern", "gtin", "mpn", "product_type", "google_product_category",
            "fb_product_category", "quantity_to_sell_on_facebook", "inventory", "errors", "custom_label_0",
            "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4", "updated_time");
    private static final Map<String, String> PRODUCT_ALIASES = Map.of("name", "title", "url", "link", "image_url",
            "image_link", "additional_image_urls", "additional_image_link", "retailer_product_group_id",
            "item_group_id", "inventory", "quantity_to_sell_on_facebook");

    private final World world;

    GraphEndpoints(World world) {
        this.world = world;
    }

    Reply handle(SandboxRequest r, String origin) {
        String[] s = r.segments();
        String m = r.method;
        if (s.length == 1 && s[0].equals("debug_token") && m.equals("GET")) {
            return debugToken(r);
        }
        if (s.length == 2 && s[0].equals("oauth") && s[1].equals("access_token")) {
            return new OAuthEndpoints(world).accessToken(r);
        }
        if (s.length >= 1 && s[0].equals("me")) {
            Token t = auth(r);
            if (s.length == 1 && m.equals("GET")) {
                return me(r, t);
            }
            if (s.length == 2 && s[1].equals("businesses") && m.equals("GET")) {
                requireScope(t, "business_management");
                return page(businessesJson(t, fields(r, "id,name")), r, origin);
            }
            if (s.length == 2 && s[1].equals("permissions")) {
                if (m.equals("DELETE")) {
                    return revoke(r, t);
                }
                if (m.equals("GET")) {
                    ArrayNode data = Json.MAPPER.createArrayNode();
                    t.scopes.forEach(sc -> data.addObject().put("permission", sc).put("status", "granted"));
                    ObjectNode root = Json.object();
                    root.set("data", data);
                    return Reply.json(root);
                }
            }
            throw GraphFailure.unsupportedPath(m, r.path);
        }
        if (s.length == 0 || s[0].isEmpty()) {
            throw GraphFailure.unsupportedPath(m, r.path);
        }
        Token t = auth(r);
        String id = s[0];
        if (s.length == 2 && s[1].equals("permissions") && m.equals("DELETE") && id.equals(t.userId)) {
            return revoke(r, t);
        }
        World.Business business = world.businesses.get(id);
        if (business != null) {
            return businessEdge(r, t, business, s, origin);
        }
        Catalog catalog = world.catalogs.get(id);
        if (catalog == null || !world.canAccess(t.userId, catalog)) {
            throw GraphFailure.unknownObject(id);
        }
        try {
            requireScope(t, "catalog_management");
            Reply reply = catalogEdge(r, t, catalog, s, origin);
            return reply.header("X-Business-Use-Case-Usage", catalogUsage(catalog, 0));
        } catch (GraphFailure f) {
            if (!f.headers.containsKey("X-Business-Use-Case-Usage")) {
                f.header("X-Business-Use-Case-Usage", catalogUsage(catalog, 0));
            }
            throw f;
        }
    }

    /**
     * {@code DELETE /{user}/permissions}: without {@code permission}, every token the user gave this app stops
     * working; with it, only that permission is dropped from the user's tokens.
     */
    private Reply revoke(SandboxRequest r, Token t) {
        String permission = r.param("permission");
        for (Token other : world.tokens.values()) {
            if (other.userId.equals(t.userId) && other.appId.equals(t.appId)) {
                if (permission == null) {
                    other.revoked = true;
                } else {
                    other.dropScope(permission);
                }
            }
        }
        return Reply.json(Map.of("success", true));
    }

    private Reply me(SandboxRequest r, Token t) {
        World.User u = world.users.get(t.userId);
        ObjectNode n = Json.object();
        n.put("id", u.id());
        if (fields(r, "id,name").contains("name")) {
            n.put("name", u.name());
        }
        return Reply.json(n);
    }

    private Reply businessEdge(SandboxRequest r, Token t, World.Business b, String[] s, String origin) {
        if (!b.ownerUserId().equals(t.userId)) {
            throw GraphFailure.unknownObject(b.id());
        }
        requireScope(t, "business_management");
        if (s.length == 1 && r.method.equals("GET")) {
            ObjectNode n = Json.object();
            Set<String> f = fields(r, "id,name");
            n.put("id", b.id());
            if (f.contains("name")) {
                n.put("name", b.name());
            }
            if (f.contains("verification_status")) {
                n.put("verification_status", b.verificationStatus());
            }
            return Reply.json(n);
        }
        if (s.length == 2 && s[1].equals("owned_product_catalogs")) {
            if (r.method.equals("GET")) {
                return page(catalogsJson(b.ownedCatalogs(), fields(r, "id,name")), r, origin);
            }
            if (r.method.equals("POST")) {
                requireScope(t, "catalog_management");
                String name = r.param("name");
                if (name == null || name.isBlank()) {
                    throw GraphFailure.invalidParameter("The parameter name is required");
                }
                String vertical = r.params.getOrDefault("vertical", "commerce");
                if (!Set.of("commerce", "hotels", "flights", "destinations", "home_listings", "vehicles",
                        "offline_commerce", "ticketed_experiences", "local_service_businesses")
                        .contains(vertical)) {
                    throw GraphFailure.invalidParameter("Param vertical must be one of {commerce, hotels, flights, "
                            + "destinations, home_listings, vehicles, ...}");
                }
                Catalog c = world.createCatalog(b, name.strip(), vertical);
                return Reply.json(Map.of("id", c.id));
            }
        }
        if (s.length == 2 && s[1].equals("client_product_catalogs") && r.method.equals("GET")) {
            return page(catalogsJson(b.clientCatalogs(), fields(r, "id,name")), r, origin);
        }
        throw GraphFailure.unsupportedPath(r.method, r.path);
    }

    private Reply catalogEdge(SandboxRequest r, Token t, Catalog c, String[] s, String origin) {
        if (s.length == 1) {
            if (r.method.equals("GET")) {
                return Reply.json(catalogJson(c, fields(r, "id,name")));
            }
            if (r.method.equals("DELETE")) {
                World.Business owner = world.businesses.get(c.businessId);
                if (owner == null || !owner.ownerUserId().equals(t.userId)) {
                    throw GraphFailure.permission("catalog_management");
                }
                world.deleteCatalog(c);
                return Reply.json(Map.of("success", true));
            }
        }
        if (s.length == 2) {
            switch (s[1] + " " + r.method) {
                case "products GET":
                    return products(r, c, origin);
                case "items_batch POST":
                    return itemsBatch(r, c, false);
                case "localized_items_batch POST":
                    return itemsBatch(r, c, true);
                case "check_batch_request_status GET":
                    return batchStatus(r, c);
                default:
                    break;
            }
        }
        throw GraphFailure.unsupportedPath(r.method, r.path);
    }

    private Reply itemsBatch(SandboxRequest r, Catalog c, boolean localized) {
        Instant now = world.clock.instant();
        long wait = c.tryBatchCall(now, world.settings.batchCallsPerMinute());
        if (wait >= 0) {
            long minutes = Math.max(1, (wait + 59_999_999_999L) / 60_000_000_000L);
            throw new GraphFailure(400, 80014, null, "OAuthException",
                    "(#80014) There have been too many calls for this catalog. Please wait a bit and try again.",
                    false).header("X-Business-Use-Case-Usage", catalogUsage(c, minutes));
        }
        String itemType = r.param("item_type");
        if (itemType == null) {
            throw GraphFailure.invalidParameter("The parameter item_type is required");
        }
        if (!itemType.equals("PRODUCT_ITEM")) {
            throw GraphFailure.invalidParameter("Param item_type must be one of {PRODUCT_ITEM, HOTEL, FLIGHT, "
                    + "DESTINATION, HOME_LISTING, VEHICLE, ...}; the sandbox models PRODUCT_ITEM");
        }
        if (!r.arrays.containsKey("requests") && r.param("requests") == null) {
            throw GraphFailure.invalidParameter("The parameter requests is required");
        }
        JsonNode requests = r.jsonParam("requests");
        if (requests == null || !requests.isArray()) {
            throw GraphFailure.invalidParameter("Param requests must be a JSON array");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphFailure.invalidParameter("The number of requests (" + requests.size()
                    + ") is over the limit of " + MAX_REQUESTS + " per call");
        }
        if (requests.isEmpty()) {
            throw GraphFailure.invalidParameter("Param requests must not be empty");
        }
        boolean allowUpsert = !"false".equalsIgnoreCase(r.params.getOrDefault("allow_upsert", "true"));
        String topLocalization = localized ? localization(Json.parse(r.params.getOrDefault("localization", "null")))
                : null;
        List<Batch.Line> lines = new ArrayList<>(requests.size());
        ArrayNode status = Json.MAPPER.createArrayNode();
        int valid = 0;
        int line = 0;
        for (JsonNode req : requests) {
            line++;
            String method = req.path("method").asText(localized ? "UPDATE" : "").toUpperCase(java.util.Locale.ROOT);
            JsonNode data = req.get("data");
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            String retailerId = data != null && data.hasNonNull("id") ? data.get("id").asText() : null;
            if (data == null || !data.isObject()) {
                errors.add("Missing data object");
            } else if (!localized) {
                if (!Set.of("CREATE", "UPDATE", "DELETE").contains(method)) {
                    errors.add("Invalid method '" + method + "': use CREATE, UPDATE or DELETE");
                } else if (!method.equals("DELETE")) {
                    boolean exists = retailerId != null && c.byRetailerId.containsKey(retailerId);
                    boolean creating = method.equals("CREATE") || (allowUpsert && !exists);
                    errors.addAll(ItemRules.immediateErrors(data, creating));
                    data.fieldNames().forEachRemaining(f -> {
                        if (!ItemRules.KNOWN.contains(f)) {
                            warnings.add("Unrecognised field: " + f + " (ignored)");
                        }
                    });
                } else if (retailerId == null) {
                    errors.add("Missing required field: id");
                }
            } else if (retailerId == null) {
                errors.add("Missing required field: id");
            }
            String loc = localized ? localization(req.get("localization")) : null;
            if (localized && loc == null) {
                loc = topLocalization;
            }
            if (!errors.isEmpty() || !warnings.isEmpty()) {
                ObjectNode v = status.addObject();
                v.put("retailer_id", retailerId == null ? "" : retailerId);
                ArrayNode e = v.putArray("errors");
                errors.forEach(msg -> e.addObject().put("message", msg));
                ArrayNode w = v.putArray("warnings");
                warnings.forEach(msg -> w.addObject().put("message", msg));
            }
            if (errors.isEmpty()) {
                valid++;
            }
            lines.add(new Batch.Line(line, method, retailerId,
                    data != null && data.isObject() ? (ObjectNode) data : Json.object(), loc, !errors.isEmpty()));
        }
        ObjectNode root = Json.object();
        ArrayNode handles = root.putArray("handles");
        if (valid > 0) {
            Batch b = world.submit(c, localized, allowUpsert, lines);
            handles.add(b.handle);
            if (world.settings.batchProcessingDelay().isZero()) {
                world.process(b);
            }
        }
        root.set("validation_status", status);
        return Reply.json(root);
    }

    private static String localization(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        String type = n.path("type").asText("");
        String value = n.path("value").asText("");
        if (value.isEmpty() || !Set.of("LANGUAGE", "COUNTRY", "LANGUAGE_AND_COUNTRY").contains(type)) {
            return null;
        }
        return type + ":" + value;
    }

    private Reply batchStatus(SandboxRequest r, Catalog c) {
        String handle = r.param("handle");
        if (handle == null) {
            throw GraphFailure.invalidParameter("The parameter handle is required");
        }
        Batch b = world.batches.get(handle);
        if (b == null || !b.catalogId.equals(c.id)) {
            throw GraphFailure.invalidParameter("Invalid handle: no batch " + handle + " for catalog " + c.id);
        }
        if (!b.finished && !world.clock.instant().isBefore(b.dueAt)) {
            world.process(b);
        }
        ObjectNode entry = Json.object();
        entry.put("handle", b.handle);
        boolean done = b.finished;
        entry.put("status", done ? "finished" : "in_progress");
        boolean highOnly = "HIGH".equalsIgnoreCase(r.params.getOrDefault("error_priority", ""));
        synchronized (b) {
            entry.put("errors_total_count", done ? b.errors.size() : 0);
            entry.put("warnings_total_count", done && !highOnly ? b.warnings.size() : 0);
            ArrayNode errors = entry.putArray("errors");
            ArrayNode warnings = entry.putArray("warnings");
            if (done) {
                b.errors.forEach(e -> errors.addObject().put("line", e.line()).put("id", e.id())
                        .put("message", e.message()));
                if (!highOnly) {
                    b.warnings.forEach(w -> warnings.addObject().put("line", w.line()).put("id", w.id())
                            .put("message", w.message()));
                }
            }
            if ("true".equalsIgnoreCase(r.params.getOrDefault("load_ids_of_invalid_requests", "false"))) {
                ArrayNode ids = entry.putArray("ids_of_invalid_requests");
                if (done) {
                    b.invalidIds.forEach(ids::add);
                }
            }
        }
        ObjectNode root = Json.object();
        root.putArray("data").add(entry);
        return Reply.json(root);
    }

    private Reply products(SandboxRequest r, Catalog c, String origin) {
        Set<String> fields = fields(r, "id");
        for (String f : fields) {
            if (!PRODUCT_FIELDS.contains(f)) {
                throw GraphFailure.invalidParameter("Tried accessing nonexisting field (" + f
                        + ") on node type (ProductItem)");
            }
        }
        Predicate<String> filter = retailerFilter(r.param("filter"));
        int limit = limit(r);
        Long after = null;
        String cursor = r.param("after");
        if (cursor != null) {
            try {
                after = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw GraphFailure.invalidParameter("Invalid cursor");
            }
        }
        java.util.NavigableMap<Long, Catalog.Item> source = exactMatches(c, r.param("filter"));
        Iterator<Catalog.Item> it = (after == null ? source : source.tailMap(after, false)).values().iterator();
        List<ObjectNode> data = new ArrayList<>();
        Catalog.Item last = null;
        boolean more = false;
        while (it.hasNext()) {
            Catalog.Item item = it.next();
            if (!filter.test(item.retailerId())) {
                continue;
            }
            if (data.size() == limit) {
                more = true;
                break;
            }
            data.add(productJson(item, fields));
            last = item;
        }
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("data");
        data.forEach(arr::add);
        if (!data.isEmpty()) {
            ObjectNode paging = root.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            cursors.put("before", encodeCursor(Long.toString(c.items.firstKey())));
            String next = encodeCursor(Long.toString(last.id()));
            cursors.put("after", next);
            if (more) {
                paging.put("next", nextUrl(r, origin, next));
            }
        }
        return Reply.json(root);
    }

    /** For {@code eq} and {@code is_any} filters: the matching items by index lookup instead of a scan. */
    private static java.util.NavigableMap<Long, Catalog.Item> exactMatches(Catalog c, String filter) {
        JsonNode root = filter == null ? null : Json.parse(filter);
        JsonNode cond = root == null ? null : root.get("retailer_id");
        if (cond == null || !cond.isObject() || cond.size() != 1 || root.size() != 1
                || !(cond.has("eq") || cond.has("is_any"))) {
            return c.items;
        }
        java.util.TreeMap<Long, Catalog.Item> out = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>();
        if (cond.has("eq")) {
            ids.add(cond.get("eq").asText());
        } else {
            cond.get("is_any").forEach(n -> ids.add(n.asText()));
        }
        for (String id : ids) {
            Long key = c.byRetailerId.get(id);
            Catalog.Item item = key == null ? null : c.items.get(key);
            if (item != null) {
                out.put(key, item);
            }
        }
        return out;
    }

    private static ObjectNode productJson(Catalog.Item item, Set<String> fields) {
        ObjectNode stored = (ObjectNode) Json.read(item.json());
        ObjectNode n = Json.object();
        n.put("id", Long.toString(item.id()));
        for (String f : fields) {
            switch (f) {
                case "id":
                    break;
                case "retailer_id":
                    n.put("retailer_id", item.retailerId());
                    break;
                case "review_status":
                    n.put("review_status", "approved");
                    break;
                case "errors":
                    n.putArray("errors");
                    break;
                case "updated_time":
                    n.put("updated_time", item.updatedAt().toString());
                    break;
                case "visibility":
                    n.put("visibility", stored.path("visibility").asText("published"));
                    break;
                default:
                    JsonNode v = stored.get(PRODUCT_ALIASES.getOrDefault(f, f));
                    if (v != null) {
                        n.set(f, v);
                    }
            }
        }
        return n;
    }

    static Predicate<String> retailerFilter(String filter) {
        if (filter == null) {
            return id -> true;
        }
        JsonNode root = Json.parse(filter);
        if (root == null || !root.isObject()) {
            throw GraphFailure.invalidParameter("Param filter must be a JSON object");
        }
        return rule(root);
    }

    private static Predicate<String> rule(JsonNode node) {
        if (node.has("or") || node.has("and")) {
            boolean or = node.has("or");
            List<Predicate<String>> parts = new ArrayList<>();
            node.get(or ? "or" : "and").forEach(n -> parts.add(rule(n)));
            return id -> or ? parts.stream().anyMatch(p -> p.test(id)) : parts.stream().allMatch(p -> p.test(id));
        }
        JsonNode cond = node.get("retailer_id");
        if (cond == null || !cond.isObject()) {
            throw GraphFailure.invalidParameter("The sandbox filters products on retailer_id only");
        }
        List<Predicate<String>> parts = new ArrayList<>();
        cond.properties().forEach(e -> {
            JsonNode v = e.getValue();
            Set<String> values = new LinkedHashSet<>();
            if (v.isArray()) {
                v.forEach(x -> values.add(x.asText()));
            } else {
                values.add(v.asText());
            }
            String one = v.asText();
            switch (e.getKey()) {
                case "eq": parts.add(id -> id.equals(one)); break;
                case "neq": parts.add(id -> !id.equals(one)); break;
                case "is_any": parts.add(values::contains); break;
                case "is_not_any": parts.add(id -> !values.contains(id)); break;
                case "contains": parts.add(id -> id.contains(one)); break;
                case "i_contains": parts.add(id -> id.toLowerCase(java.util.Locale.ROOT)
                        .contains(one.toLowerCase(java.util.Locale.ROOT))); break;
                case "starts_with": parts.add(id -> id.startsWith(one)); break;
                default: throw GraphFailure.invalidParameter("Unsupported filter operator " + e.getKey());
            }
        });
        return id -> parts.stream().allMatch(p -> p.test(id));
    }

    private Reply debugToken(SandboxRequest r) {
        String appToken = world.settings.appId() + "|" + world.settings.appSecret();
        if (r.token == null) {
            throw GraphFailure.noToken();
        }
        if (!MessageDigest.isEqual(r.token.getBytes(StandardCharsets.UTF_8),
                appToken.getBytes(StandardCharsets.UTF_8))) {
            Token dev = world.tokens.get(r.token);
            if (dev == null) {
                throw GraphFailure.invalidParameter("You must provide an app access token, or a user access token "
                        + "that is an owner or developer of the app");
            }
        }
        checkProof(r, r.token);
        String input = r.param("input_token");
        if (input == null) {
            throw GraphFailure.invalidParameter("The parameter input_token is required");
        }
        Instant now = world.clock.instant();
        Token t = world.tokens.get(input);
        ObjectNode data = Json.object();
        if (t == null || t.revoked || t.expired(now)) {
            ObjectNode err = data.putObject("error");
            err.put("code", 190);
            if (t == null) {
                err.put("message", "Invalid OAuth access token.");
            } else if (t.revoked) {
                err.put("message", "Error validating access token: The user has not authorized application "
                        + world.settings.appId() + ".");
                err.put("subcode", 458);
            } else {
                err.put("message", "Error validating access token: Session has expired on " + t.expiresAt + ".");
                err.put("subcode", 463);
            }
            data.put("is_valid", false);
            data.putArray("scopes");
            if (t != null) {
                data.put("app_id", t.appId);
                data.put("user_id", t.userId);
                data.put("expires_at", t.expiresAt == null ? 0 : t.expiresAt.getEpochSecond());
            }
        } else {
            data.put("app_id", t.appId);
            data.put("type", "USER");
            data.put("application", world.settings.appName());
            data.put("data_access_expires_at", t.dataAccessExpiresAt.getEpochSecond());
            data.put("expires_at", t.expiresAt == null ? 0 : t.expiresAt.getEpochSecond());
            data.put("is_valid", true);
            data.put("issued_at", t.issuedAt.getEpochSecond());
            ArrayNode scopes = data.putArray("scopes");
            t.scopes.forEach(scopes::add);
            ArrayNode granular = data.putArray("granular_scopes");
            for (String sc : t.scopes) {
                ObjectNode g = granular.addObject().put("scope", sc);
                if (sc.equals("catalog_management")) {
                    ArrayNode ids = g.putArray("target_ids");
                    world.businessesOf(t.userId).forEach(b -> b.ownedCatalogs().forEach(ids::add));
                }
            }
            data.put("user_id", t.userId);
        }
        ObjectNode root = Json.object();
        root.set("data", data);
        return Reply.json(root);
    }

    /** Resolves and checks the user token of a call: known, not revoked, not expired, right proof. */
    Token auth(SandboxRequest r) {
        if (r.token == null) {
            throw GraphFailure.noToken();
        }
        Token t = world.tokens.get(r.token);
        if (t == null) {
            throw GraphFailure.invalidToken();
        }
        checkProof(r, r.token);
        Instant now = world.clock.instant();
        if (t.revoked) {
            throw new GraphFailure(400, 190, 458, "OAuthException", "Error validating access token: The user has "
                    + "not authorized application " + world.settings.appId() + ".", false);
        }
        if (t.expired(now)) {
            throw new GraphFailure(400, 190, 463, "OAuthException", "Error validating access token: Session has "
                    + "expired on " + t.expiresAt + ". The current time is " + now + ".", false);
        }
        return t;
    }

    private void checkProof(SandboxRequest r, String token) {
        String proof = r.param("appsecret_proof");
        if (proof == null) {
            if (world.settings.requireAppSecretProof()) {
                throw new GraphFailure(400, 100, null, "GraphMethodException",
                        "API calls from the server require an appsecret_proof argument", false);
            }
            return;
        }
        String time = r.param("appsecret_time");
        String expected;
        if (time != null) {
            long t;
            try {
                t = Long.parseLong(time);
            } catch (NumberFormatException e) {
                throw GraphFailure.invalidParameter("appsecret_time must be a Unix time in seconds");
            }
            if (Math.abs(world.clock.instant().getEpochSecond() - t) > Duration.ofMinutes(5).toSeconds()) {
                throw new GraphFailure(400, 100, null, "GraphMethodException",
                        "appsecret_time is more than 5 minutes away from the current time", false);
            }
            expected = hmac(world.settings.appSecret(), token + "|" + time);
        } else {
            expected = hmac(world.settings.appSecret(), token);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                proof.getBytes(StandardCharsets.US_ASCII))) {
            throw new GraphFailure(400, 100, null, "GraphMethodException",
                    "Invalid appsecret_proof provided in the API argument", false);
        }
    }

    static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder b = new StringBuilder();
            for (byte x : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
                b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return b.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireScope(Token t, String scope) {
        if (!t.scopes.contains(scope)) {
            throw GraphFailure.permission(scope);
        }
    }

    private List<ObjectNode> businessesJson(Token t, Set<String> fields) {
        List<ObjectNode> out = new ArrayList<>();
        for (World.Business b : world.businessesOf(t.userId)) {
            ObjectNode n = Json.object();
            n.put("id", b.id());
            if (fields.contains("name")) {
                n.put("name", b.name());
            }
            if (fields.contains("verification_status")) {
                n.put("verification_status", b.verificationStatus());
            }
            out.add(n);
        }
        return out;
    }

    private List<ObjectNode> catalogsJson(List<String> ids, Set<String> fields) {
        List<ObjectNode> out = new ArrayList<>();
        for (String id : ids) {
            Catalog c = world.catalogs.get(id);
            if (c != null) {
                out.add(catalogJson(c, fields));
            }
        }
        return out;
    }

    private ObjectNode catalogJson(Catalog c, Set<String> fields) {
        ObjectNode n = Json.object();
        n.put("id", c.id);
        if (fields.contains("name")) {
            n.put("name", c.name);
        }
        if (fields.contains("product_count")) {
            n.put("product_count", c.items.size());
        }
        if (fields.contains("vertical")) {
            n.put("vertical", c.vertical);
        }
        if (fields.contains("business")) {
            World.Business b = world.businesses.get(c.businessId);
            ObjectNode owner = n.putObject("business");
            owner.put("id", c.businessId);
            owner.put("name", b == null ? "" : b.name());
        }
        return n;
    }

    private static Set<String> fields(SandboxRequest r, String defaults) {
        String f = r.params.getOrDefault("fields", defaults);
        Set<String> out = new LinkedHashSet<>();
        for (String s : f.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static int limit(SandboxRequest r) {
        try {
            int limit = Integer.parseInt(r.params.getOrDefault("limit", "25"));
            return Math.max(1, Math.min(limit, 5000));
        } catch (NumberFormatException e) {
            throw GraphFailure.invalidParameter("Param limit must be a number");
        }
    }

    /** Offset paging for small lists, with Meta's cursors and an absolute next link on the sandbox's origin. */
    private Reply page(List<ObjectNode> all, SandboxRequest r, String origin) {
        int limit = limit(r);
        int offset = 0;
        String after = r.param("after");
        if (after != null) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8)
                        .substring(2));
            } catch (RuntimeException e) {
                throw GraphFailure.invalidParameter("Invalid cursor");
            }
            if (offset < 0) {
                throw GraphFailure.invalidParameter("Invalid cursor");
            }
        }
        int end = Math.min(all.size(), offset + limit);
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("data");
        for (int i = offset; i < end; i++) {
            data.add(all.get(i));
        }
        if (end > offset) {
            ObjectNode paging = root.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            cursors.put("before", encodeCursor("o:" + offset));
            String next = encodeCursor("o:" + end);
            cursors.put("after", next);
            if (end < all.size()) {
                paging.put("next", nextUrl(r, origin, next));
            }
        }
        return Reply.json(root);
    }

    private static String encodeCursor(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Like Meta, the next link repeats the query (access_token included when the call carried one). */
    private static String nextUrl(SandboxRequest r, String origin, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        r.params.forEach((k, v) -> {
            if (!Set.of("after", "before", "appsecret_proof", "appsecret_time", "access_token").contains(k)) {
                q.put(k, v);
            }
        });
        q.put("after", after);
        if (r.token != null) {
            q.put("access_token", r.token);
        }
        return Html.withQuery(origin + "/" + (r.version.isEmpty() ? "v27.0" : r.version) + r.path, q);
    }

    /** The {@code X-Business-Use-Case-Usage} header for a catalog: batch-call usage of its rolling minute. */
    String catalogUsage(Catalog c, long minutesToWait) {
        int calls = c.batchCallsInWindow(world.clock.instant());
        int percent = (int) Math.min(100L * calls / world.settings.batchCallsPerMinute(), 999);
        if (minutesToWait > 0) {
            percent = Math.max(percent, 100);
        }
        ObjectNode root = Json.object();
        ObjectNode u = root.putArray(c.id).addObject();
        u.put("type", "catalog_batch");
        u.put("call_count", percent);
        u.put("total_cputime", percent / 2);
        u.put("total_time", percent / 2);
        u.put("estimated_time_to_regain_access", minutesToWait);
        return Json.write(root);
    }
}
