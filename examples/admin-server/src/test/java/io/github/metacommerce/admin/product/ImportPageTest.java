package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import io.github.metacommerce.admin.connection.ConnectionScenarios;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Import page: the form posts the file with its CSRF field, the answer's counts and problems, a bad file. */
class ImportPageTest extends AdminServerTestBase {

    @Test
    void aWooCommerceFileIsImportedAndItsSkippedRowAndBadRowAreListed() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("import-page"));
        String form = admin.get("/admin/products/import").body();
        assertThat(form).contains("id=\"import-form\"", "enctype=\"multipart/form-data\"", "id=\"import-file\"",
                "for=\"import-file\"", "id=\"import-submit\"").doesNotContain("id=\"import-result\"");

        String csv = ProductImportApiTest.resource("woocommerce-products.csv");
        String file = csv + ProductImportApiTest.row(csv, "ID", "70", "Type", "simple", "SKU", "woo-bad", "Name",
                "Bad <b>one</b>", "Regular price", "twelve");

        HttpResponse<String> r = postFile(admin, csrfField(form), "wc-product-export.csv", file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("id=\"import-result\"", "id=\"flash-success\"", "id=\"import-problems\"");
        assertThat(text(page, "import-format")).isEqualTo("WooCommerce product CSV");
        assertThat(text(page, "import-rows-read")).isEqualTo("10");
        assertThat(text(page, "import-created")).isEqualTo("5");
        assertThat(text(page, "import-updated")).isEqualTo("0");
        assertThat(text(page, "import-skipped")).isEqualTo("1");
        assertThat(page).containsPattern("<td>8</td>\\s*<td class=\"text-break\">Type</td>");
        assertThat(page).containsPattern("<td>\\d+</td>\\s*<td class=\"text-break\">Regular price</td>");
    }

    @Test
    void aFileOfNoKnownFormatSaysWhy() {
        Browser admin = admin();
        ConnectionScenarios.newStoreFor(admin, unique("import-bad"));
        String form = admin.get("/admin/products/import").body();
        HttpResponse<String> r = postFile(admin, csrfField(form), "notes.csv", "colour,weight\nred,12\n");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"flash-error\"", "This file was not imported").doesNotContain(
                "id=\"import-result\"");
    }

    /** A multipart POST as the page's form sends it: the CSRF token as a form field, no header. */
    private static HttpResponse<String> postFile(Browser b, String csrf, String name, String content) {
        String boundary = "----page-form-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return b.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/products/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String csrfField(String form) {
        Matcher m = Pattern.compile("id=\"import-form\".*?name=\"_csrf\" value=\"([^\"]+)\"", Pattern.DOTALL)
                .matcher(form);
        assertThat(m.find()).as("the form's CSRF field").isTrue();
        return m.group(1);
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1).strip();
    }
}
