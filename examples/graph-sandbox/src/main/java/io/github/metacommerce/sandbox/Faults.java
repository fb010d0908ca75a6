package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Fault injection rules, matched by method and path pattern, applied a number of times or with a probability.
 *
 * <p>A rule is JSON: {@code {"method":"POST","path":"/v* /{catalog}/items_batch" (glob: * matches one segment, **
 * any), "times":2, "probability":0.5, "kind":"error|latency|drop|malformed|truncated|html", "status":500,
 * "code":2, "subcode":..., "message":"...", "transient":true, "latencyMs":300}}.
 */
final class Faults {
    enum Kind { ERROR, LATENCY, DROP, MALFORMED, TRUNCATED, HTML }

    /** One rule. */
    static final class Rule {
        final long id;
        final String method;
        final String pathGlob;
        final Pattern path;
        final AtomicInteger remaining;
        final double probability;
        final Kind kind;
        final int status;
        final int code;
        final Integer subcode;
        final String message;
        final boolean isTransient;
        final long latencyMs;
        final AtomicInteger applied = new AtomicInteger();

        Rule(long id, JsonNode spec) {
            this.id = id;
            this.method = spec.path("method").asText("*").toUpperCase(Locale.ROOT);
            this.pathGlob = spec.path("path").asText("/**");
            this.path = glob(pathGlob);
            this.remaining = new AtomicInteger(spec.has("times") ? spec.get("times").asInt() : -1);
            this.probability = spec.path("probability").asDouble(1.0);
            String k = spec.path("kind").asText("error").toUpperCase(Locale.ROOT);
            try {
                this.kind = Kind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw GraphFailure.invalidParameter("kind must be one of error, latency, drop, malformed, truncated,"
                        + " html");
            }
            this.status = spec.path("status").asInt(kind == Kind.HTML ? 502 : 500);
            this.code = spec.path("code").asInt(2);
            this.subcode = spec.hasNonNull("subcode") ? spec.get("subcode").asInt() : null;
            this.message = spec.path("message").asText("An unexpected error has occurred. Please retry your "
                    + "request later.");
            this.isTransient = spec.path("transient").asBoolean(code == 1 || code == 2);
            this.latencyMs = spec.path("latencyMs").asLong(0);
            if (probability <= 0 || probability > 1) {
                throw GraphFailure.invalidParameter("probability must be in (0, 1]");
            }
        }

        ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("id", id);
            n.put("method", method);
            n.put("path", pathGlob);
            n.put("kind", kind.name().toLowerCase(Locale.ROOT));
            n.put("remaining", remaining.get());
            n.put("probability", probability);
            n.put("status", status);
            n.put("code", code);
            n.put("applied", applied.get());
            return n;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Random random = new Random(42);

    Rule add(JsonNode spec) {
        Rule r = new Rule(ids.incrementAndGet(), spec);
        rules.add(r);
        return r;
    }

    void clear() {
        rules.clear();
    }

    ArrayNode toJson() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        rules.forEach(r -> a.add(r.toJson()));
        return a;
    }

    /** Finds the first rule that fires for this call, consuming one of its applications. */
    Optional<Rule> match(String method, String rawPath) {
        for (Rule r : rules) {
            if ((r.method.equals("*") || r.method.equals(method)) && r.path.matcher(rawPath).matches()) {
                if (r.probability < 1.0) {
                    synchronized (random) {
                        if (random.nextDouble() >= r.probability) {
                            continue;
                        }
                    }
                }
                if (r.remaining.get() < 0 || r.remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
                    r.applied.incrementAndGet();
                    if (r.remaining.get() == 0) {
                        rules.remove(r);
                    }
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '{') {
                int end = glob.indexOf('}', i);
                re.append("[^/]+");
                i = end < 0 ? glob.length() : end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re + "/?");
    }
}
