package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** The sandbox's own surface under {@code /_sandbox/}: health, settings, tokens, faults, inspection, clock, reset, UI. */
final class ControlEndpoints {
    private final World world;
    private final Faults faults;
    private final CallLog calls;

    ControlEndpoints(World world, Faults faults, CallLog calls) {
        this.world = world;
        this.faults = faults;
        this.calls = calls;
    }

    /** The keys each control call reads from its body or query; any other key is refused. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "/tokens", Set.of("scopes", "expires_in"),
            "/tokens/expire", Set.of("token"),
            "/clock", Set.of("advance"),
            "/reset", Set.of(),
            "/faults", Set.of("method", "path", "times", "probability", "kind", "status", "code", "subcode",
                    "message", "transient", "latencyMs"));

    Reply handle(SandboxRequest r, String contentType, byte[] rawBody) {
        String p = r.path.substring("/_sandbox".length());
        if (p.isEmpty() || p.equals("/")) {
            return Reply.html(200, ManagerPage.render(world, r.params.get("catalog"),
                    offsetParam(r)));
        }
        ObjectNode json = r.method.equals("POST") && KEYS.containsKey(p)
                ? body(p, r, contentType, rawBody, KEYS.get(p)) : Json.object();
        switch (r.method + " " + p) {
            case "GET /health":
                return Reply.json(Map.of("status", "ok"));
            case "GET /settings":
                return settings();
            case "POST /tokens":
                return mintToken(json);
            case "POST /tokens/expire":
                return expireToken(json);
            case "GET /faults":
                return Reply.json(faults.toJson());
            case "POST /faults":
                checkFault(json);
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
                return Reply.json(Map.of("success", true, "now", world.clock.instant().toString()));
            case "GET /clock":
                return Reply.json(Map.of("now", world.clock.instant().toString()));
            case "POST /clock":
                return advanceClock(json);
            case "GET /catalogs":
                return catalogs();
            default:
                break;
        }
        String[] s = p.substring(1).split("/");
        if (r.method.equals("GET") && s.length == 3 && s[0].equals("catalogs") && s[2].equals("items")) {
            return items(s[1], offsetParam(r), intParam(r, "limit", 100));
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

    /**
     * Reads a control call's parameters: a JSON object sent as {@code application/json}, or form fields and the
     * query string. A body it cannot read, or a key the call does not know, is a 400 that says why.
     */
    private static ObjectNode body(String call, SandboxRequest r, String contentType, byte[] raw, Set<String> keys) {
        String what = "POST /_sandbox" + call + ": ";
        String text = new String(raw, StandardCharsets.UTF_8);
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        ObjectNode out = Json.object();
        r.params.forEach(out::put);
        if (!text.isBlank()) {
            if (ct.startsWith("application/json")) {
                JsonNode n = Json.parse(text);
                if (n == null || !n.isObject()) {
                    throw GraphFailure.invalidParameter(what + "the body is not a JSON object: " + clip(text));
                }
                out.setAll((ObjectNode) n);
            } else if (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data")) {
                String t = text.strip();
                if (t.startsWith("{") || t.startsWith("[")) {
                    throw GraphFailure.invalidParameter(what + "the body is JSON but its Content-Type is "
                            + contentType + " (curl -d sends that): add -H 'Content-Type: application/json'");
                }
            } else {
                throw GraphFailure.invalidParameter(what + "cannot read a body with "
                        + (ct.isEmpty() ? "no Content-Type" : "Content-Type " + contentType)
                        + ": send a JSON object with Content-Type: application/json");
            }
        }
        List<String> unknown = new ArrayList<>();
        out.properties().forEach(e -> {
            String k = e.getKey();
            if (!keys.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw GraphFailure.invalidParameter(what + "unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(ControlEndpoints::clip).toList())
                    + (keys.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", new TreeSet<>(keys))
                    + ")"));
        }
        return out;
    }

    private static String clip(String s) {
        String t = s.strip();
        return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
    }

    private static GraphFailure bad(String call, String key, String rule, JsonNode was) {
        return GraphFailure.invalidParameter("POST /_sandbox" + call + ": " + key + " " + rule + ", was "
                + clip(was.isTextual() ? was.asText() : was.toString()));
    }

    /** A whole number given as a JSON number or as text (form fields), or empty when the key is absent. */
    private static OptionalLong wholeNumber(String call, ObjectNode json, String key, long min, long max) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isTextual() && v.asText().strip().matches("-?[0-9]{1,18}")) {
            n = Long.parseLong(v.asText().strip());
        } else {
            throw bad(call, key, "must be a whole number", v);
        }
        if (n < min || n > max) {
            throw bad(call, key, "must be " + min + " to " + max, v);
        }
        return OptionalLong.of(n);
    }

    private static void requireText(String call, ObjectNode json, String key) {
        JsonNode v = json.get(key);
        if (v != null && !v.isTextual()) {
            throw bad(call, key, "must be a string", v);
        }
    }

    private Reply settings() {
        SandboxSettings s = world.settings;
        ObjectNode n = Json.object();
        n.put("app_id", s.appId());
        n.put("app_name", s.appName());
        n.put("batch_calls_per_minute", s.batchCallsPerMinute());
        n.put("batch_processing_delay_ms", s.batchProcessingDelay().toMillis());
        n.put("auto_approve", s.autoApprove());
        n.put("require_appsecret_proof", s.requireAppSecretProof());
        ArrayNode uris = n.putArray("redirect_uris");
        s.redirectUris().forEach(uris::add);
        return Reply.json(n);
    }

