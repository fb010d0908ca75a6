package io.github.metacommerce.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.CapturedLog;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.sandbox.GraphSandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The whole connection flow over real HTTP against the in-process sandbox, as a merchant's browser does it. */
class ConnectionFlowTest extends AdminServerTestBase {

    @Autowired
    MetaCommerceClient client;
    @Autowired
    TokenCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signInConnectSelectConfigureAndDisconnect() {
        Browser browser = admin();
        long storeId = ConnectionScenarios.newStoreFor(browser, unique("Flow Store"));

        String callback = ConnectionScenarios.consent(browser, "continue");
        HttpResponse<String> landed = browser.get(callback);
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/admin/integrations/instagram-shopping?success=connected");

        JsonNode status = Browser.json(browser.get("/api/meta-commerce/status"));
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("connectionStatus").asString()).isEqualTo("connected");
        assertThat(status.get("tokenExpires").isNull()).isFalse();
        assertThat(status.get("syncStatus").asString()).isEqualTo("never");

        JsonNode config = Browser.json(browser.get("/api/meta-commerce/config"));
        assertThat(config.get("configured").asBoolean()).isFalse();
        assertThat(config.get("config").get("accessToken").asString()).isEqualTo("••••••••");

        JsonNode businesses = Browser.json(browser.get("/api/meta-commerce/businesses")).get("businesses");
        List<String> businessIds = new ArrayList<>();
        businesses.forEach(b -> businessIds.add(b.get("id").asString()));
        assertThat(businessIds).contains(GraphSandbox.BUSINESS_ID);
        assertThat(businesses.get(0).has("profile_picture_uri")).isTrue();

        HttpResponse<String> noBusiness = browser.get("/api/meta-commerce/catalogs");
        assertThat(noBusiness.statusCode()).isEqualTo(400);
        assertThat(Browser.json(noBusiness).get("code").asString()).isEqualTo("no_business_selected");
        assertThat(Browser.json(noBusiness).get("category").asString()).isEqualTo("catalog_error");

        HttpResponse<String> foreignBusiness = browser.put("/api/meta-commerce/businesses/select",
                "{\"businessId\":\"999\",\"businessName\":\"Not mine\"}");
        assertThat(foreignBusiness.statusCode()).isEqualTo(400);
        assertThat(Browser.json(foreignBusiness).get("field").asString()).isEqualTo("businessId");

        assertThat(browser.put("/api/meta-commerce/businesses/select", "{\"businessId\":\""
                + GraphSandbox.BUSINESS_ID + "\",\"businessName\":\"A name from the request\"}").statusCode())
                .isEqualTo(200);
        String metaBusinessName = businesses.get(businessIds.indexOf(GraphSandbox.BUSINESS_ID)).get("name").asString();
        assertThat(Browser.json(browser.get("/api/meta-commerce/status")).get("businessName").asString())
                .isEqualTo(metaBusinessName);

        JsonNode catalogs = Browser.json(browser.get("/api/meta-commerce/catalogs")).get("catalogs");
        List<String> catalogIds = new ArrayList<>();
        catalogs.forEach(c -> catalogIds.add(c.get("id").asString()));
        assertThat(catalogIds).contains(GraphSandbox.CATALOG_ID).doesNotContain(GraphSandbox.SECOND_CATALOG_ID);
        assertThat(catalogs.get(0).has("product_count")).isTrue();
        assertThat(catalogs.get(0).get("vertical").asString()).isEqualTo("commerce");

