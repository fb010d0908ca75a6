package io.github.metacommerce.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import io.github.metacommerce.admin.web.InstagramPage;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Settings tab: its form, errors next to their fields with the other values kept, and saving. */
class SettingsPageTest extends AdminServerTestBase {
    private static final String TAB = InstagramPage.PATH + "?tab=settings";

    @Test
    void aBadValueShowsItsErrorNextToItsFieldAndKeepsTheOthersAndNothingIsSaved() {
        Browser admin = connected("settings-errors");
        String page = admin.get(TAB).body();
        assertThat(page).contains("id=\"settings-form\"", "id=\"brand\"", "id=\"domain\"", "id=\"currency\"",
                "id=\"out-of-stock-policy\"", "id=\"schedule-mode\"", "id=\"schedule-hours\"", "id=\"schedule-time\"",
                "id=\"languages\"", "id=\"sync-on-change\"", "id=\"save-settings\"", "<option value=\"EUR\">EUR – Euro",
                "<option value=\"USD\" selected=\"selected\">").doesNotContain("is-invalid");
        assertThat(page.split("type=\"checkbox\"", -1)).as("one checkbox: sync on change").hasSize(2);
        for (String id : new String[] {"brand", "domain", "currency", "out-of-stock-policy", "schedule-mode",
                "schedule-hours", "schedule-time", "languages", "sync-on-change"}) {
            assertThat(page).as("label of #" + id).contains("for=\"" + id + "\"");
        }

        Map<String, String> form = form("Acme & <Co>", "shop.example", "XYZ");
        HttpResponse<String> refused = admin.postForm(InstagramPage.PATH + "/settings", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        String body = refused.body();
        assertThat(body).contains("id=\"error-currency\"", "The currency must be an ISO 4217 currency code",
                "id=\"flash-error\"").doesNotContain("id=\"error-domain\"").doesNotContain("id=\"error-brand\"");
        assertThat(tag(body, "currency")).contains("is-invalid", "aria-invalid=\"true\"",
                "aria-describedby=\"error-currency\"");
        assertThat(tag(body, "brand")).contains("value=\"Acme &amp; &lt;Co&gt;\"").doesNotContain("is-invalid");
        assertThat(tag(body, "domain")).contains("value=\"shop.example\"");
        assertThat(body).contains("<option value=\"XYZ\" selected>XYZ</option>");
        assertThat(body).contains("<option value=\"daily\" selected=\"selected\">", "value=\"04:30\"");
        assertThat(config(admin).get("storeDomain").isNull()).as("nothing saved").isTrue();

        // several bad fields: each error next to its own field
        form.put("currency", "EUR");
        form.put("domain", "http://shop.example/path");
        form.put("scheduleMode", "hourly");
        form.put("scheduleHours", "0");
        String two = admin.postForm(InstagramPage.PATH + "/settings", form).body();
        assertThat(two).contains("id=\"error-domain\"", "id=\"error-schedule-hours\"", "2 settings need a change")
                .doesNotContain("id=\"error-currency\"");
        assertThat(tag(two, "schedule-hours")).contains("is-invalid");
    }

    @Test
    void validSettingsAreSavedAndShownAgain() {
        Browser admin = connected("settings-save");
        Map<String, String> form = form("Acme", "https://Shop.Example", "EUR");
        form.put("syncOnChange", "true");
        HttpResponse<String> saved = admin.postForm(InstagramPage.PATH + "/settings", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String page = admin.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page).contains("id=\"flash-success\"", "Settings saved", "<option value=\"EUR\" selected=\"selected\">");
        assertThat(tag(page, "domain")).contains("value=\"shop.example\"");
        assertThat(tag(page, "sync-on-change")).contains("checked");
        JsonNode config = config(admin);
        assertThat(config.get("currency").asString()).isEqualTo("EUR");
        assertThat(config.get("defaultBrand").asString()).isEqualTo("Acme");
        JsonNode sync = config.get("syncSettings");
        assertThat(sync.get("schedule").get("type").asString()).isEqualTo("daily");
        assertThat(sync.get("schedule").get("dailyAt").asString()).isEqualTo("04:30");
        assertThat(sync.get("schedule").get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(sync.get("languages").toString()).isEqualTo("[\"fr-FR\",\"de\"]");
        assertThat(sync.get("outOfStockPolicy").asString()).isEqualTo("hide");
        assertThat(sync.get("syncOnChange").asBoolean()).isTrue();
    }

    @Test
    void settingsTabNeedsAConnection() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("settings-unconnected"));
        String page = admin.get(TAB).body();
        assertThat(page).contains("id=\"panel-settings\"", "Connect the store with Facebook first")
                .doesNotContain("id=\"settings-form\"");
    }

    private static Browser connected(String name) {
        Browser admin = admin();
        ConnectionScenarios.connectedStoreFor(admin, unique(name));
        return admin;
    }

    private static Map<String, String> form(String brand, String domain, String currency) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("brand", brand);
        form.put("domain", domain);
        form.put("currency", currency);
        form.put("outOfStockPolicy", "hide");
        form.put("scheduleMode", "daily");
        form.put("scheduleHours", "");
        form.put("scheduleTime", "04:30");
        form.put("timeZone", "Europe/Berlin");
        form.put("languages", "fr_FR, de");
        return form;
    }

    private static JsonNode config(Browser admin) {
        return Browser.json(admin.get("/api/meta-commerce/config")).get("config");
    }

    private static String tag(String html, String id) {
        Matcher m = Pattern.compile("<(input|select)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("control #" + id).isTrue();
        return m.group();
    }
}
