package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Recent calls (method, path, status, duration; never tokens or query strings) and counts per endpoint. */
final class CallLog {
    /** One call. */
    record Entry(Instant at, String method, String path, int status, long micros) {
    }

    private static final int KEEP = 500;
    private static final Pattern IDS = Pattern.compile("/[0-9]{6,}(?=/|$)");
    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.0");
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();

    synchronized void add(Entry e) {
        recent.addLast(e);
        if (recent.size() > KEEP) {
            recent.removeFirst();
        }
        counts.merge(e.method() + " " + endpoint(e.path()), 1L, Long::sum);
    }

    synchronized void clear() {
        recent.clear();
        counts.clear();
    }

    synchronized long count(String endpoint) {
        return counts.getOrDefault(endpoint, 0L);
    }

    /** The path with the version and numeric ids replaced by placeholders, e.g. {@code /{v}/{id}/items_batch}. */
    static String endpoint(String path) {
        return IDS.matcher(VERSION.matcher(path).replaceFirst("/{v}")).replaceAll("/{id}");
    }

    synchronized ObjectNode toJson(int limit) {
        ObjectNode root = Json.object();
        ArrayNode calls = root.putArray("calls");
        int skip = Math.max(0, recent.size() - limit);
        int i = 0;
        for (Entry e : recent) {
            if (i++ < skip) {
                continue;
            }
            ObjectNode n = calls.addObject();
            n.put("at", e.at().toString());
            n.put("method", e.method());
            n.put("path", e.path());
            n.put("status", e.status());
            n.put("duration_ms", e.micros() / 1000.0);
        }
        ObjectNode c = root.putObject("counts");
        counts.forEach(c::put);
        return root;
    }
}