        HttpResponse<String> created = browser.post("/api/meta-commerce/catalogs", "{\"name\":\"Spring Collection\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        String newCatalogId = Browser.json(created).get("catalog").get("id").asString();
        assertThat(Browser.json(created).get("catalog").get("name").asString()).isEqualTo("Spring Collection");

        HttpResponse<String> otherBusinessCatalog = browser.put("/api/meta-commerce/catalogs/select",
                "{\"catalogId\":\"" + GraphSandbox.SECOND_CATALOG_ID + "\",\"catalogName\":\"x\"}");
        assertThat(otherBusinessCatalog.statusCode()).isEqualTo(400);
        assertThat(Browser.json(otherBusinessCatalog).get("field").asString()).isEqualTo("catalogId");

        assertThat(browser.put("/api/meta-commerce/catalogs/select",
                "{\"catalogId\":\"" + newCatalogId + "\",\"catalogName\":\"Renamed by the request\"}").statusCode())
                .isEqualTo(200);
        assertThat(Browser.json(browser.get("/api/meta-commerce/status")).get("catalogName").asString())
                .isEqualTo("Spring Collection");

        HttpResponse<String> saved = browser.post("/api/meta-commerce/save-config", """
                {"defaultBrand":"Acme","storeDomain":"https://shop.example","currency":"eur",
                 "syncSettings":{"outOfStockPolicy":"hide","syncOnChange":true,"languages":["fr_FR","de"],
                   "schedule":{"type":"daily","dailyAt":"03:30","timeZone":"Europe/Berlin"}}}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode after = Browser.json(browser.get("/api/meta-commerce/config"));
        assertThat(after.get("configured").asBoolean()).isTrue();
        assertThat(after.get("config").get("currency").asString()).isEqualTo("EUR");
        assertThat(after.get("config").get("storeDomain").asString()).isEqualTo("shop.example");
        assertThat(after.get("config").get("syncSettings").get("languages").toString()).isEqualTo("[\"fr-FR\",\"de\"]");
        assertThat(after.get("config").get("syncSettings").get("schedule").get("dailyAt").asString()).isEqualTo("03:30");

        // The token is only ever stored encrypted: no column of any table holds it, nor the app secret.
        String token = cipher.decrypt(jdbc.queryForObject(
                "select access_token_enc from meta_connections where store_id = ?", String.class, storeId), storeId);
        assertThat(ConnectionScenarios.cellsContaining(jdbc, token)).isEmpty();
        assertThat(ConnectionScenarios.cellsContaining(jdbc, GraphSandbox.DEFAULT_APP_SECRET)).isEmpty();
        assertThat(CapturedLog.lines()).noneMatch(line -> line.contains(token));
        assertThat(CapturedLog.lines()).noneMatch(line -> line.contains(GraphSandbox.DEFAULT_APP_SECRET));
        assertThat(after.toString()).doesNotContain(token);

        JsonNode disconnected = Browser.json(browser.post("/api/meta-commerce/auth/disconnect", "{}"));
        assertThat(disconnected.get("success").asBoolean()).isTrue();
        assertThat(disconnected.get("revoked").asBoolean()).isTrue();
        assertThat(Browser.json(browser.get("/api/meta-commerce/status")).get("connected").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from meta_connections where store_id = ?", Long.class, storeId))
                .isZero();
        assertThatThrownBy(() -> client.graph(token).businesses().stream().toList())
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void aDeniedDialogStoresNothing() {
        Browser browser = admin();
        long storeId = ConnectionScenarios.newStoreFor(browser, unique("Denied Store"));
        String callback = ConnectionScenarios.consent(browser, "cancel");
        HttpResponse<String> landed = browser.get(callback);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("?error=access_denied");
        assertThat(jdbc.queryForObject("select count(*) from meta_connections where store_id = ?", Long.class, storeId))
                .isZero();
        assertThat(browser.get("/admin/integrations/instagram-shopping?error=access_denied").body())
                .contains("The connection was cancelled");
    }

    @Test
    void aTokenMetaNoLongerAcceptsMarksTheConnectionReconnectRequired() {
        Browser browser = admin();
        long storeId = ConnectionScenarios.newStoreFor(browser, unique("Expiring Store"));
        browser.get(ConnectionScenarios.consent(browser, "continue"));
        String token = cipher.decrypt(jdbc.queryForObject(
                "select access_token_enc from meta_connections where store_id = ?", String.class, storeId), storeId);
        sandbox.expireToken(token);

        HttpResponse<String> refused = browser.get("/api/meta-commerce/businesses");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(Browser.json(refused).get("category").asString()).isEqualTo("authentication_error");
        JsonNode status = Browser.json(browser.get("/api/meta-commerce/status"));
        assertThat(status.get("connected").asBoolean()).isFalse();
        assertThat(status.get("connectionStatus").asString()).isEqualTo("reconnect_required");
        assertThat(Browser.json(browser.get("/api/meta-commerce/businesses")).get("code").asString())
                .isEqualTo("reconnect_required");
        assertThat(browser.get("/admin/integrations/instagram-shopping").body()).contains("Reconnect with Facebook");
    }

    @Autowired
    GraphSandbox sandbox;

    @Test
    void disconnectStillDisconnectsWhenMetaCannotRevoke() {
        Browser browser = admin();
        long storeId = ConnectionScenarios.newStoreFor(browser, unique("Offline Store"));
        browser.get(ConnectionScenarios.consent(browser, "continue"));
        // a token Meta does not know any more: the revoke fails, the disconnect goes through and says so
        jdbc.update("update meta_connections set access_token_enc = ? where store_id = ?",
                cipher.encrypt("EAAB-not-a-token", storeId), storeId);
        JsonNode answer = Browser.json(browser.post("/api/meta-commerce/auth/disconnect", "{}"));
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("revoked").asBoolean()).isFalse();
        assertThat(answer.get("warning").asString()).contains("did not confirm");
        assertThat(jdbc.queryForObject("select count(*) from meta_connections where store_id = ?", Long.class, storeId))
                .isZero();
    }
}
