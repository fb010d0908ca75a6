package io.github.metacommerce.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may touch what: a member of store B tries every route on store A; requests without a CSRF token; forged,
 * expired, replayed and cross-store OAuth states; a callback without a session.
 */
class SecurityMatrixTest extends AdminServerTestBase {
    private static final String PASSWORD = "a-long-password-for-b";

    @Autowired
    JdbcTemplate jdbc;

    private Browser owner;
    private long storeA;
    private String userB;
    private long storeB;

    @BeforeEach
    void twoStores() {
        owner = admin();
        storeA = ConnectionScenarios.newStoreFor(owner, unique("Store A"));
        owner.get(ConnectionScenarios.consent(owner, "continue"));
        owner.put("/api/meta-commerce/businesses/select", "{\"businessId\":\"" + GraphSandbox.BUSINESS_ID + "\"}");
        owner.put("/api/meta-commerce/catalogs/select", "{\"catalogId\":\"" + GraphSandbox.CATALOG_ID + "\"}");
        userB = unique("user-b").toLowerCase();
        assertThat(owner.post("/api/admin/users", "{\"username\":\"" + userB + "\",\"password\":\"" + PASSWORD
                + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> b = owner.post("/api/admin/stores", "{\"name\":\"" + unique("Store B") + "\",\"owner\":\""
                + userB + "\"}");
        storeB = Browser.json(b).get("id").asLong();
    }

    @Test
    void aMemberOfAnotherStoreReachesNoRouteOfStoreA() {
        List<Map<String, Object>> before = snapshot(storeA);
        Browser b = Browser.basic(baseUrl(), userB, PASSWORD);
        String header = "X-Store-Id";
        List<String[]> routes = List.of(
                new String[] {"POST", "/api/meta-commerce/auth/url", "{}"},
                new String[] {"POST", "/api/meta-commerce/auth/disconnect", "{}"},
                new String[] {"GET", "/api/meta-commerce/status", null},
                new String[] {"GET", "/api/meta-commerce/config", null},
                new String[] {"POST", "/api/meta-commerce/save-config", "{\"currency\":\"JPY\"}"},
                new String[] {"GET", "/api/meta-commerce/businesses", null},
                new String[] {"GET", "/api/meta-commerce/catalogs", null},
                new String[] {"POST", "/api/meta-commerce/catalogs", "{\"name\":\"Intruder\"}"},
                new String[] {"PUT", "/api/meta-commerce/businesses/select", "{\"businessId\":\""
                        + GraphSandbox.SECOND_BUSINESS_ID + "\"}"},
                new String[] {"PUT", "/api/meta-commerce/catalogs/select", "{\"catalogId\":\""
                        + GraphSandbox.SECOND_CATALOG_ID + "\"}"},
                new String[] {"PUT", "/api/admin/stores/" + storeA + "/members", "{\"username\":\"" + userB
                        + "\",\"role\":\"owner\"}"},
                new String[] {"POST", "/api/meta-commerce/stores/current", "{\"storeId\":" + storeA + "}"},
                new String[] {"GET", "/api/meta-commerce/products", null},
                new String[] {"GET", "/api/meta-commerce/products/demo-001", null},
                new String[] {"PUT", "/api/meta-commerce/products", "[{\"productId\":\"intruder\"}]"},
                new String[] {"DELETE", "/api/meta-commerce/products/demo-001", null},
                new String[] {"POST", "/api/meta-commerce/products/import", "[]"},
                new String[] {"POST", "/api/meta-commerce/sync-job", "{}"},
                new String[] {"POST", "/api/meta-commerce/sync/products", "{\"productIds\":[\"demo-001\"]}"},
                new String[] {"GET", "/api/meta-commerce/sync/status", null},
                new String[] {"GET", "/api/meta-commerce/sync/history", null},
                new String[] {"GET", "/api/meta-commerce/jobs/00000000-0000-0000-0000-000000000000", null},
                new String[] {"POST", "/api/meta-commerce/jobs/00000000-0000-0000-0000-000000000000/cancel", "{}"},
                new String[] {"GET", "/api/meta-commerce/products/status", null},
                new String[] {"GET", "/api/meta-commerce/products/errors", null},
                new String[] {"GET", "/api/meta-commerce/products/errors/summary", null},
                new String[] {"GET", "/api/meta-commerce/products/errors.csv", null});
        for (String[] route : routes) {
            java.net.http.HttpRequest.Builder req = java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(baseUrl() + route[1])).header(header, Long.toString(storeA))
                    .header("Content-Type", "application/json");
            req = switch (route[0]) {
                case "GET" -> req.GET();
                case "PUT" -> req.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(route[2]));
                case "DELETE" -> req.DELETE();
                default -> req.POST(java.net.http.HttpRequest.BodyPublishers.ofString(route[2]));
            };
            HttpResponse<String> r = b.send(req);
            assertThat(r.statusCode()).as(route[0] + " " + route[1] + ": " + r.body()).isEqualTo(403);
            assertThat(Browser.json(r).get("category").asString()).isEqualTo("permission_error");
        }
        // B's own store answers, and shows nothing of A
        HttpResponse<String> own = b.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/meta-commerce/status")).header(header, Long.toString(storeB)));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Browser.json(own).get("connected").asBoolean()).isFalse();
        assertThat(snapshot(storeA)).isEqualTo(before);
    }

