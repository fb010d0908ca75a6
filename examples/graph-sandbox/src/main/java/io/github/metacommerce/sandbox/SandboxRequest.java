package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request read the way Meta reads it: parameters from the query string and from a form, multipart or JSON body
 * (body values win), the token from {@code Authorization: Bearer|OAuth} or {@code access_token}.
 */
final class SandboxRequest {
    private static final Pattern VERSIONED = Pattern.compile("^/(v[0-9]{1,3}\\.0)(/.*)?$");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");

    final String method;
    /** The path without version prefix and without trailing slash, e.g. {@code /me/businesses}. */
    final String path;
    /** The version prefix, e.g. {@code v27.0}; empty for unversioned paths. */
    final String version;
    final String rawPath;
    final Map<String, String> params;
    /** Arrays of a JSON body (such as {@code requests}), kept parsed rather than as text in {@link #params}. */
    final Map<String, JsonNode> arrays;
    final Headers headers;
    final String token;

    private SandboxRequest(String method, String rawPath, Map<String, String> params, Map<String, JsonNode> arrays,
            Headers headers) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.rawPath = rawPath;
        Matcher m = VERSIONED.matcher(rawPath);
        String p;
        if (m.matches()) {
            this.version = m.group(1);
            p = m.group(2) == null ? "/" : m.group(2);
        } else {
            this.version = "";
            p = rawPath;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.path = p;
        this.params = params;
        this.arrays = arrays;
        this.headers = headers;
        this.token = token(headers, params);
    }

    static SandboxRequest read(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>(decodeForm(rawQuery));
        Map<String, JsonNode> arrays = new LinkedHashMap<>();
        String contentType = headers.getFirst("Content-Type");
        if (body.length > 0) {
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (ct.startsWith("multipart/form-data")) {
                params.putAll(multipart(contentType, body));
            } else if (ct.startsWith("application/json")) {
                json(new String(body, StandardCharsets.UTF_8), params, arrays);
            } else {
                params.putAll(decodeForm(new String(body, StandardCharsets.UTF_8)));
            }
        }
        return new SandboxRequest(method, rawPath, params, arrays, headers);
    }

    /**
     * Returns the version prefix of a raw path.
     *
     * @param rawPath e.g. {@code /v26.0/me}
     * @return the version, or {@code v27.0} for an unversioned path
     */
    static String versionOf(String rawPath) {
        Matcher m = VERSIONED.matcher(rawPath);
        return m.matches() ? m.group(1) : "v27.0";
    }

    String param(String name) {
        String v = params.get(name);
        if (v == null && arrays.containsKey(name)) {
            return arrays.get(name).toString();
        }
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * Returns a parameter that holds JSON, parsed: from a JSON body as it came, from a form or query parsed.
     *
     * @param name the parameter
     * @return the value, or null when absent or not JSON
     */
    JsonNode jsonParam(String name) {
        JsonNode n = arrays.get(name);
        if (n != null) {
            return n;
        }
        String v = param(name);
        return v == null ? null : Json.parse(v);
    }

    String[] segments() {
        return path.substring(1).split("/", -1);
    }

    private static String token(Headers headers, Map<String, String> params) {
        String auth = headers.getFirst("Authorization");
        if (auth != null) {
            String a = auth.strip();
            for (String scheme : List.of("Bearer ", "OAuth ")) {
                if (a.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    return a.substring(scheme.length()).strip();
                }
            }
        }
        String t = params.get("access_token");
        return t == null || t.isBlank() ? null : t.strip();
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void json(String text, Map<String, String> out, Map<String, JsonNode> arrays) {
        JsonNode root = Json.parse(text);
        if (root == null || !root.isObject()) {
            throw GraphFailure.invalidParameter("The request body is not a JSON object");
        }
        root.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                arrays.put(e.getKey(), v); // parsed once: a batch's requests are not written out and read again
                out.remove(e.getKey());
            } else if (!v.isNull()) {
                out.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
            }
        });
    }

    private static Map<String, String> multipart(String contentType, byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw GraphFailure.invalidParameter("multipart body without boundary");
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        for (String part : text.split(Pattern.quote(delimiter))) {
            if (part.startsWith("--") || part.isBlank()) {
                continue;
            }
            String p = part.startsWith("\r\n") ? part.substring(2) : part;
            int split = p.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher name = PART_NAME.matcher(p.substring(0, split));
            if (!name.find()) {
                continue;
            }
            String value = p.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            out.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
