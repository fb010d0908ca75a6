package io.github.metacommerce.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Steps the connection tests share. */
public final class ConnectionScenarios {
    private ConnectionScenarios() {
    }

    /**
     * Creates a store owned by the signed-in administrator and makes it the session's current store.
     *
     * @return the store id
     */
    public static long newStoreFor(Browser admin, String name) {
        HttpResponse<String> created = admin.post("/api/admin/stores", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Browser.json(created).get("id").asLong();
        assertThat(admin.post("/api/meta-commerce/stores/current", "{\"storeId\":" + id + "}").statusCode())
                .isEqualTo(200);
        return id;
    }

    /**
     * Creates a store of the signed-in administrator, makes it current and connects it through the sandbox's
     * consent page.
     *
     * @return the store id
     */
    public static long connectedStoreFor(Browser admin, String name) {
        long id = newStoreFor(admin, name);
        HttpResponse<String> callback = admin.get(consent(admin, "continue"));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return id;
    }

    /**
     * Asks for the login URL, opens the sandbox's consent page and answers it.
     *
     * @param decision {@code continue} or {@code cancel}
     * @return the callback URL the sandbox redirects to
     */
    public static String consent(Browser browser, String decision) {
        HttpResponse<String> url = browser.post("/api/meta-commerce/auth/url", "{}");
        assertThat(url.statusCode()).as(url.body()).isEqualTo(200);
        String dialog = Browser.json(url).get("url").asString();
        HttpResponse<String> page = browser.get(dialog);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> q = Browser.query(dialog);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", q.get("client_id"));
        form.put("redirect_uri", q.get("redirect_uri"));
        form.put("state", q.get("state"));
        form.put("scope", q.getOrDefault("scope", ""));
        form.put("decision", decision);
        URI confirm = URI.create(dialog).resolve(URI.create(dialog).getPath() + "/confirm");
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(confirm)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        return answered.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Scans every text column of every table of the application's schema.
     *
     * @return the cells (table.column) whose value contains the needle
     */
    public static List<String> cellsContaining(JdbcTemplate jdbc, String needle) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
                + "information_schema.columns where lower(table_schema) in ('public') order by table_name");
        assertThat(columns).as("the schema's columns").isNotEmpty();
        for (Map<String, Object> c : columns) {
            String table = String.valueOf(c.get("table_name"));
            String column = String.valueOf(c.get("column_name"));
            Long n = jdbc.queryForObject("select count(*) from " + table + " where cast(" + column
                    + " as varchar) like ?", Long.class, "%" + needle + "%");
            if (n != null && n > 0) {
                hits.add(table + "." + column);
            }
        }
        return hits;
    }
}
