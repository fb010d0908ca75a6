package io.github.metacommerce.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Setting up users, stores and members without SQL, and who may do it. */
class AccountApiTest extends AdminServerTestBase {
    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void anAdministratorAddsAUserAStoreAndAMembership() {
        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        String name = unique("Clerk").toLowerCase();
        HttpResponse<String> user = admin.post("/api/admin/users", "{\"username\":\"" + name.toUpperCase()
                + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(user.statusCode()).isEqualTo(201);
        assertThat(Browser.json(user).get("username").asString()).isEqualTo(name);

        HttpResponse<String> store = admin.post("/api/admin/stores", "{\"name\":\"Second Shop\"}");
        assertThat(store.statusCode()).isEqualTo(201);
        long storeId = Browser.json(store).get("id").asLong();
        assertThat(admin.put("/api/admin/stores/" + storeId + "/members", "{\"username\":\"" + name
                + "\",\"role\":\"staff\"}").statusCode()).isEqualTo(200);

        Browser clerk = Browser.basic(baseUrl(), name, PASSWORD);
        HttpResponse<String> stores = clerk.get("/api/meta-commerce/stores");
        assertThat(Browser.json(stores).get("stores").get(0).get("role").asString()).isEqualTo("staff");
        assertThat(clerk.post("/api/admin/users", "{\"username\":\"x" + name + "\",\"password\":\"" + PASSWORD
                + "\"}").statusCode()).isEqualTo(403);
        assertThat(clerk.put("/api/admin/stores/" + storeId + "/members", "{\"username\":\"" + name
                + "\",\"role\":\"owner\"}").statusCode()).as("staff cannot promote itself").isEqualTo(403);

        assertThat(admin.delete("/api/admin/stores/" + storeId + "/members/" + name).statusCode()).isEqualTo(200);
        assertThat(Browser.json(clerk.get("/api/meta-commerce/stores")).get("stores").size()).isZero();
    }

    @Test
    void aMerchantAddedToASecondStoreStaysOnTheStoreThePagesShowed() {
        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        String name = unique("merchant").toLowerCase();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\"}").statusCode()).isEqualTo(201);
        long first = Browser.json(admin.post("/api/admin/stores", "{\"name\":\"Zulu Shop\",\"owner\":\"" + name
                + "\"}")).get("id").asLong();
        Browser merchant = new Browser(baseUrl());
        merchant.signIn(name, PASSWORD);
        assertThat(merchant.get("/admin/marketplace-hub").statusCode()).isEqualTo(200);

        // a second store that sorts first by name
        long second = Browser.json(admin.post("/api/admin/stores", "{\"name\":\"Alpha Shop\",\"owner\":\"" + name
                + "\"}")).get("id").asLong();
        assertThat(second).isNotEqualTo(first);
        HttpResponse<String> config = merchant.get("/api/meta-commerce/config");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(merchant.get("/admin/marketplace-hub").body()).contains("Zulu Shop");
        // an API client without a session still has to choose
        assertThat(Browser.basic(baseUrl(), name, PASSWORD).get("/api/meta-commerce/config").statusCode())
                .isEqualTo(400);
    }

    @Test
    void badInputNamesTheField() {
        Browser admin = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        assertField(admin.post("/api/admin/users", "{\"password\":\"" + PASSWORD + "\"}"), 400, "username");
        assertField(admin.post("/api/admin/users", "{\"username\":\"a b\",\"password\":\"" + PASSWORD + "\"}"), 400,
                "username");
        assertField(admin.post("/api/admin/users", "{\"username\":\"" + unique("u").toLowerCase()
                + "\",\"password\":\"short\"}"), 400, "password");
        assertField(admin.post("/api/admin/users", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"), 409,
                "username");
        assertField(admin.post("/api/admin/stores", "{\"name\":\"\"}"), 400, "name");
        assertField(admin.post("/api/admin/stores", "{\"name\":\"Shop\",\"owner\":\"nobody-at-all\"}"), 400, "owner");
        assertField(admin.put("/api/admin/stores/1/members", "{\"username\":\"admin\",\"role\":\"king\"}"), 400, "role");
        HttpResponse<String> malformed = admin.post("/api/admin/stores", "{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Browser.json(malformed).get("code").asString()).isEqualTo("malformed_json");
    }

    private static void assertField(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Browser.json(r).get("field").asString()).isEqualTo(field);
    }
}
