package io.github.metacommerce.admin;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal browser over {@code java.net.http}: keeps cookies, never follows redirects on its own, reads the CSRF
 * token from the pages and sends it as a form field or header like the real pages do. Or, with
 * {@link #basic(String, String, String)}, an API client that sends HTTP Basic and no cookie.
 */
public final class Browser {
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private final Optional<String> basicAuth;
    private String csrf;

    public Browser(String base) {
        this(base, Optional.empty());
    }

    private Browser(String base, Optional<String> basicAuth) {
        this.base = base;
        this.basicAuth = basicAuth;
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (basicAuth.isEmpty()) {
            b.cookieHandler(new CookieManager());
        }
        this.http = b.build();
    }

    /** @return an API client with HTTP Basic credentials */
    public static Browser basic(String base, String user, String password) {
        return new Browser(base, Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** Signs in through the login form. */
    public void signIn(String user, String password) {
        HttpResponse<String> page = get("/login");
        Matcher m = CSRF_INPUT.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF field on the login page");
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "_csrf", m.group(1))))));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + user + " failed: " + r.statusCode() + " " + location);
        }
        refreshCsrf();
    }

    /** Reads the current CSRF token from a page, as the pages' scripts do. */
    public void refreshCsrf() {
        HttpResponse<String> page = get("/admin/marketplace-hub");
        Matcher m = CSRF_META.matcher(page.body());
        csrf = m.find() ? m.group(1) : null;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(withCsrf(request(path)).DELETE());
    }

    /**
     * Uploads a file as {@code multipart/form-data}, as a browser's file input does.
     *
     * @param path the route
     * @param field the form field's name, such as {@code file}
     * @param filename the file name sent
     * @param content the file's bytes
     * @return the answer
     */
    public HttpResponse<String> upload(String path, String field, String filename, byte[] content) {
        String boundary = "----browser-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(withCsrf(request(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /** A request without the CSRF header, to prove it is required. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        basicAuth.ifPresent(a -> builder.header("Authorization", a));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    public static Map<String, String> query(String url) {
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

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        if (csrf != null && basicAuth.isEmpty()) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return b;
    }
}
