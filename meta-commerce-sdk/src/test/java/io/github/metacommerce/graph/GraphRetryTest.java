package io.github.metacommerce.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.metacommerce.GraphStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.metacommerce.GraphStub;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.exception.GraphApiException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per retry rule. Waits go through the recording sleeper: nothing sleeps. */
class GraphRetryTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private void failFirstThenSucceed(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(stub.fixture("catalog.json"))));
    }

    @Test
    void retriesA503ThenSucceeds() {
        failFirstThenSucceed(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

        Catalog c = stub.client().graph(TOKEN).catalog("2001");

        assertThat(c.id()).isEqualTo("2001");
        stub.wm.verify(2, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
        assertThat(stub.sleeps).hasSize(1);
        // 100 ms initial back-off with 50 % jitter
        assertThat(stub.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
    }

    @Test
    void retriesCode2ThenSucceeds() {
        failFirstThenSucceed(aResponse().withStatus(500).withBody(stub.fixture("errors/service-2.json")));

        assertThat(stub.client().graph(TOKEN).catalog("2001").name()).isEqualTo("Acme Outdoor Catalog");
        stub.wm.verify(2, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
    }

    @Test
    void retriesIsTransientThenSucceeds() {
        failFirstThenSucceed(aResponse().withStatus(400).withBody(stub.fixture("errors/transient-other.json")));

        assertThat(stub.client().graph(TOKEN).catalog("2001").id()).isEqualTo("2001");
        stub.wm.verify(2, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
    }

    @Test
    void retriesAnIoErrorThenSucceeds() {
        failFirstThenSucceed(aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThat(stub.client().graph(TOKEN).catalog("2001").id()).isEqualTo("2001");
        stub.wm.verify(2, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
    }

    @Test
    void givesUpAfterMaxAttemptsWithGrowingBackoff() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(500)
                .withBody(stub.fixture("errors/unknown-1.json"))));
        List<GraphCall> calls = new ArrayList<>();
        GraphClient graph = stub.clientBuilder().callListener(calls::add)
                .retry(RetrySettings.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100)).jitter(0)
                        .build())
                .build().graph(TOKEN);

        assertThatThrownBy(() -> graph.catalog("2001")).isInstanceOf(GraphApiException.class)
                .hasMessageContaining("code=1");

        stub.wm.verify(4, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
        assertThat(stub.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
        assertThat(calls).extracting(GraphCall::attempt).containsExactly(1, 2, 3, 4);
        assertThat(calls).allSatisfy(c -> assertThat(c.succeeded()).isFalse());
    }

    @Test
    void neverRetriesAuthErrors() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(400)
                .withBody(stub.fixture("errors/oauth-190-expired.json"))));

        assertThatThrownBy(() -> stub.client().graph(TOKEN).catalog("2001")).isInstanceOf(OAuthException.class);

        stub.wm.verify(1, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
        assertThat(stub.sleeps).isEmpty();
    }

    @Test
    void neverRetriesPermissionErrors() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(403)
                .withBody(stub.fixture("errors/permission-200.json"))));

        assertThatThrownBy(() -> stub.client().graph(TOKEN).catalog("2001"))
                .isInstanceOf(PermissionException.class);

        stub.wm.verify(1, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
    }

    @Test
    void throttlingIsNotRetriedImmediately() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(400)
                .withBody(stub.fixture("errors/throttle-80009.json"))));

        assertThatThrownBy(() -> stub.client().graph(TOKEN).catalog("2001"))
                .isInstanceOf(RateLimitException.class);

        stub.wm.verify(1, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
        assertThat(stub.sleeps).isEmpty();
    }

    @Test
    void postsAreNeverRetried() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/1001/owned_product_catalogs")).willReturn(aResponse()
                .withStatus(503).withBody("<html>down</html>")));

        assertThatThrownBy(() -> stub.client().graph(TOKEN).createCatalog("1001", "New"))
                .hasMessageContaining("http_status=503");

        stub.wm.verify(1, postRequestedFor(urlPathEqualTo("/v27.0/1001/owned_product_catalogs")));
    }

    @Test
    void interruptedBackoffStopsRetryingAndKeepsTheInterruptFlag() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(503).withBody("x")));
        GraphClient graph = stub.clientBuilder().sleeper(d -> {
            throw new InterruptedException("shutdown");
        }).build().graph(TOKEN);

        try {
            assertThatThrownBy(() -> graph.catalog("2001")).isInstanceOf(GraphTransportException.class)
                    .satisfies(e -> assertThat(((GraphTransportException) e).isInterrupted()).isTrue());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        stub.wm.verify(1, getRequestedFor(urlPathEqualTo("/v27.0/2001")));
    }
}
