package io.github.metacommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxItemsBatchTest {
    /** A processing delay of an hour: batches finish only when the test moves the clock. */
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ofHours(1))
            .batchCallsPerMinute(1000));

    private static final String BATCH = "/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch";
    private static final String STATUS = "/v27.0/" + GraphSandbox.CATALOG_ID + "/check_batch_request_status";
    private Http http;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        http = new Http(sandbox.baseUrl());
        token = sandbox.mintUserToken();
    }

    static String item(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"title\":\"Tent " + id + "\",\"description\":\"Sleeps two\","
                + "\"availability\":\"in stock\",\"condition\":\"new\",\"price\":\"199.00 USD\","
                + "\"link\":\"https://shop.example/p/" + id + "\",\"image_link\":\"https://shop.example/i/" + id
                + ".jpg\",\"brand\":\"Acme\",\"google_product_category\":\"Tents\"" + extra + "}";
    }

    static String request(String method, String data) {
        return "{\"method\":\"" + method + "\",\"data\":" + data + "}";
    }

    private Http.Res batch(String requestsJson) {
        return http.postForm(BATCH, token, Http.params("item_type", "PRODUCT_ITEM", "requests", requestsJson));
    }

    private JsonNode status(String handle) {
        return http.get(STATUS + "?handle=" + handle + "&load_ids_of_invalid_requests=true", token).json()
                .at("/data/0");
    }

    private JsonNode finish(String handle) {
        sandbox.sandbox().advanceClock(Duration.ofHours(1));
        return status(handle);
    }

    @Test
    void aBatchIsInProgressUntilProcessedThenFinishedAndItsItemsLand() {
        Http.Res r = batch("[" + request("UPDATE", item("SKU-1", "")) + "," + request("CREATE", item("SKU-2", ""))
                + "]");
        String handle = r.json().at("/handles/0").asText();

        JsonNode before = status(handle);
        int countBefore = sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID);
        JsonNode after = finish(handle);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("validation_status")).isEmpty();
        assertThat(before.get("status").asText()).isEqualTo("in_progress");
        assertThat(countBefore).isZero();
        assertThat(after.get("status").asText()).isEqualTo("finished");
        assertThat(after.get("errors_total_count").asInt()).isZero();
        assertThat(after.get("ids_of_invalid_requests")).isEmpty();
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(2);
        assertThat(http.get("/v27.0/" + GraphSandbox.CATALOG_ID + "?fields=product_count", token).json()
                .get("product_count").asInt()).isEqualTo(2);
    }

    @Test
    void acceptsFormMultipartAndJsonBodiesWithRequestsAsStringOrArray() {
        String requests = "[" + request("UPDATE", item("A", "")) + "]";
        Http.Res multipart = http.postMultipart(BATCH, token, Http.params("item_type", "PRODUCT_ITEM",
                "requests", requests.replace("\"A\"", "\"B\"")));
        Http.Res jsonArray = http.postJson(BATCH, token, "{\"item_type\":\"PRODUCT_ITEM\",\"requests\":"
                + requests.replace("\"A\"", "\"C\"") + ",\"unknown_extra\":1}");
        Http.Res jsonString = http.postJson(BATCH, token, "{\"item_type\":\"PRODUCT_ITEM\",\"requests\":"
                + Http.JSON.valueToTree(requests.replace("\"A\"", "\"D\"")).toString() + "}");
        Http.Res form = batch(requests);
        Http.Res query = http.postForm(BATCH + "?item_type=PRODUCT_ITEM", token, Http.params("requests",
                requests.replace("\"A\"", "\"E\"")));

        for (Http.Res r : List.of(multipart, jsonArray, jsonString, form, query)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("handles")).hasSize(1);
        }
        sandbox.sandbox().advanceClock(Duration.ofHours(1));
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(5);
    }

    @Test
    void validationStatusReportsWhatCanBeSeenAtOnce() {
        Http.Res r = batch("[" + request("CREATE", "{\"id\":\"NO-TITLE\",\"price\":\"9.99 USD\"}") + ","
                + request("UPDATE", item("BAD-ENUM", ",\"availability\":\"maybe\"")) + ","
                + request("UPDATE", item("BAD-PRICE", ",\"price\":\"$9.99\"")) + ","
                + request("UPDATE", item("EXTRA", ",\"sparkle\":\"yes\"")) + ","
                + request("UPDATE", item("GOOD", "")) + "]");

        JsonNode v = r.json().get("validation_status");
        assertThat(v).extracting(n -> n.get("retailer_id").asText())
                .containsExactly("NO-TITLE", "BAD-ENUM", "BAD-PRICE", "EXTRA");
        assertThat(v.get(0).get("errors").toString()).contains("Missing required field: title");
        assertThat(v.get(1).get("errors").toString()).contains("availability");
        assertThat(v.get(2).get("errors").toString()).contains("Invalid price");
        assertThat(v.get(3).get("errors")).isEmpty();
        assertThat(v.get(3).get("warnings").toString()).contains("Unrecognised field: sparkle");
        JsonNode done = finish(r.json().at("/handles/0").asText());
        assertThat(done.get("errors_total_count").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(done.get("ids_of_invalid_requests")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("NO-TITLE", "BAD-ENUM", "BAD-PRICE");
        assertThat(done.get("errors").get(0).has("line")).isTrue();
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(2);
    }

    @Test
    void processingAppliesMetasItemRules() {
        String handle = batch("[" + request("UPDATE", item("SALE", ",\"sale_price\":\"250.00 USD\"")) + ","
                + request("UPDATE", item("LINK", ",\"link\":\"/relative\"")) + ","
                + request("UPDATE", item("LONG", ",\"title\":\"" + "t".repeat(201) + "\"")) + ","
                + request("UPDATE", item("ZERO", ",\"price\":\"0.00 USD\"")) + ","
                + request("UPDATE", item("WARN", ",\"title\":\"" + "t".repeat(120) + "\"")) + "]")
                .json().at("/handles/0").asText();

        JsonNode done = finish(handle);

        String errors = done.get("errors").toString();
        assertThat(errors).contains("sale_price must be less than price", "Invalid link URL", "title is too long",
                "Price must be greater than 0");
        assertThat(done.get("ids_of_invalid_requests")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SALE", "LINK", "LONG", "ZERO");
        assertThat(done.get("warnings").toString()).contains("longer than 100 characters");
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(1);
    }

    @Test
    void updateUpsertsUnlessAllowUpsertIsFalseAndDeleteRemoves() {
        finish(batch("[" + request("UPDATE", item("KEEP", "")) + "," + request("UPDATE", item("GONE", "")) + "]")
                .json().at("/handles/0").asText());

        Http.Res noUpsert = http.postForm(BATCH, token, Http.params("item_type", "PRODUCT_ITEM", "allow_upsert",
                "false", "requests", "[" + request("UPDATE", item("NEW", "")) + ","
                        + request("UPDATE", "{\"id\":\"KEEP\",\"price\":\"149.00 USD\"}") + ","
                        + request("DELETE", "{\"id\":\"GONE\"}") + "]"));
        JsonNode done = finish(noUpsert.json().at("/handles/0").asText());
        JsonNode products = http.get("/v27.0/" + GraphSandbox.CATALOG_ID + "/products?fields=retailer_id,price,name",
                token).json().get("data");

        assertThat(done.get("ids_of_invalid_requests")).extracting(JsonNode::asText).containsExactly("NEW");
        assertThat(products).hasSize(1);
        assertThat(products.get(0).get("retailer_id").asText()).isEqualTo("KEEP");
        assertThat(products.get(0).get("price").asText()).isEqualTo("149.00 USD");
        assertThat(products.get(0).get("name").asText()).isEqualTo("Tent KEEP");
    }

    @Test
    void refusesMoreThan5000RequestsAndBodiesOver28Megabytes() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5001; i++) {
            many.append(i == 0 ? "" : ",").append(request("DELETE", "{\"id\":\"X" + i + "\"}"));
        }
        Http.Res tooMany = batch(many.append("]").toString());
        Http.Res tooBig = http.postForm(BATCH, token, Http.params("item_type", "PRODUCT_ITEM", "requests",
                "[" + request("UPDATE", item("BIG", ",\"description\":\"" + "x".repeat(29 * 1024 * 1024) + "\""))
                        + "]"));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error().get("code").asInt()).isEqualTo(100);
        assertThat(tooMany.error().get("message").asText()).contains("5000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.error().get("code").asInt()).isEqualTo(100);
        assertThat(tooBig.error().get("message").asText()).contains("reduce the amount of data");
    }

    @Test
    void badParametersAre100() {
        assertThat(http.postForm(BATCH, token, Http.params("requests", "[]")).error().get("message").asText())
                .contains("item_type");
        assertThat(batch("{\"not\":\"an array\"}").error().get("message").asText()).contains("JSON array");
        assertThat(http.get(STATUS + "?handle=nope", token).error().get("code").asInt()).isEqualTo(100);
        assertThat(http.get(STATUS, token).error().get("message").asText()).contains("handle");
    }

    @Test
    void productsAreFilteredByRetailerIdAndPaged() {
        List<String> reqs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reqs.add(request("UPDATE", item("P" + i, "")));
        }
        finish(batch("[" + String.join(",", reqs) + "]").json().at("/handles/0").asText());
        String base = "/v27.0/" + GraphSandbox.CATALOG_ID + "/products?fields=retailer_id";

        JsonNode filtered = http.get(base + "&filter=" + java.net.URLEncoder.encode(
                "{\"retailer_id\":{\"is_any\":[\"P3\",\"P7\",\"nope\"]}}", java.nio.charset.StandardCharsets.UTF_8),
                token).json().get("data");
        Http.Res page1 = http.get(base + "&limit=20", token);
        Http.Res page2 = new Http("").get(page1.json().at("/paging/next").asText(), null);

        assertThat(filtered).extracting(n -> n.get("retailer_id").asText()).containsExactly("P3", "P7");
        assertThat(page1.json().get("data")).hasSize(20);
        assertThat(page2.json().get("data")).hasSize(10);
        assertThat(page2.json().at("/paging/next").isMissingNode()).isTrue();
        assertThat(http.get(base + ",nonsense", token).error().get("message").asText()).contains("nonexisting field");
    }

    @Test
    void localizedItemsOverrideButNeverCreate() {
        finish(batch("[" + request("UPDATE", item("FR", "")) + "]").json().at("/handles/0").asText());

        Http.Res r = http.postForm("/v27.0/" + GraphSandbox.CATALOG_ID + "/localized_items_batch", token,
                Http.params("item_type", "PRODUCT_ITEM", "requests", "[{\"method\":\"UPDATE\",\"localization\":"
                        + "{\"type\":\"LANGUAGE\",\"value\":\"fr_XX\"},\"data\":{\"id\":\"FR\",\"title\":\"Tente\"}},"
                        + "{\"method\":\"UPDATE\",\"localization\":{\"type\":\"LANGUAGE\",\"value\":\"fr_XX\"},"
                        + "\"data\":{\"id\":\"MISSING\",\"title\":\"Rien\"}}]"));
        JsonNode done = finish(r.json().at("/handles/0").asText());
        JsonNode stored = http.get("/_sandbox/catalogs/" + GraphSandbox.CATALOG_ID + "/items", null).json()
                .at("/data/0/localizations");

        assertThat(done.get("ids_of_invalid_requests")).extracting(JsonNode::asText).containsExactly("MISSING");
        assertThat(stored.at("/LANGUAGE:fr_XX/title").asText()).isEqualTo("Tente");
        assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(1);
    }

    @Test
    void zeroDelayProcessesDuringTheCall() {
        try (GraphSandbox quick = GraphSandbox.builder().batchProcessingDelay(Duration.ZERO).build().start()) {
            Http h = new Http(quick.baseUrl());
            String t = quick.mintUserToken();
            Http.Res r = h.postForm(BATCH, t, Http.params("item_type", "PRODUCT_ITEM", "requests",
                    "[" + request("UPDATE", item("Q", "")) + "]"));

            JsonNode s = h.get(STATUS + "?handle=" + r.json().at("/handles/0").asText(), t).json().at("/data/0");

            assertThat(s.get("status").asText()).isEqualTo("finished");
            assertThat(quick.itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(1);
        }
    }

    @Test
    void inspectionShowsStoredItems() {
        finish(batch("[" + request("UPDATE", item("I1", "")) + "]").json().at("/handles/0").asText());

        JsonNode items = http.get("/_sandbox/catalogs/" + GraphSandbox.CATALOG_ID + "/items", null).json();

        assertThat(items.get("product_count").asInt()).isEqualTo(1);
        assertThat(items.at("/data/0/data/title").asText()).isEqualTo("Tent I1");
        assertThat(Map.of("calls", http.get("/_sandbox/calls", null).json().get("counts").toString()).get("calls"))
                .contains("POST /{v}/{id}/items_batch");
    }

    @Test
    void oddBodiesAreReadAsMetaReadsThem() {
        Http.Res nullParam = http.postJson(BATCH, token, "{\"item_type\":\"PRODUCT_ITEM\",\"allow_upsert\":null,"
                + "\"requests\":[" + request("UPDATE", item("N1", "")) + "]}");
        String boundary = "xyzBoundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; filename=\"requests.json\"; "
                + "name=\"requests\"\r\n\r\n[" + request("UPDATE", item("M1", "")) + "]\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"item_type\"\r\n\r\nPRODUCT_ITEM\r\n--" + boundary
                + "--\r\n";
        Http.Res filenameFirst = http.send(http.builder(BATCH, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart)).build());

        assertThat(nullParam.status()).isEqualTo(200);
        assertThat(filenameFirst.status()).isEqualTo(200);
        assertThat(filenameFirst.json().get("handles")).hasSize(1);
    }

    @Test
    void quantityMustBeAWholeNumber() {
        String handle = batch("[" + request("UPDATE", item("Q1", ",\"quantity_to_sell_on_facebook\":5")) + ","
                + request("UPDATE", item("Q2", ",\"quantity_to_sell_on_facebook\":\"7\"")) + ","
                + request("UPDATE", item("Q3", ",\"quantity_to_sell_on_facebook\":5.5")) + "]")
                .json().at("/handles/0").asText();

        JsonNode done = finish(handle);

        assertThat(done.get("ids_of_invalid_requests")).extracting(JsonNode::asText).containsExactly("Q3");
    }
}
