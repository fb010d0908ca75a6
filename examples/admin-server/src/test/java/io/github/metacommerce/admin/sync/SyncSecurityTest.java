package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Another store's user, in their own store, cannot see, start or cancel this store's runs, products or errors by
 * id: every read is keyed by the current store, so a guessed id finds nothing.
 */
class SyncSecurityTest extends AdminServerTestBase {
    private static final String PASSWORD = "a-long-password-for-c";

    @Test
    void anotherStoresUserFindsNothingOfThisStoreById() {
        Browser admin = admin();
        SyncScenarios.connectedStore(admin, unique("owned"));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\"}").statusCode())
                .isEqualTo(200);
        // one product without a price: the run leaves an error for it
        assertThat(admin.put("/api/meta-commerce/products", "[{\"productId\":\"secret-1\",\"sku\":\"SECRET-1\","
                + "\"name\":\"Secret\",\"slug\":\"secret\",\"imageUrls\":[\"https://cdn.example.com/s.jpg\"]}]")
                .statusCode()).isEqualTo(200);
        JsonNode job = SyncScenarios.syncToEnd(admin, "{}");
        String jobId = job.get("jobId").asString();
        assertThat(Browser.json(admin.get("/api/meta-commerce/products/errors?q=SECRET")).get("total").asLong())
                .isPositive();

        String userC = unique("user-c").toLowerCase();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"" + userC + "\",\"password\":\"" + PASSWORD
                + "\"}").statusCode()).isEqualTo(201);
        long storeC = Browser.json(admin.post("/api/admin/stores", "{\"name\":\"" + unique("Store C")
                + "\",\"owner\":\"" + userC + "\"}")).get("id").asLong();
        Browser c = Browser.basic(baseUrl(), userC, PASSWORD);

        assertThat(send(c, storeC, "GET", "/api/meta-commerce/jobs/" + jobId).statusCode()).isEqualTo(404);
        assertThat(send(c, storeC, "POST", "/api/meta-commerce/jobs/" + jobId + "/cancel").statusCode())
                .isEqualTo(404);
        assertThat(send(c, storeC, "GET", "/api/meta-commerce/products/secret-1").statusCode()).isEqualTo(404);
        JsonNode history = Browser.json(send(c, storeC, "GET", "/api/meta-commerce/sync/history"));
        assertThat(history.get("total").asLong()).isZero();
        JsonNode errors = Browser.json(send(c, storeC, "GET", "/api/meta-commerce/products/errors?q=SECRET"));
        assertThat(errors.get("total").asLong()).isZero();
        assertThat(send(c, storeC, "GET", "/api/meta-commerce/products/errors.csv").body()).doesNotContain("SECRET");
        JsonNode status = Browser.json(send(c, storeC, "GET", "/api/meta-commerce/products/status?q=secret"));
        assertThat(status.get("total").asLong()).isZero();
        // C's store is not connected: C cannot start a run anywhere
        HttpResponse<String> start = send(c, storeC, "POST", "/api/meta-commerce/sync/products");
        assertThat(start.statusCode()).isEqualTo(400);
        assertThat(Browser.json(admin.get("/api/meta-commerce/jobs/" + jobId)).get("job").get("status").asString())
                .isEqualTo(job.get("status").asString());
    }

    private static HttpResponse<String> send(Browser b, long store, String method, String path) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("X-Store-Id", Long.toString(store)).header("Content-Type", "application/json");
        r = method.equals("GET") ? r.GET() : r.POST(HttpRequest.BodyPublishers.ofString("{\"productIds\":[\"secret-1\"]}"));
        return b.send(r);
    }
}
