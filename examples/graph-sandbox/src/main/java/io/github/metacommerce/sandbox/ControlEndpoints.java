package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The sandbox's own surface under {@code /_sandbox/}: health, tokens, faults, inspection, clock, reset, UI. */
final class ControlEndpoints {
    private final World world;
    private final Faults faults;
    private final CallLog calls;

    ControlEndpoints(World world, Faults faults, CallLog calls) {
        this.world = world;
        this.faults = faults;
        this.calls = calls;
    }

    Reply handle(SandboxRequest r, String body) {
        String p = r.path.substring("/_sandbox".length());
        if (p.isEmpty() || p.equals("/")) {
            return Reply.html(200, ManagerPage.render(world));
        }
        JsonNode json = body.isBlank() ? Json.object() : Json.parse(body);
        if (json == null || !json.isObject()) {
            json = Json.MAPPER.valueToTree(r.params);
        }
        switch (r.method + " " + p) {
            case "GET /health":
                return Reply.json(Map.of("status", "ok"));
            case "POST /tokens":
                return mintToken(json);
            case "POST /tokens/expire":
                return expireToken(json);
            case "GET /faults":
                return Reply.json(faults.toJson());
            case "POST /faults":
                return Reply.json(201, faults.add(json).toJson());
            case "DELETE /faults":
                faults.clear();
                return Reply.json(Map.of("success", true));
            case "GET /calls":
                return Reply.json(calls.toJson(intParam(r, "limit", 100)));
            case "DELETE /calls":
                calls.clear();
                return Reply.json(Map.of("success", true));
            case "POST /reset":
                world.reset();
                faults.clear();
                calls.clear();
                return Reply.json(Map.of("success", true));
            case "POST /clock":
                return advanceClock(json);
            case "GET /catalogs":
                return catalogs();
            default:
                break;
        }
        String[] s = p.substring(1).split("/");
        if (r.method.equals("GET") && s.length == 3 && s[0].equals("catalogs") && s[2].equals("items")) {
            return items(s[1], intParam(r, "limit", 100));
        }
        if (r.method.equals("GET") && s.length == 2 && s[0].equals("batches")) {
            Batch b = world.batches.get(s[1]);
            if (b == null) {
                throw GraphFailure.invalidParameter("No batch " + s[1]);
            }
            return Reply.json(batchJson(b));
        }
        throw GraphFailure.unsupportedPath(r.method, r.path);
    }

    private Reply mintToken(JsonNode json) {
        List<String> scopes = new ArrayList<>();
        if (json.has("scopes") && json.get("scopes").isArray()) {
            json.get("scopes").forEach(s -> scopes.add(s.asText()));
        } else {
            scopes.addAll(World.DEFAULT_SCOPES);
        }
        long seconds = json.path("expires_in").asLong(World.LONG_LIVED.toSeconds());
        Token t = world.mintToken(World.MERCHANT_ID, scopes, seconds <= 0 ? null : Duration.ofSeconds(seconds));
        ObjectNode n = Json.object();
        n.put("access_token", t.value);
        n.put("user_id", t.userId);
        n.put("expires_in", t.expiresAt == null ? 0 : seconds);
        return Reply.json(201, n);
    }

    private Reply expireToken(JsonNode json) {
        String value = json.path("token").asText(null);
        Token t = value == null ? null : world.tokens.get(value);
        if (t == null) {
            throw GraphFailure.invalidParameter("No such token");
        }
        t.expiresAt = world.clock.instant().minusSeconds(1);
        return Reply.json(Map.of("success", true));
    }

    private Reply advanceClock(JsonNode json) {
        try {
            world.clock.advance(Duration.parse(json.path("advance").asText("PT0S")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw GraphFailure.invalidParameter("advance must be an ISO-8601 duration such as PT61S");
        }
        world.processDue();
        return Reply.json(Map.of("now", world.clock.instant().toString()));
    }

    private Reply catalogs() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        world.catalogs.values().stream().sorted(Comparator.comparing(c -> c.id)).forEach(c -> a.addObject()
                .put("id", c.id).put("name", c.name).put("business_id", c.businessId)
                .put("product_count", c.items.size())
                .put("batch_calls_in_window", c.batchCallsInWindow(world.clock.instant())));
        return Reply.json(a);
    }

    private Reply items(String catalogId, int limit) {
        Catalog c = world.catalogs.get(catalogId);
        if (c == null) {
            throw GraphFailure.unknownObject(catalogId);
        }
        ObjectNode root = Json.object();
        root.put("product_count", c.items.size());
        ArrayNode data = root.putArray("data");
        int n = 0;
        for (Catalog.Item item : c.items.values()) {
            if (n++ >= limit) {
                break;
            }
            ObjectNode i = data.addObject();
            i.put("id", Long.toString(item.id()));
            i.put("retailer_id", item.retailerId());
            i.put("updated_time", item.updatedAt().toString());
            i.set("data", Json.read(item.json()));
            ObjectNode loc = i.putObject("localizations");
            item.localizations().forEach((k, v) -> loc.set(k, Json.read(v)));
        }
        return Reply.json(root);
    }

    static ObjectNode batchJson(Batch b) {
        ObjectNode n = Json.object();
        n.put("handle", b.handle);
        n.put("catalog_id", b.catalogId);
        n.put("localized", b.localized);
        n.put("requests", b.lines.size());
        n.put("status", b.finished ? "finished" : "in_progress");
        n.put("submitted_at", b.submittedAt.toString());
        synchronized (b) {
            n.put("created", b.created);
            n.put("updated", b.updated);
            n.put("deleted", b.deleted);
            ArrayNode errors = n.putArray("errors");
            b.errors.forEach(e -> errors.addObject().put("line", e.line()).put("id", e.id()).put("message",
                    e.message()));
            n.put("warnings_total_count", b.warnings.size());
        }
        return n;
    }

    private static int intParam(SandboxRequest r, String name, int fallback) {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(r.params.getOrDefault(name, "" + fallback))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
