package io.github.metacommerce.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.GraphStub;
import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.internal.FormEncoding;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keeps the README's quick start and {@link ConnectStore} identical, and runs it against a Graph stub. */
class ReadmeQuickStartTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private static final String REDIRECT = "https://shop.example/meta/callback";

    @Test
    void readmeQuickStartIsTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/metacommerce/quickstart/ConnectStore.java"),
                StandardCharsets.UTF_8);
        String example = between(source, "// tag::quickstart[]\n", "// end::quickstart[]");
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String quickStart = between(readme, "## Quick start", "\n## ");
        String block = between(quickStart, "```java\n", "```");

        assertThat(block).isEqualTo(example);
    }

    @Test
    void quickStartConnectsAStoreAndListsItsCatalogs() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("code=AQD-code"))
                .willReturn(okJson("{\"access_token\":\"EAAB-short\",\"token_type\":\"bearer\",\"expires_in\":5400}")));
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/oauth/access_token")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=fb_exchange_token"))
                .willReturn(okJson("{\"access_token\":\"EAAB-long\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/me/businesses")).willReturn(okJson(
                "{\"data\":[{\"id\":\"1001\",\"name\":\"Acme Outdoor\"}]}")));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/1001/owned_product_catalogs"))
                .willReturn(okJson(stub.fixture("owned-catalogs.json"))));
        ConnectStore connect = new ConnectStore(GraphStub.APP_ID, GraphStub.APP_SECRET, stub.baseUrl());

        URI login = connect.loginUrl("store-7", REDIRECT);
        String state = FormEncoding.decode(login.getRawQuery()).get("state");
        String callback = "code=AQD-code&state=" + state;
        List<String> catalogs = connect.onCallback("store-7", REDIRECT, callback);

        assertThat(catalogs).containsExactly("Acme Outdoor / Acme Outdoor Catalog (1532 items)",
                "Acme Outdoor / Acme Ads Catalog (0 items)");
        stub.wm.verify(getRequestedFor(urlPathEqualTo("/v27.0/me/businesses"))
                .withHeader("Authorization", equalTo("Bearer EAAB-long")));
        assertThatThrownBy(() -> connect.onCallback("store-7", REDIRECT, callback))
                .isInstanceOf(OAuthStateException.class).hasMessageContaining("already used");
    }

    private static String between(String text, String start, String end) {
        int s = text.indexOf(start);
        assertThat(s).as("marker %s", start).isNotNegative();
        int from = s + start.length();
        int e = text.indexOf(end, from);
        assertThat(e).as("marker %s", end).isNotNegative();
        return text.substring(from, e);
    }
}
