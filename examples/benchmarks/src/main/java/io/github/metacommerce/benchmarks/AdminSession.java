package io.github.metacommerce.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session of the admin server over HTTP/1.1: form login with its CSRF token, the session cookie,
 * the CSRF header on writes, as the admin pages send them.
 */
final class AdminSession {
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String csrf;
    private String storeId;
    private String basicAuth;

    private AdminSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the login form. */
    static AdminSession signIn(String base, String user, String password) {
        AdminSession s = new AdminSession(base);
        Matcher m = CSRF_INPUT.matcher(s.get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "_csrf", m.group(1))))));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
        }
        Matcher meta = CSRF_META.matcher(s.get("/admin/marketplace-hub").body());
        s.csrf = meta.find() ? meta.group(1) : null;
        return s;
    }

    /** Sends {@code X-Store-Id} with every later request to the admin server. */
    AdminSession store(long id) {
        storeId = Long.toString(id);
        return this;
    }

    /** An API client that sends HTTP Basic on every request (the server checks the password each time). */
    static AdminSession basic(String base, String user, String password) {
        AdminSession s = new AdminSession(base);
        s.basicAuth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return s;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    /** A GET that must answer 200, as JSON. */
    JsonNode getJson(String path) {
        return ok(get(path));
    }

    /** A JSON POST that must answer 2xx. */
    JsonNode post(String path, String json) {
        return ok(send(request(path).header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A JSON PUT that must answer 2xx. */
    JsonNode put(String path, String json) {
        return ok(send(request(path).header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** Uploads a file as the multipart field {@code file}; must answer 2xx. */
    JsonNode upload(String path, Path file) {
        String boundary = "----bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            byte[] content = java.nio.file.Files.readAllBytes(file);
            return ok(send(request(path).header("X-CSRF-TOKEN", csrf)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a form to another origin (the sandbox's consent page) without the session's cookies mattering. */
    HttpResponse<String> postForm(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        if (pathOrUrl.startsWith("http") && !pathOrUrl.startsWith(base)) {
            return HttpRequest.newBuilder(URI.create(pathOrUrl));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                : base + pathOrUrl));
        if (storeId != null) {
            b.header("X-Store-Id", storeId);
        }
        if (basicAuth != null) {
            b.header("Authorization", basicAuth);
        }
        return b;
    }

    static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
