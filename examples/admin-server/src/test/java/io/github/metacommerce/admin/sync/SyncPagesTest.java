package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.web.InstagramPage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The Sync and Errors tabs and the products page against the in-process sandbox, as a browser gets them. */
class SyncPagesTest extends AdminServerTestBase {
    private static final String PAGE = InstagramPage.PATH;
    private static final String XSS = "<img src=x onerror=alert(1)>";

    /** Three products: one fine (with markup in its name), one without an image, one without a price. */
    private static final String PRODUCTS = "[{\"productId\":\"ok\",\"sku\":\"OK-1\",\"name\":\"Tee " + XSS.replace("\"", "\\\"")
            + "\",\"description\":\"Fine\",\"price\":\"10.00\",\"slug\":\"ok\","
            + "\"imageUrls\":[\"https://cdn.example.com/ok.jpg\"],\"stockQuantity\":5},"
            + "{\"productId\":\"noimg\",\"sku\":\"NOIMG-1\",\"name\":\"No image\",\"description\":\"Fine\","
            + "\"price\":\"12.00\",\"slug\":\"noimg\",\"stockQuantity\":5},"
            + "{\"productId\":\"noprice\",\"sku\":\"NOPRICE-1\",\"name\":\"No price\",\"description\":\"Fine\","
            + "\"slug\":\"noprice\",\"imageUrls\":[\"https://cdn.example.com/np.jpg\"],\"stockQuantity\":5}]";