    @Test
    void anUnknownStoreLooksLikeAForeignOne() {
        Browser b = Browser.basic(baseUrl(), userB, PASSWORD);
        HttpResponse<String> r = b.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/meta-commerce/status")).header("X-Store-Id", "987654321"));
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> bad = b.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/meta-commerce/status")).header("X-Store-Id", "abc"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Browser.json(bad).get("field").asString()).isEqualTo("X-Store-Id");
    }

    @Test
    void nobodySignedInGets401OnTheApiAndTheLoginPageOnPages() {
        Browser anonymous = new Browser(baseUrl());
        HttpResponse<String> api = anonymous.get("/api/meta-commerce/status");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(Browser.json(api).get("code").asString()).isEqualTo("not_signed_in");
        HttpResponse<String> page = anonymous.get("/admin/marketplace-hub");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(Browser.basic(baseUrl(), userB, "wrong-password").get("/api/meta-commerce/status").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSessionRequestWithoutCsrfTokenIsRefused() {
        HttpResponse<String> api = owner.postWithoutCsrf("/api/meta-commerce/save-config", "{\"currency\":\"JPY\"}");
        assertThat(api.statusCode()).isEqualTo(403);
        HttpResponse<String> page = owner.postForm("/admin/integrations/instagram-shopping/disconnect",
                Map.of("confirm", "yes", "_csrf", "forged"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from store_settings where store_id = ? and currency = 'JPY'",
                Long.class, storeA)).isZero();
    }

    @Test
    void forgedExpiredReplayedAndForeignStatesStoreNothing() {
        Browser b = new Browser(baseUrl());
        b.signIn(userB, PASSWORD);
        b.post("/api/meta-commerce/stores/current", "{\"storeId\":" + storeB + "}");
        String callback = ConnectionScenarios.consent(b, "continue");
        Map<String, String> q = Browser.query(callback);
        String path = callback.substring(0, callback.indexOf('?'));

        String forged = q.get("state").substring(0, q.get("state").length() - 2) + "AA";
        assertThat(landing(b, path + "?code=" + q.get("code") + "&state=" + forged)).endsWith("error=invalid_state");

        OAuthStateCodec past = OAuthStateCodec.builder().signingKeyDerivedFrom(GraphSandbox.DEFAULT_APP_SECRET)
                .clock(Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .usedNonceStore(UsedNonceStore.inMemory(10, Clock.systemUTC())).build();
        assertThat(landing(b, path + "?code=" + q.get("code") + "&state=" + past.issue(Long.toString(storeB))))
                .endsWith("error=state_expired");

        // a state for store A, opened in B's session: B is no member of A
        OAuthStateCodec now = OAuthStateCodec.builder().signingKeyDerivedFrom(GraphSandbox.DEFAULT_APP_SECRET)
                .usedNonceStore(UsedNonceStore.inMemory(10, Clock.systemUTC())).build();
        List<Map<String, Object>> before = snapshot(storeA);
        assertThat(landing(b, path + "?code=" + q.get("code") + "&state=" + now.issue(Long.toString(storeA))))
                .endsWith("error=foreign_store");
        assertThat(snapshot(storeA)).isEqualTo(before);
        assertThat(count(storeB)).isZero();

        assertThat(landing(b, callback)).endsWith("success=connected");
        assertThat(landing(b, callback)).endsWith("error=state_replayed");
        assertThat(count(storeB)).isEqualTo(1);
    }

    @Test
    void aStaffMemberMayNotConnect() {
        String staff = unique("staff").toLowerCase();
        owner.post("/api/admin/users", "{\"username\":\"" + staff + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(owner.put("/api/admin/stores/" + storeA + "/members", "{\"username\":\"" + staff
                + "\",\"role\":\"staff\"}").statusCode()).isEqualTo(200);
        Browser s = Browser.basic(baseUrl(), staff, PASSWORD);
        HttpResponse<String> url = s.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/api/meta-commerce/auth/url"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(url.statusCode()).isEqualTo(403);
        HttpResponse<String> status = s.get("/api/meta-commerce/status");
        assertThat(Browser.json(status).get("connected").asBoolean()).isTrue();
    }

    @Test
    void aCallbackWithoutSessionGoesToTheLoginPageAndStoresNothing() {
        String callback = ConnectionScenarios.consent(owner, "continue");
        HttpResponse<String> r = new Browser(baseUrl()).get(callback);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private String landing(Browser b, String callback) {
        HttpResponse<String> r = b.get(callback);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private List<Map<String, Object>> snapshot(long storeId) {
        return jdbc.queryForList("select c.*, s.currency from meta_connections c left join store_settings s "
                + "on s.store_id = c.store_id where c.store_id = ?", storeId);
    }

    private long count(long storeId) {
        return jdbc.queryForObject("select count(*) from meta_connections where store_id = ?", Long.class, storeId);
    }
}
