package io.github.metacommerce.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The layout, the sign-in page, the hub and the Instagram page's tabs, Connection and Catalog, as a browser gets them. */
class PagesTest extends AdminServerTestBase {
    private static final String PAGE = InstagramPage.PATH;

    @Test
    void signInPageHasTheFormAndSaysWhenTheCredentialsAreWrong() {
        Browser b = new Browser(baseUrl());
        String page = b.get("/login").body();
        assertThat(page).contains("id=\"username\"", "id=\"password\"", "id=\"sign-in\"", "for=\"username\"",
                "for=\"password\"").doesNotContain("id=\"login-error\"");
        assertThat(b.get("/login?error").body()).contains("id=\"login-error\"");
    }

    @Test
    void layoutHasTheNavigationSignOutAndSandboxBannerAndItsAssetsLoad() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("layout"));
        HttpResponse<String> hub = admin.get("/admin/marketplace-hub");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body()).contains("id=\"nav-hub\"", "id=\"nav-instagram\"", "id=\"nav-products\"",
                "id=\"nav-import\"", "id=\"sign-out\"", "id=\"sandbox-banner\"");
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/(?:webjars|js|css)/[^\"]+)\"").matcher(hub.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).anyMatch(a -> a.contains("bootstrap.min.css")).anyMatch(a -> a.contains("htmx.min.js"))
                .anyMatch(a -> a.equals("/js/admin.js"));
        for (String asset : assets) {
            assertThat(admin.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        // the CSP allows no inline script: the pages have none, and htmx is configured without eval
        assertThat(hub.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern(
                "\\son[a-z]+=").contains("\"allowEval\":false")
                // htmx settles no style attribute (the CSP refuses it; the progress bar's width is set from script)
                .contains("\"attributesToSettle\":[\"class\",\"width\",\"height\"]");
        assertThat(hub.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void aUserOfSeveralStoresSwitchesFromTheHeader() {
        Browser admin = admin();
        String first = unique("first");
        String second = unique("second");
        ConnectionScenarios.newStoreFor(admin, first);
        long secondId = ConnectionScenarios.newStoreFor(admin, second);
        long firstId = Browser.json(admin.get("/api/meta-commerce/stores")).findValues("id").stream()
                .filter(n -> n.asLong() != secondId).findFirst().orElseThrow().asLong();
        String hub = admin.get("/admin/marketplace-hub").body();
        assertThat(hub).contains("id=\"store-switcher\"", "id=\"switch-store\"", "for=\"store-switcher\"");
        HttpResponse<String> switched = admin.postForm("/admin/stores/current",
                Map.of("storeId", Long.toString(firstId), "next", PAGE + "?tab=connection"));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?tab=connection");
        String after = admin.get(PAGE + "?tab=connection").body();
        assertThat(after).containsPattern("<option value=\"" + firstId + "\" selected=\"selected\">");
        // an address outside the admin pages is not followed
        HttpResponse<String> away = admin.postForm("/admin/stores/current",
                Map.of("storeId", Long.toString(firstId), "next", "//evil.example/"));
        assertThat(away.headers().firstValue("Location").orElseThrow()).endsWith("/admin/marketplace-hub");
    }

    @Test
    void withoutAConnectionOnlyTheConnectionTabIsEnabled() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("unconnected"));
        String hub = admin.get("/admin/marketplace-hub").body();
        assertThat(text(hub, "hub-connection-status")).isEqualTo("Not connected");
        assertThat(hub).contains("id=\"hub-instagram\"", "id=\"go-instagram\"", "id=\"hub-business\"",
                "id=\"hub-catalog\"", "id=\"hub-last-sync\"", "id=\"hub-token-expiry\"");
        String page = admin.get(PAGE).body();
        assertThat(page).contains("id=\"panel-connection\"", "Connect with Facebook", "id=\"connect\"")
                .doesNotContain("id=\"disconnect\"");
        assertThat(tab(page, "connection")).contains("aria-current=\"page\"").doesNotContain("disabled");
        for (String t : List.of("catalog", "settings", "sync", "errors")) {
            assertThat(tab(page, t)).as(t).contains("disabled", "aria-disabled=\"true\"").doesNotContain("href=");
        }
        // opening a disabled tab says what to do first instead of a panel
        String sync = admin.get(PAGE + "?tab=sync").body();
        assertThat(sync).contains("id=\"panel-sync\"", "Select a catalog first").doesNotContain("id=\"sync-all\"");
    }

    @Test
    void connectedStoreChoosesItsBusinessAndCreatesACatalogOnTheCatalogTab() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("catalog-tab"));
        HttpResponse<String> callback = admin.get(ConnectionScenarios.consent(admin, "continue"));
        assertThat(callback.statusCode()).isEqualTo(302);
        HttpResponse<String> landed = admin.get(callback.headers().firstValue("Location").orElseThrow());
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("id=\"flash-success\"", "Connected to Meta");
        assertThat(text(landed.body(), "connection-status")).isEqualTo("Connected");
        assertThat(landed.body()).contains("id=\"disconnect-confirm\"", "id=\"disconnect\"", "id=\"token-expiry\"",
                "id=\"last-sync\"");
        assertThat(tab(landed.body(), "catalog")).doesNotContain("disabled");
        assertThat(tab(landed.body(), "settings")).doesNotContain("disabled");
        assertThat(tab(landed.body(), "sync")).contains("disabled");

        String catalogTab = admin.get(PAGE + "?tab=catalog").body();
        assertThat(catalogTab).contains("id=\"panel-catalog\"", "id=\"business-select\"", "id=\"choose-business\"",
                "value=\"" + GraphSandbox.BUSINESS_ID + "\"").doesNotContain("id=\"catalog-select\"");

        HttpResponse<String> chosen = admin.postForm(PAGE + "/business", Map.of("businessId",
                GraphSandbox.BUSINESS_ID));
        assertThat(chosen.statusCode()).isEqualTo(302);
        String afterBusiness = admin.get(chosen.headers().firstValue("Location").orElseThrow()).body();
        assertThat(afterBusiness).contains("id=\"flash-success\"", "id=\"catalog-select\"", "id=\"choose-catalog\"",
                "id=\"new-catalog-name\"", "id=\"create-catalog\"");

        String name = unique("Shop <b>catalog</b>");
        HttpResponse<String> created = admin.postForm(PAGE + "/catalogs", Map.of("name", name));
        String afterCreate = admin.get(created.headers().firstValue("Location").orElseThrow()).body();
        String escaped = name.replace("<", "&lt;").replace(">", "&gt;");
        assertThat(afterCreate).contains("id=\"flash-success\"", escaped + " created and selected")
                .contains(escaped + " (0 products)").doesNotContain("<b>catalog</b>");
        assertThat(tab(afterCreate, "sync")).doesNotContain("disabled");
        assertThat(text(admin.get("/admin/marketplace-hub").body(), "hub-catalog")).isEqualTo(escaped);

        // a business the account does not manage is refused in plain words
        HttpResponse<String> foreign = admin.postForm(PAGE + "/business", Map.of("businessId", "999"));
        assertThat(admin.get(foreign.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"flash-error\"", "is not one the connected Facebook account can manage");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MetaConnections connections;

    @Test
    void aTokenExpiringWithinSevenDaysIsWarnedAboutAndAnExpiredOneAsksToReconnect() {
        Browser admin = admin();
        long storeId = ConnectionScenarios.connectedStoreFor(admin, unique("expiry"));
        String fresh = admin.get(PAGE).body();
        assertThat(fresh).doesNotContain("id=\"token-warning\"").doesNotContain("id=\"connect\"");

        expires(storeId, Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        String soon = admin.get(PAGE).body();
        assertThat(text(soon, "token-warning")).contains("expires on", "(in 3 days)", "Reconnect with Facebook");
        assertThat(text(soon, "connect")).isEqualTo("Reconnect with Facebook");
        assertThat(text(soon, "connection-status")).isEqualTo("Connected");

        expires(storeId, Instant.now().minus(1, ChronoUnit.HOURS));
        String expired = admin.get(PAGE).body();
        assertThat(text(expired, "connection-status")).isEqualTo("Reconnect required");
        assertThat(text(expired, "token-warning")).contains("expired on");
        assertThat(text(expired, "connect")).isEqualTo("Reconnect with Facebook");
        assertThat(tab(expired, "catalog")).contains("disabled");
        assertThat(text(admin.get("/admin/marketplace-hub").body(), "hub-connection-status"))
                .isEqualTo("Reconnect required");

        jdbc.update("update meta_connections set token_expires_at = null where store_id = ?", storeId);
        connections.markReconnectRequired(storeId, "the token was revoked or the user logged out");
        String revoked = admin.get(PAGE).body();
        assertThat(text(revoked, "connection-status")).isEqualTo("Reconnect required");
        assertThat(text(revoked, "token-warning")).contains("the token was revoked");
        assertThat(text(revoked, "token-expiry")).isEqualTo("Never");
    }

    @Test
    void aStaffMemberIsToldOnThePageThatOnlyAnOwnerMayConnectOrDisconnect() {
        Browser admin = admin();
        String storeName = unique("staffed");
        long storeId = ConnectionScenarios.connectedStoreFor(admin, storeName);
        String staff = unique("clerk").toLowerCase();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"" + staff + "\",\"password\":\""
                + ADMIN_PASSWORD + "\"}").statusCode()).isEqualTo(201);
        assertThat(admin.put("/api/admin/stores/" + storeId + "/members", "{\"username\":\"" + staff
                + "\",\"role\":\"staff\"}").statusCode()).isEqualTo(200);
        Browser clerk = new Browser(baseUrl());
        clerk.signIn(staff, ADMIN_PASSWORD);
        HttpResponse<String> refused = clerk.postForm(PAGE + "/disconnect", Map.of("confirm", "yes"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(PAGE);
        String page = clerk.get(PAGE).body();
        assertThat(page).contains("id=\"flash-error\"", "Only an owner of " + storeName + " may disconnect");
        assertThat(text(page, "connection-status")).isEqualTo("Connected");
    }

    private void expires(long storeId, Instant at) {
        assertThat(jdbc.update("update meta_connections set token_expires_at = ? where store_id = ?",
                Timestamp.from(at), storeId)).isEqualTo(1);
    }

    /** The text of the element with an id (no nested elements). */
    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1).strip();
    }

    /** The opening tag of a tab's link. */
    static String tab(String html, String id) {
        Matcher m = Pattern.compile("<a id=\"tab-" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("tab " + id).isTrue();
        return m.group();
    }
}