    private Reply mintToken(JsonNode json) {
        List<String> scopes = new ArrayList<>();
        JsonNode given = json.get("scopes");
        if (given == null || given.isNull()) {
            scopes.addAll(World.DEFAULT_SCOPES);
        } else if (given.isArray()) {
            for (JsonNode s : given) {
                if (!s.isTextual() || s.asText().isBlank()) {
                    throw bad("/tokens", "scopes", "must be an array of permission names", given);
                }
                scopes.add(s.asText());
            }
        } else if (given.isTextual() && !given.asText().isBlank()) {
            for (String s : given.asText().split(",")) {
                scopes.add(s.strip());
            }
        } else {
            throw bad("/tokens", "scopes", "must be an array of permission names", given);
        }
        JsonNode e = json.get("expires_in");
        Duration life;
        if (e == null || e.isNull()) {
            life = World.LONG_LIVED;
        } else if (e.isTextual() && e.asText().strip().equals("never")) {
            life = null;
        } else {
            long seconds = wholeNumber("/tokens", (ObjectNode) json, "expires_in", Long.MIN_VALUE, Long.MAX_VALUE)
                    .getAsLong();
            if (seconds < 1 || seconds > 100L * 365 * 24 * 3600) {
                throw bad("/tokens", "expires_in", "must be 1 to 3153600000 seconds, or \"never\" (to expire a token "
                        + "now, POST /_sandbox/tokens/expire)", e);
            }
            life = Duration.ofSeconds(seconds);
        }
        Token t = world.mintToken(World.MERCHANT_ID, scopes, life);
        ObjectNode n = Json.object();
        n.put("access_token", t.value);
        n.put("user_id", t.userId);
        if (t.expiresAt == null) {
            n.put("expires_in", "never");
        } else {
            n.put("expires_in", life.toSeconds());
            n.put("expires_at", t.expiresAt.toString());
        }
        return Reply.json(201, n);
    }

    private Reply expireToken(ObjectNode json) {
        requireText("/tokens/expire", json, "token");
        String value = json.path("token").asText(null);
        if (value == null || value.isBlank()) {
            throw GraphFailure.invalidParameter("POST /_sandbox/tokens/expire: token is required, e.g. "
                    + "{\"token\":\"EAA...\"}");
        }
        Token t = world.tokens.get(value);
        if (t == null) {
            throw GraphFailure.invalidParameter("POST /_sandbox/tokens/expire: no such token");
        }
        t.expiresAt = world.clock.instant().minusSeconds(1);
        return Reply.json(Map.of("success", true));
    }

    private Reply advanceClock(ObjectNode json) {
        JsonNode v = json.get("advance");
        if (v == null || v.isNull()) {
            throw GraphFailure.invalidParameter("POST /_sandbox/clock: advance is required, e.g. "
                    + "{\"advance\":\"PT61S\"}");
        }
        Duration d;
        try {
            d = v.isTextual() ? Duration.parse(v.asText().strip()) : null;
        } catch (DateTimeParseException e) {
            d = null;
        }
        if (d == null || d.isNegative()) {
            throw bad("/clock", "advance", "must be an ISO-8601 duration of zero or more, such as PT61S", v);
        }
        world.clock.advance(d);
        world.processDue();
        return Reply.json(Map.of("now", world.clock.instant().toString()));
    }

    /** Checks a fault rule's values before it is built, so a bad one is refused rather than defaulted. */
    private static void checkFault(ObjectNode json) {
        for (String key : List.of("method", "path", "kind", "message")) {
            requireText("/faults", json, key);
        }
        wholeNumber("/faults", json, "times", 1, Integer.MAX_VALUE);
        wholeNumber("/faults", json, "status", 100, 599);
        wholeNumber("/faults", json, "code", Integer.MIN_VALUE, Integer.MAX_VALUE);
        wholeNumber("/faults", json, "subcode", Integer.MIN_VALUE, Integer.MAX_VALUE);
        wholeNumber("/faults", json, "latencyMs", 0, 600_000);
        JsonNode p = json.get("probability");
        if (p != null && !p.isNull() && !p.isNumber()
                && !(p.isTextual() && p.asText().strip().matches("[0-9]*\\.?[0-9]+"))) {
            throw bad("/faults", "probability", "must be a number in (0, 1]", p);
        }
        JsonNode t = json.get("transient");
        if (t != null && !t.isNull() && !t.isBoolean()
                && !(t.isTextual() && (t.asText().equals("true") || t.asText().equals("false")))) {
            throw bad("/faults", "transient", "must be true or false", t);
        }
    }

    private Reply catalogs() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        world.catalogs.values().stream().sorted(Comparator.comparing(c -> c.id)).forEach(c -> a.addObject()
                .put("id", c.id).put("name", c.name).put("business_id", c.businessId)
                .put("product_count", c.items.size())
                .put("batch_calls_in_window", c.batchCallsInWindow(world.clock.instant())));
        return Reply.json(a);
    }

    private Reply items(String catalogId, int offset, int limit) {
        Catalog c = world.catalogs.get(catalogId);
        if (c == null) {
            throw GraphFailure.unknownObject(catalogId);
        }
        ObjectNode root = Json.object();
        root.put("product_count", c.items.size());
        root.put("offset", offset);
        ArrayNode data = root.putArray("data");
        int n = 0;
        for (Catalog.Item item : c.items.values()) {
            if (n++ < offset) {
                continue;
            }
            if (data.size() >= limit) {
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

    private static int offsetParam(SandboxRequest r) {
        try {
            return Math.max(0, Integer.parseInt(r.params.getOrDefault("offset", "0").strip()));
        } catch (NumberFormatException e) {
            throw GraphFailure.invalidParameter("offset must be a whole number, was " + clip(r.params.get("offset")));
        }
    }

    private static int intParam(SandboxRequest r, String name, int fallback) {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(r.params.getOrDefault(name, "" + fallback))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
