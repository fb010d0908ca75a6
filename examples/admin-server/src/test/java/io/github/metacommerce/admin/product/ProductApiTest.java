package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code PUT|GET /products}, {@code GET|DELETE /products/{id}}: the answers, the 400s, and who may do what. */
class ProductApiTest extends AdminServerTestBase {
    static final String PASSWORD = "a-long-password-for-products";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Browser owner;
    private long storeId;

    /** A store with an owner of its own. */
    record Shop(String owner, long id, Browser browser) {
    }

    static Shop newShop() {
        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        String user = unique("owner").toLowerCase();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> store = admin.post("/api/admin/stores", "{\"name\":\"" + unique("Shop") + "\",\"owner\":\""
                + user + "\"}");
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        return new Shop(user, Browser.json(store).get("id").asLong(), Browser.basic(baseUrl(), user, PASSWORD));
    }

    static Browser member(long storeId, String role) {
        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        String user = unique(role).toLowerCase();
        admin.post("/api/admin/users", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(admin.put("/api/admin/stores/" + storeId + "/members", "{\"username\":\"" + user + "\",\"role\":\""
                + role + "\"}").statusCode()).isEqualTo(200);
        return Browser.basic(baseUrl(), user, PASSWORD);
    }

    @BeforeEach
    void shop() {
        Shop s = newShop();
        owner = s.browser();
        storeId = s.id();
    }

    private static String product(String id, String sku, String name, String extra) {
        return "{\"productId\":\"" + id + "\",\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"price\":\"10.00\""
                + extra + "}";
    }

    private JsonNode put(Browser b, String body) {
        HttpResponse<String> r = b.put("/api/meta-commerce/products", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Browser.json(r);
    }

    @Test
    void putUpsertsReportsProblemsWithLineAndFieldAndAnswersUnchangedTheSecondTime() {
        String body = "[\n" + product("tee", "TEE", "Tee", ",\"salePeriod\":{\"start\":\"2026-11-27\","
                + "\"end\":\"2026-11-30\"},\"variants\":[{\"productId\":\"tee-s\",\"sku\":\"TEE-S\",\"size\":\"S\"}]")
                + ",\n" + product("mug", "MUG", "Mug", ",\"variants\":[{\"productId\":\"mug-1\",\"price\":\"abc\"}]")
                + "\n]";
        JsonNode first = put(owner, body);
        assertThat(first.get("received").asLong()).isEqualTo(2);
        assertThat(first.get("created").asLong()).isEqualTo(1);
        assertThat(first.get("updated").asLong()).isZero();
        assertThat(first.get("problems")).hasSize(1);
        JsonNode problem = first.get("problems").get(0);
        assertThat(problem.get("line").asLong()).isEqualTo(3);
        assertThat(problem.get("column").asString()).isEqualTo("variants[0].price");
        assertThat(problem.get("message").asString()).contains("'abc' is not a price");

        JsonNode again = put(owner, body);
        assertThat(again.get("unchanged").asLong()).isEqualTo(1);
        assertThat(again.get("created").asLong()).isZero();
        JsonNode changed = put(owner, "[" + product("tee", "TEE", "Tee II", "") + "]");
        assertThat(changed.get("updated").asLong()).isEqualTo(1);
        assertThat(changed.get("problems")).isEmpty();
    }

    @Test
    void getByIdAnswersTheDocumentThatPutTakes() {
        String tee = product("tee", "TEE", "Tee", ",\"translations\":{\"de\":{\"name\":\"T-Shirt\"}},"
                + "\"customLabels\":[\"summer\"],\"variants\":[{\"productId\":\"tee-s\",\"sku\":\"TEE-S\","
                + "\"stockQuantity\":3,\"backorderPolicy\":\"allow\"}]");
        put(owner, "[" + tee + "]");
        HttpResponse<String> r = owner.get("/api/meta-commerce/products/tee");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Browser.json(r).get("product");
        assertThat(doc.get("price").asString()).isEqualTo("10.00");
        assertThat(doc.get("translations").get("de").get("name").asString()).isEqualTo("T-Shirt");
        assertThat(doc.get("variants").get(0).get("backorderPolicy").asString()).isEqualTo("allow");
        // what GET answers, PUT takes back unchanged
        JsonNode back = put(owner, "[" + JSON.writeValueAsString(doc) + "]");
        assertThat(back.get("unchanged").asLong()).isEqualTo(1);
        assertThat(back.get("problems")).isEmpty();

        HttpResponse<String> unknown = owner.get("/api/meta-commerce/products/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Browser.json(unknown).get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void aBodyThatIsNoJsonArrayIsA400NamingTheBody() {
        for (String body : List.of("{\"productId\":\"x\"}", "hello", "[{\"productId\": \"x\",", "", "productId,name\nx,y")) {
            HttpResponse<String> r = owner.put("/api/meta-commerce/products", body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(Browser.json(r).get("field").asString()).isEqualTo("body");
        }
        assertThat(owner.put("/api/meta-commerce/products", "[]").statusCode()).isEqualTo(200);
        assertThat(total(owner, "")).isZero();
    }

    @Test
    void theListPagesSearchesAndFilters() {
        put(owner, "[" + String.join(",",
                product("a-1", "SKU-A1", "Blue Hoodie", ""),
                product("a-2", "SKU-A2", "Red Hoodie", ",\"status\":\"draft\""),
                product("b-1", "SKU-B1", "Mug 100%", ",\"status\":\"archived\",\"stockQuantity\":0"),
                product("b-2", "SKU-B2", "Candle", ",\"variants\":[{\"productId\":\"b-2-x\",\"sku\":\"VAR_CEDAR\"}]"),
                product("c-1", "SKU-C1", "Lamp", "")) + "]");
        JsonNode page = Browser.json(owner.get("/api/meta-commerce/products?page=1&size=2"));
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly("b-1", "b-2");
        JsonNode mug = page.get("products").get(0);
        assertThat(mug.get("sku").asString()).isEqualTo("SKU-B1");
        assertThat(mug.get("name").asString()).isEqualTo("Mug 100%");
        assertThat(mug.get("status").asString()).isEqualTo("archived");
        assertThat(mug.get("inStock").asBoolean()).isFalse();
        assertThat(mug.get("variantCount").asInt()).isZero();
        assertThat(mug.get("updatedAt").asString()).isNotBlank();
        assertThat(mug.get("lastSyncedAt").isNull()).isTrue();
        assertThat(page.get("products").get(1).get("variantCount").asInt()).isEqualTo(1);

        assertThat(ids(list("q=hoodie"))).containsExactly("a-1", "a-2");
        assertThat(ids(list("q=sku-c"))).containsExactly("c-1");
        assertThat(ids(list("q=var_cedar"))).as("a variant's SKU").containsExactly("b-2");
        assertThat(ids(list("q=B-"))).containsExactly("b-1", "b-2");
        assertThat(ids(list("q=100%25"))).containsExactly("b-1");
        assertThat(ids(list("q=_"))).as("_ is no wildcard").containsExactly("b-2");
        assertThat(ids(list("status=draft"))).containsExactly("a-2");
        assertThat(ids(list("status=ACTIVE&q=hoodie"))).containsExactly("a-1");
        assertThat(list("page=9").get("products")).isEmpty();
        assertThat(list("page=9").get("total").asLong()).isEqualTo(5);
    }

    @Test
    void badListParametersAre400sNamingTheParameter() {
        assertField(owner.get("/api/meta-commerce/products?size=0"), "size");
        assertField(owner.get("/api/meta-commerce/products?size=201"), "size");
        assertField(owner.get("/api/meta-commerce/products?size=abc"), "size");
        assertField(owner.get("/api/meta-commerce/products?page=-1"), "page");
        assertField(owner.get("/api/meta-commerce/products?status=sold"), "status");
        assertThat(owner.get("/api/meta-commerce/products?size=200").statusCode()).isEqualTo(200);
    }

    @Test
    void deleteRemovesAndThenIs404() {
        put(owner, "[" + product("tee", "TEE", "Tee", "") + "]");
        HttpResponse<String> r = owner.delete("/api/meta-commerce/products/tee");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Browser.json(r).get("success").asBoolean()).isTrue();
        assertThat(owner.get("/api/meta-commerce/products/tee").statusCode()).isEqualTo(404);
        assertThat(owner.delete("/api/meta-commerce/products/tee").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherStoresUserCannotReadChangeOrDeleteThisStoresProducts() {
        put(owner, "[" + product("secret", "SECRET", "Secret", "") + "]");
        Shop other = newShop();
        Browser b = other.browser();
        assertThat(b.get("/api/meta-commerce/products/secret").statusCode()).isEqualTo(404);
        assertThat(b.delete("/api/meta-commerce/products/secret").statusCode()).isEqualTo(404);
        assertThat(total(b, "")).isZero();
        // B's own PUT of the same id creates B's product and leaves A's alone
        assertThat(put(b, "[" + product("secret", "MINE", "Mine", "") + "]").get("created").asLong()).isEqualTo(1);

        String a = Long.toString(storeId);
        for (HttpRequest.Builder req : List.of(
                request("/products/secret").GET(), request("/products").GET(),
                request("/products/secret").DELETE(),
                request("/products").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("[" + product("secret", "X", "X", "") + "]")))) {
            HttpResponse<String> r = b.send(req.header("X-Store-Id", a));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        }
        HttpResponse<String> upload = b.send(request("/products/import").header("X-Store-Id", a)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.json\"\r\n\r\n[]\r\n--x--\r\n")));
        assertThat(upload.statusCode()).isEqualTo(403);

        JsonNode mine = Browser.json(owner.get("/api/meta-commerce/products/secret")).get("product");
        assertThat(mine.get("sku").asString()).isEqualTo("SECRET");
        assertThat(total(owner, "")).isEqualTo(1);
    }

    @Test
    void staffMayReadButNotWrite() {
        put(owner, "[" + product("tee", "TEE", "Tee", "") + "]");
        Browser staff = member(storeId, "staff");
        assertThat(staff.get("/api/meta-commerce/products/tee").statusCode()).isEqualTo(200);
        assertThat(total(staff, "")).isEqualTo(1);
        HttpResponse<String> put = staff.put("/api/meta-commerce/products", "[" + product("x", "X", "X", "") + "]");
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(Browser.json(put).get("category").asString()).isEqualTo("permission_error");
        assertThat(staff.delete("/api/meta-commerce/products/tee").statusCode()).isEqualTo(403);
        assertThat(staff.upload("/api/meta-commerce/products/import", "file", "p.json",
                ("[" + product("y", "Y", "Y", "") + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
        assertThat(total(owner, "")).isEqualTo(1);
    }

    private JsonNode list(String query) {
        HttpResponse<String> r = owner.get("/api/meta-commerce/products?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Browser.json(r);
    }

    static long total(Browser b, String query) {
        HttpResponse<String> r = b.get("/api/meta-commerce/products?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Browser.json(r).get("total").asLong();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("products").forEach(p -> out.add(p.get("productId").asString()));
        return out;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/api/meta-commerce" + path));
    }

    static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Browser.json(r).get("field").asString()).isEqualTo(field);
    }
}
