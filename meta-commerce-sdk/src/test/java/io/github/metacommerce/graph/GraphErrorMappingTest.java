package io.github.metacommerce.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.metacommerce.GraphStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.metacommerce.GraphStub;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphApiException;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.exception.InvalidRequestException;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per mapping rule, with Meta's documented error objects as fixtures. */
class GraphErrorMappingTest {
    @RegisterExtension
    static final GraphStub stub = new GraphStub();

    private GraphClient graphWithoutRetries() {
        return stub.clientBuilder().retry(RetrySettings.none()).build().graph(TOKEN);
    }

    private MetaCommerceException failCatalogCallWith(int status, String body) {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        return catchThrowableOfType(MetaCommerceException.class, () -> graphWithoutRetries().catalog("2001"));
    }

    static Stream<Arguments> errorFixtures() {
        return Stream.of(
                Arguments.of("oauth-190-expired", 400, OAuthException.class, ErrorCategory.AUTH, 190),
                Arguments.of("oauth-190-invalid", 400, OAuthException.class, ErrorCategory.AUTH, 190),
                Arguments.of("oauth-102", 400, OAuthException.class, ErrorCategory.AUTH, 102),
                Arguments.of("permission-10", 403, PermissionException.class, ErrorCategory.PERMISSION, 10),
                Arguments.of("permission-200", 403, PermissionException.class, ErrorCategory.PERMISSION, 200),
                Arguments.of("permission-299", 403, PermissionException.class, ErrorCategory.PERMISSION, 299),
                Arguments.of("throttle-4", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 4),
                Arguments.of("throttle-17", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 17),
                Arguments.of("throttle-32", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 32),
                Arguments.of("throttle-613", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 613),
                Arguments.of("throttle-80004", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 80004),
                Arguments.of("throttle-80009", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 80009),
                Arguments.of("throttle-80014", 400, RateLimitException.class, ErrorCategory.RATE_LIMIT, 80014),
                Arguments.of("invalid-100", 400, InvalidRequestException.class, ErrorCategory.UNKNOWN, 100),
                Arguments.of("catalog-missing", 400, CatalogAccessException.class, ErrorCategory.CATALOG, 100),
                Arguments.of("unknown-1", 500, GraphApiException.class, ErrorCategory.UNKNOWN, 1));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("errorFixtures")
    void mapsMetaErrorObjectsByCode(String fixture, int status, Class<?> type, ErrorCategory category, int code) {
        MetaCommerceException e = failCatalogCallWith(status, stub.fixture("errors/" + fixture + ".json"));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.category()).isEqualTo(category);
        GraphApiException g = (GraphApiException) e;
        assertThat(g.code()).isEqualTo(code);
        assertThat(g.httpStatus()).isEqualTo(status);
        assertThat(g.fbtraceId()).isPresent();
        assertThat(e.getMessage()).contains("code=" + code).contains("fbtrace_id=").doesNotContain(TOKEN);
    }

