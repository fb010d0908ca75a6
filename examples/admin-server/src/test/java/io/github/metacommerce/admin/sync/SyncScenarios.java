package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Steps the sync tests share: a connected store with its own catalog, running a sync to its end, the sandbox. */
final class SyncScenarios {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SyncScenarios() {
    }

    /** A store of the signed-in administrator, connected, with a new catalog of its own selected. */
    record ConnectedStore(long storeId, String catalogId) {
    }

    static ConnectedStore connectedStore(Browser admin, String name) {
        long storeId = ConnectionScenarios.newStoreFor(admin, name);
        HttpResponse<String> landed = admin.get(ConnectionScenarios.consent(admin, "continue"));
        assertThat(landed.statusCode()).as(landed.body()).isIn(200, 302);
        assertThat(admin.put("/api/meta-commerce/businesses/select", "{\"businessId\":\"" + GraphSandbox.BUSINESS_ID
                + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> created = admin.post("/api/meta-commerce/catalogs", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String catalogId = Browser.json(created).get("catalog").get("id").asString();
        assertThat(admin.put("/api/meta-commerce/catalogs/select", "{\"catalogId\":\"" + catalogId + "\"}")
                .statusCode()).isEqualTo(200);
        return new ConnectedStore(storeId, catalogId);
    }

    static JsonNode importFile(Browser admin, String resource) {
        HttpResponse<String> r = admin.upload("/api/meta-commerce/products/import", "file", resource,
                bytes("/import/" + resource));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Browser.json(r);
    }

    /** Starts a run and waits for its end; returns the ended job. */
    static JsonNode syncToEnd(Browser admin, String body) {
        HttpResponse<String> started = admin.post("/api/meta-commerce/sync-job", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitEnd(admin, Browser.json(started).get("jobId").asString());
    }

    static JsonNode awaitEnd(Browser admin, String jobId) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = admin.get("/api/meta-commerce/jobs/" + jobId);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            job.set(Browser.json(r).get("job"));
            String status = job.get().get("status").asString();
            return !status.equals("queued") && !status.equals("running");
        });
        return job.get();
    }

    /** The sandbox catalog's items by retailer id (as stored: {@code data} and {@code localizations}). */
    static Map<String, JsonNode> sandboxItems(GraphSandbox sandbox, String catalogId) {
        return sandboxItems(sandbox.baseUrl(), catalogId);
    }

    /** The same, from the sandbox at {@code sandboxUrl} (one running in its own process). */
    static Map<String, JsonNode> sandboxItems(String sandboxUrl, String catalogId) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        JsonNode page = sandbox(sandboxUrl, "GET", "/_sandbox/catalogs/" + catalogId + "/items?limit=10000", null);
        page.get("data").forEach(i -> items.put(i.get("retailer_id").asString(), i));
        return items;
    }

    static JsonNode sandbox(GraphSandbox sandbox, String method, String path, String json) {
        return sandbox(sandbox.baseUrl(), method, path, json);
    }

    /** A control call to the sandbox at {@code sandboxUrl}; fails unless it answers 2xx. */
    static JsonNode sandbox(String sandboxUrl, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandboxUrl + path));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of valid products {@code p1..pN} (SKU {@code SKU-n}), as {@code PUT /products} takes it. */
    static String products(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                sb.append(',');
            }
            sb.append("{\"productId\":\"p").append(i).append("\",\"sku\":\"SKU-").append(i)
                    .append("\",\"name\":\"Product ").append(i).append("\",\"description\":\"A fine product\",")
                    .append("\"price\":\"").append(10 + i).append(".00\",\"slug\":\"p").append(i)
                    .append("\",\"imageUrls\":[\"https://cdn.example.com/p").append(i).append(".jpg\"],")
                    .append("\"stockQuantity\":5}");
        }
        return sb.append(']').toString();
    }

    static byte[] bytes(String resource) {
        try (InputStream in = SyncScenarios.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