    @Test
    void syncTabStartsARunShowsItsCountsInTheLiveFragmentAndItsHistory() {
        Browser admin = admin();
        ready(admin, "sync-tab");
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(3)).statusCode()).isEqualTo(200);

        String before = admin.get(PAGE + "?tab=sync").body();
        assertThat(before).contains("id=\"panel-sync\"", "id=\"sync-all\"", "id=\"dry-run\"", "id=\"sync-live\"",
                "hx-get=\"/admin/integrations/instagram-shopping/sync/live\"", "id=\"sync-history\"",
                "No sync has run yet").doesNotContain("id=\"history-chart\"");

        HttpResponse<String> started = admin.postForm(PAGE + "/sync", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(admin.get(started.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"flash-success\"", "Sync of all products started");
        JsonNode job = SyncScenarios.awaitEnd(admin, jobId(admin));
        assertThat(job.get("status").asString()).isEqualTo("completed");

        String live = admin.get(PAGE + "/sync/live").body();
        assertThat(live.strip()).startsWith("<div id=\"sync-live\"").contains("hx-trigger=\"every 10s\"")
                .doesNotContain("id=\"cancel-sync\"").doesNotContain("<html").doesNotContain("sync-history");
        // a page that watched the run going on gets the history with it, swapped out of band
        String ended = admin.get(PAGE + "/sync/live?watching=true").body();
        assertThat(ended).contains("id=\"sync-live\"", "id=\"sync-history-area\" hx-swap-oob=\"true\"",
                "id=\"history-chart\"", "&quot;created&quot;:[3]");
        assertThat(text(live, "sync-state")).isEqualTo("Completed");
        assertThat(text(live, "sync-percent")).isEqualTo("100%");
        assertThat(live).contains("aria-valuenow=\"100\"");
        assertThat(text(live, "count-created")).isEqualTo(job.get("counts").get("created").asString()).isEqualTo("3");
        assertThat(text(live, "count-updated")).isEqualTo("0");
        assertThat(text(live, "count-failed")).isEqualTo("0");

        String after = admin.get(PAGE + "?tab=sync").body();
        assertThat(after).contains("id=\"history-chart\"", "data-chart=\"{&quot;labels&quot;:[",
                "&quot;created&quot;:[3]");
        assertThat(after.substring(after.indexOf("id=\"sync-history\""))).contains("Completed", "All products");

        // a dry run sends nothing and says so
        admin.postForm(PAGE + "/sync", Map.of("dryRun", "true"));
        JsonNode dry = SyncScenarios.awaitEnd(admin, jobId(admin));
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        String dryLive = admin.get(PAGE + "/sync/live").body();
        assertThat(dryLive).contains("Dry run", "This dry run sent nothing");
    }

    @Test
    void errorsTabGroupsProblemsWithWhatToDoListsThemAndSyncsOneProductAgain() {
        Browser admin = admin();
        ready(admin, "errors-tab");
        assertThat(admin.put("/api/meta-commerce/products", PRODUCTS).statusCode()).isEqualTo(200);
        SyncScenarios.syncToEnd(admin, "{}");

        String page = admin.get(PAGE + "?tab=errors").body();
        assertThat(page).contains("id=\"panel-errors\"", "id=\"error-summary\"", "id=\"errors-filter\"",
                "id=\"filter-category\"", "id=\"filter-source\"", "id=\"search-sku\"", "id=\"apply-filters\"",
                "id=\"errors-table\"", "id=\"errors-csv\"", "id=\"errors-prev\"", "id=\"errors-next\"",
                "id=\"errors-total\"").doesNotContain("id=\"errors-empty\"");
        assertThat(page).contains("No image: 1 product", "Price missing: 1 product", "Add at least one image",
                "class=\"error-group-link\"");
        assertThat(page).contains("data-product-id=\"noimg\"", "data-product-id=\"noprice\"", "NOIMG-1", "Local",
                "class=\"btn btn-sm btn-outline-primary text-nowrap resync\"");

        // the group's link opens the list filtered to it
        Matcher link = Pattern.compile("class=\"error-group-link\" href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String filtered = admin.get(link.group(1).replace("&amp;", "&")).body();
        assertThat(filtered).contains("<option value=\"local\" selected=\"selected\">");

        // search by the start of a SKU
        String searched = admin.get(PAGE + "?tab=errors&q=noimg").body();
        assertThat(searched).contains("data-product-id=\"noimg\"").doesNotContain("data-product-id=\"noprice\"");
        assertThat(text(searched, "errors-total")).isEqualTo("2 errors"); // its error and its warning

        // a bad filter is said in plain words, not a JSON error
        String bad = admin.get(PAGE + "?tab=errors&category=nonsense").body();
        assertThat(bad).contains("id=\"flash-error\"", "Parameter &#39;category&#39; must be one of");

        HttpResponse<String> resync = admin.postForm(PAGE + "/errors/resync", Map.of("productId", "noimg",
                "sku", "NOIMG-1", "back", PAGE + "?tab=errors&q=noimg"));
        assertThat(resync.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?tab=errors&q=noimg");
        assertThat(admin.get(resync.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"flash-success\"", "Sync of NOIMG-1 started");
        JsonNode again = SyncScenarios.awaitEnd(admin, jobId(admin));
        assertThat(again.get("productIds").get(0).asString()).isEqualTo("noimg");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunningRunShowsItsStageCountsEtaTheRateLimitWaitAndCancel() {
        Browser admin = admin();
        SyncScenarios.ConnectedStore store = ready(admin, "live-running");
        long storeId = store.storeId();
        String catalogId = store.catalogId();
        // a run as the runner leaves it mid-way: waiting for Meta's rate limit until 10:42 UTC
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant until = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).plusSeconds(10 * 3600 + 42 * 60);
        jdbc.update("insert into sync_runs (id, store_id, catalog_id, trigger_type, mode, dry_run, status, stage, "
                + "percent, message, counts, queued_at, started_at, progress_at, throttled_until, eta, active_catalog) "
                + "values (?, ?, ?, 'manual', 'FULL', false, 'running', 'waiting_for_rate_limit', 42, 'Waiting', ?, ?, ?, "
                + "?, ?, ?, ?)", id, storeId, catalogId,
                "{\"created\":120,\"updated\":7,\"unchanged\":300,\"failed\":2}", Timestamp.from(now),
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(until), Timestamp.from(until.plusSeconds(600)),
                catalogId);
        try {
            String live = admin.get(PAGE + "/sync/live").body();
            assertThat(live).contains("hx-trigger=\"every 1s\"", "aria-valuenow=\"42\"", "id=\"cancel-sync\"",
                    "hx-get=\"/admin/integrations/instagram-shopping/sync/live?watching=true\"");
            assertThat(text(live, "sync-state")).isEqualTo("Running");
            assertThat(text(live, "sync-stage")).isEqualTo("Waiting for Meta&#39;s rate limit"); // escaped, as every value
            assertThat(text(live, "sync-percent")).isEqualTo("42%");
            assertThat(text(live, "count-created")).isEqualTo("120");
            assertThat(text(live, "count-updated")).isEqualTo("7");
            assertThat(text(live, "count-unchanged")).isEqualTo("300");
            assertThat(text(live, "count-failed")).isEqualTo("2");
            assertThat(text(live, "sync-throttled")).isEqualTo("Waiting for Meta&#39;s rate limit until 10:42 UTC");
            assertThat(text(live, "sync-eta")).startsWith("about ").endsWith("(done around 10:52 UTC)");

            HttpResponse<String> cancel = admin.postForm(PAGE + "/sync/cancel", Map.of("jobId", id));
            assertThat(admin.get(cancel.headers().firstValue("Location").orElseThrow()).body())
                    .contains("id=\"flash-success\"", "Cancelling the sync");
            assertThat(jdbc.queryForObject("select cancel_requested from sync_runs where id = ?", Boolean.class, id))
                    .isTrue();
            assertThat(admin.get(PAGE + "/sync/live").body()).contains("Cancelling…");
        } finally {
            jdbc.update("update sync_runs set status = 'cancelled', stage = 'done', active_catalog = null, "
                    + "finished_at = ? where id = ?", Timestamp.from(Instant.now()), id);
        }
        // another store's run is not this store's to cancel
        Browser other = admin();
        ready(other, "live-other");
        HttpResponse<String> foreign = other.postForm(PAGE + "/sync/cancel", Map.of("jobId", id));
        assertThat(other.get(foreign.headers().firstValue("Location").orElseThrow()).body())
                .contains("nothing to cancel");
    }

    @Test
    void errorsArePagedWithTheCursorForwardAndBack() {
        Browser admin = admin();
        ready(admin, "errors-paging");
        StringBuilder products = new StringBuilder("[");
        for (int i = 1; i <= 30; i++) {
            products.append(i > 1 ? "," : "").append("{\"productId\":\"np").append(i).append("\",\"sku\":\"NP-")
                    .append(i).append("\",\"name\":\"No price ").append(i).append("\",\"description\":\"d\",")
                    .append("\"slug\":\"np").append(i).append("\",\"imageUrls\":[\"https://cdn.example.com/x.jpg\"]}");
        }
        assertThat(admin.put("/api/meta-commerce/products", products.append(']').toString()).statusCode())
                .isEqualTo(200);
        SyncScenarios.syncToEnd(admin, "{}");
        String first = admin.get(PAGE + "?tab=errors").body();
        assertThat(text(first, "errors-total")).isEqualTo("60 errors"); // an error and a warning each
        assertThat(first).contains("<span id=\"errors-prev\"");
        assertThat(count(first, "class=\"error-row\"")).isEqualTo(25);
        String second = admin.get(link(first, "errors-next")).body();
        assertThat(link(first, "errors-next")).contains("before=");
        assertThat(second).contains("· page 2");
        assertThat(count(second, "class=\"error-row\"")).isEqualTo(25);
        String third = admin.get(link(second, "errors-next")).body();
        assertThat(count(third, "class=\"error-row\"")).isEqualTo(10);
        assertThat(third).contains("<span id=\"errors-next\"", "· page 3");
        String back = admin.get(link(third, "errors-prev")).body();
        assertThat(rows(back)).isEqualTo(rows(second));
        String backAgain = admin.get(link(back, "errors-prev")).body();
        assertThat(rows(backAgain)).isEqualTo(rows(first));
        assertThat(backAgain).contains("<span id=\"errors-prev\"");
    }

    private static String link(String html, String id) {
        Matcher m = Pattern.compile("<a id=\"" + id + "\"[^>]* href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link #" + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static List<String> rows(String html) {
        return Pattern.compile("data-product-id=\"([^\"]+)\"").matcher(html).results().map(r -> r.group(1)).toList();
    }

    private static long count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void errorsTabSaysAllProductsSyncedWhenThereAreNone() {
        Browser admin = admin();
        ready(admin, "no-errors");
        assertThat(admin.put("/api/meta-commerce/products", SyncScenarios.products(2)).statusCode()).isEqualTo(200);
        SyncScenarios.syncToEnd(admin, "{}");
        String page = admin.get(PAGE + "?tab=errors").body();
        // the warnings (no category) stay listed below the good news
        assertThat(page).contains("id=\"errors-empty\"", "All products synced", "No category: 2 products")
                .doesNotContain("text-bg-danger\">Error<");
    }

    @Test
    void productsPageShowsEachProductsStatusWithItsNameEscaped() {
        Browser admin = admin();
        ready(admin, "products-page");
        assertThat(admin.put("/api/meta-commerce/products", PRODUCTS).statusCode()).isEqualTo(200);
        SyncScenarios.syncToEnd(admin, "{}");
        String page = admin.get("/admin/products").body();
        assertThat(page).contains("id=\"product-search\"", "id=\"search-products\"", "id=\"products-table\"",
                "id=\"products-prev\"", "id=\"products-next\"", "class=\"product-row\"");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS);
        assertThat(page).containsPattern("NOIMG-1</td>\\s*<td><span class=\"badge product-status[^>]*>Error");
        assertThat(page).containsPattern("OK-1</td>\\s*<td><span class=\"badge product-status[^>]*>Synced");
        String searched = admin.get("/admin/products?q=No+price").body();
        assertThat(searched).contains("NOPRICE-1").doesNotContain("NOIMG-1");
    }

    /** A connected store with a catalog and the settings a sync needs. */
    private static SyncScenarios.ConnectedStore ready(Browser admin, String name) {
        SyncScenarios.ConnectedStore store = SyncScenarios.connectedStore(admin, unique(name));
        assertThat(admin.post("/api/meta-commerce/save-config", "{\"storeDomain\":\"shop.example\","
                + "\"defaultBrand\":\"Acme\"}").statusCode()).isEqualTo(200);
        return store;
    }

    private static String jobId(Browser admin) {
        return Browser.json(admin.get("/api/meta-commerce/sync/status")).get("job").get("jobId").asString();
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1).strip();
    }
}