    @Test
    void code190SubcodeSaysWhyTheTokenFailed() {
        OAuthException e = (OAuthException) failCatalogCallWith(400, stub.fixture("errors/oauth-190-expired.json"));

        assertThat(e.reason()).isEqualTo(OAuthException.Reason.EXPIRED);
        assertThat(e.subcode()).contains(463);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).startsWith("Error validating access token").contains("subcode=463");
    }

    @Test
    void eachDocumented190SubcodeHasAReason() {
        int[] subcodes = {452, 458, 459, 460, 463, 464, 465, 467, 492, 999};
        OAuthException.Reason[] reasons = {
            OAuthException.Reason.SESSION_MISMATCH, OAuthException.Reason.APP_NOT_INSTALLED,
            OAuthException.Reason.USER_CHECKPOINTED, OAuthException.Reason.PASSWORD_CHANGED,
            OAuthException.Reason.EXPIRED, OAuthException.Reason.UNCONFIRMED_USER,
            OAuthException.Reason.SESSIONS_NOT_ALLOWED, OAuthException.Reason.INVALID_TOKEN,
            OAuthException.Reason.INVALID_PAGE_SESSION, OAuthException.Reason.OTHER};
        for (int i = 0; i < subcodes.length; i++) {
            OAuthException e = (OAuthException) failCatalogCallWith(400, "{\"error\":{\"message\":\"x\","
                    + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":" + subcodes[i] + "}}");
            assertThat(e.reason()).as("subcode %d", subcodes[i]).isEqualTo(reasons[i]);
        }
    }

    @Test
    void throttleCarriesTheWaitFromBusinessUseCaseUsage() {
        stub.wm.stubFor(post(urlPathEqualTo("/v27.0/2001/items_batch")).willReturn(aResponse().withStatus(400)
                .withHeader("X-Business-Use-Case-Usage", "{\"2001\":[{\"type\":\"catalog_batch\",\"call_count\":100,"
                        + "\"total_cputime\":10,\"total_time\":10,\"estimated_time_to_regain_access\":7}]}")
                .withBody(stub.fixture("errors/throttle-80014.json"))));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> graphWithoutRetries()
                .raw(GraphRequest.post("2001/items_batch").param("item_type", "PRODUCT_ITEM").build()));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(7));
        assertThat(e.usage().forObject("2001")).singleElement()
                .satisfies(u -> assertThat(u.callCount()).isEqualTo(100));
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void http429WithoutErrorObjectIsARateLimitWithRetryAfter() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("Too Many Requests")));

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> graphWithoutRetries().catalog("2001"));

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
    }

    @Test
    void isTransientMarksAnOtherwiseUnknownErrorRetryable() {
        MetaCommerceException e = failCatalogCallWith(400, stub.fixture("errors/transient-other.json"));

        assertThat(e).isExactlyInstanceOf(GraphApiException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("is_transient=true");
    }

    @Test
    void codes1And2AreRetryableAndCode100IsNot() {
        assertThat(failCatalogCallWith(400, stub.fixture("errors/unknown-1.json")).isRetryable()).isTrue();
        assertThat(failCatalogCallWith(400, stub.fixture("errors/service-2.json")).isRetryable()).isTrue();
        assertThat(failCatalogCallWith(400, stub.fixture("errors/invalid-100.json")).isRetryable()).isFalse();
    }

    @Test
    void http404OnACatalogWithoutErrorObjectIsCatalogCategory() {
        MetaCommerceException e = failCatalogCallWith(404, "{}");

        assertThat(e).isInstanceOf(CatalogAccessException.class);
        assertThat(e.category()).isEqualTo(ErrorCategory.CATALOG);
    }

    @Test
    void missingObjectOutsideCatalogCallsIsAnInvalidRequest() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/999/owned_product_catalogs")).willReturn(aResponse()
                .withStatus(400).withBody(stub.fixture("errors/catalog-missing.json"))));

        MetaCommerceException e = catchThrowableOfType(MetaCommerceException.class,
                () -> graphWithoutRetries().ownedCatalogs("999").stream().toList());

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
    }

    @Test
    void htmlErrorPageBecomesAParseExceptionWithStatusAndSnippet() {
        MetaCommerceException e = failCatalogCallWith(502,
                "<html><head><title>502 Bad Gateway</title></head>\n<body>   upstream failed</body></html>");

        assertThat(e).isInstanceOf(GraphResponseParseException.class);
        GraphResponseParseException p = (GraphResponseParseException) e;
        assertThat(p.httpStatus()).isEqualTo(502);
        assertThat(p.snippet()).isEqualTo("<html><head><title>502 Bad Gateway</title></head> <body> upstream failed"
                + "</body></html>");
        assertThat(p.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(p.isRetryable()).isTrue();
        assertThat(p.getMessage()).contains("http_status=502").contains("502 Bad Gateway");
    }

    @Test
    void emptyErrorBodyBecomesAParseException() {
        MetaCommerceException e = failCatalogCallWith(400, "");

        assertThat(e).isInstanceOf(GraphResponseParseException.class);
        assertThat(e.getMessage()).contains("empty body").contains("http_status=400");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void emptySuccessBodyBecomesAParseException() {
        MetaCommerceException e = failCatalogCallWith(200, "");

        assertThat(e).isInstanceOf(GraphResponseParseException.class).hasMessageContaining("empty");
    }

    @Test
    void truncatedJsonBecomesAParseExceptionWithoutTheToken() {
        MetaCommerceException e = failCatalogCallWith(200, "{\"id\":\"2001\",\"access_token\":\"" + TOKEN + "\",\"na");

        assertThat(e).isInstanceOf(GraphResponseParseException.class);
        assertThat(e.getMessage()).contains("not JSON").doesNotContain(TOKEN);
    }

    @Test
    void tokenEchoedInMetasMessageIsRedacted() {
        MetaCommerceException e = failCatalogCallWith(400, "{\"error\":{\"message\":\"Malformed access token "
                + TOKEN + "\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"X\"}}");

        assertThat(e.getMessage()).contains("Malformed access token [redacted]").doesNotContain(TOKEN);
    }

    @Test
    void readTimeoutIsANetworkErrorMarkedAsTimeout() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse().withFixedDelay(3_000)
                .withBody(stub.fixture("catalog.json"))));
        GraphClient graph = stub.clientBuilder().retry(RetrySettings.none()).readTimeout(Duration.ofMillis(200))
                .build().graph(TOKEN);

        GraphTransportException e = catchThrowableOfType(GraphTransportException.class, () -> graph.catalog("2001"));

        assertThat(e.isTimeout()).isTrue();
        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("GET /v27.0/2001 timed out").doesNotContain(TOKEN);
    }

    @Test
    void connectionResetIsANetworkError() {
        stub.wm.stubFor(get(urlPathEqualTo("/v27.0/2001")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        GraphTransportException e = catchThrowableOfType(GraphTransportException.class,
                () -> graphWithoutRetries().catalog("2001"));

        assertThat(e.isTimeout()).isFalse();
        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.getMessage()).startsWith("GET /v27.0/2001 failed").doesNotContain(TOKEN);
    }
}
