package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthDeniedException;
import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sandbox.SandboxExtension;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A plain Spring Boot web application with Actuator and the starter, as a user writes one: every auto-configuration
 * on the classpath (Boot's own metrics included, no hand-made registry), an embedded database holding the OAuth
 * nonces and the sync ledger, a "Connect to Meta" flow and a sync against the sandbox, then the metrics read back
 * through {@code /actuator/metrics}.
 */
class SandboxApplicationTest {
    private static final String REDIRECT = "https://shop.example/meta/callback";
    private static final String USER_HEADER = "X-Signed-In-User";

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO)
            .autoApprove(true).redirectUri(REDIRECT));

    /** The host application. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ConnectController.class)
    static class ShopApplication {

        @Bean
        CatalogPublisher catalogPublisher(CatalogSyncFactory factory, SyncStateStore ledger) {
            return new CatalogPublisher(factory, ledger);
        }

        @Bean
        StoreAccess storeAccess() {
            return new StoreAccess(Map.of("alice", Set.of("shop-1"), "mallory", Set.of("shop-2")));
        }

        /** The test's stand-in for the application's own login: the user named in a header is signed in. */
        @Bean
        OncePerRequestFilter signedInUser() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    String user = request.getHeader(USER_HEADER);
                    chain.doFilter(user == null ? request : new HttpServletRequestWrapper(request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return () -> user;
                        }
                    }, response);
                }
            };
        }
    }

    /** The application's own rule for who may connect which store (here a fixed map of users to stores). */
    static final class StoreAccess {
        private final Map<String, Set<String>> storesByUser;

        StoreAccess(Map<String, Set<String>> storesByUser) {
            this.storesByUser = storesByUser;
        }

        boolean mayConnect(Principal user, String storeId) {
            return user != null && storesByUser.getOrDefault(user.getName(), Set.of()).contains(storeId);
        }
    }

    /** What a host app writes: a few lines on top of the starter. */
    static final class CatalogPublisher {
        private final CatalogSyncFactory factory;
        private final SyncStateStore ledger;

        CatalogPublisher(CatalogSyncFactory factory, SyncStateStore ledger) {
            this.factory = factory;
            this.ledger = ledger;
        }

        SyncReport publish(String storeId, String token, String catalogId, List<Product> products) {
            StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
            return factory.create(token, catalogId, settings, ledger).sync(products.stream(),
                    SyncRequest.builder().storeId(storeId).build());
        }
    }

    /** "Connect to Meta", the redirect URI's handler (mapping each callback failure itself), and a sync. */
    @RestController
    static class ConnectController {
        private final MetaCommerceLogin login;
        private final CatalogPublisher publisher;
        private final StoreAccess access;
        private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

        ConnectController(MetaCommerceLogin login, CatalogPublisher publisher, StoreAccess access) {
            this.login = login;
            this.publisher = publisher;
            this.access = access;
        }

        @GetMapping("/stores/{store}/connect")
        ResponseEntity<Void> connect(@PathVariable String store, Principal user) {
            if (!access.mayConnect(user, store)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
            }
            return ResponseEntity.status(HttpStatus.FOUND).location(login.loginUrl(store)).build();
        }

        @GetMapping("/meta/callback")
        ResponseEntity<String> callback(HttpServletRequest request, Principal user) {
            try {
                StoreConnection connection = login.complete(request.getQueryString());
                if (!access.mayConnect(user, connection.storeId())) {
                    return ResponseEntity.status(HttpStatus.FORBIDDEN).body("not your store");
                }
                tokens.put(connection.storeId(), connection.token());
                return ResponseEntity.ok("connected " + connection.storeId());
            } catch (OAuthDeniedException e) {
                return ResponseEntity.ok("cancelled: " + e.reason().orElse(e.error()));
            } catch (OAuthStateException e) {
                return ResponseEntity.badRequest().body("start again: " + e.reason());
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().body("not a callback from Meta");
            } catch (MetaCommerceException e) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("Meta refused: " + e.category());
            }
        }

        @PostMapping("/stores/{store}/sync")
        ResponseEntity<String> sync(@PathVariable String store, Principal user) {
            if (!access.mayConnect(user, store) || !tokens.containsKey(store)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body("not connected");
            }
            SyncReport report = publisher.publish(store, tokens.get(store).value(), GraphSandbox.CATALOG_ID,
                    IntStream.rangeClosed(1, 12).mapToObj(SandboxApplicationTest::product).toList());
            return ResponseEntity.ok(report.outcome() + " created=" + report.counts().created());
        }
    }

    static Product product(int i) {
        return Product.builder().productId("p" + i).sku("SKU-" + i).name("Mug " + i).description("Stoneware mug")
                .price(new BigDecimal("12.50")).imageUrls("/img/mug-" + i + ".jpg").slug("mug-" + i).brand("Acme")
                .build();
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, URI uri) throws IOException, InterruptedException {
        return send(method, uri, null);
    }

    private HttpResponse<String> send(String method, URI uri, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header(USER_HEADER, user);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("redirect from %s", response.uri()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void connectsAStoreSyncsAndShowsTheFourMetersInActuator() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShopApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        // the app's embedded database gets the shipped tables of the nonce store and the ledger
                        "spring.sql.init.schema-locations="
                                + "classpath:io/github/metacommerce/spring/jdbc/used-nonces-h2.sql,"
                                + "classpath:io/github/metacommerce/spring/jdbc/ledger-h2.sql",
                        "management.endpoints.web.exposure.include=metrics",
                        "meta.commerce.app-id=" + sandbox.appId(),
                        "meta.commerce.app-secret=" + sandbox.appSecret(),
                        "meta.commerce.graph.base-url=" + sandbox.baseUrl(),
                        "meta.commerce.graph.dialog-base-url=" + sandbox.baseUrl(),
                        "meta.commerce.oauth.redirect-uri=" + REDIRECT,
                        "meta.commerce.sync.batch-calls-per-minute=100",
                        "meta.commerce.sync.status-poll-initial=10ms")
                .run()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

            URI dialog = location(send("GET", URI.create(base + "/stores/shop-1/connect"), "alice"));
            URI back = location(send("GET", dialog));
            assertThat(back.toString()).startsWith(REDIRECT + "?");
            URI callback = URI.create(base + "/meta/callback?" + back.getRawQuery());
            HttpResponse<String> connected = send("GET", callback, "alice");
            HttpResponse<String> replayed = send("GET", callback, "alice");
            HttpResponse<String> synced = send("POST", URI.create(base + "/stores/shop-1/sync"), "alice");

            assertThat(connected.body()).isEqualTo("connected shop-1");
            assertThat(replayed.statusCode()).isEqualTo(400);
            assertThat(replayed.body()).isEqualTo("start again: REPLAYED");
            assertThat(synced.body()).isEqualTo("COMPLETED created=12");
            assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(12);
            assertThat(app.getBean(SyncStateStore.class).count(GraphSandbox.CATALOG_ID)).isEqualTo(12);

            JsonNode calls = metric(base, "meta.commerce.graph.calls");
            assertThat(count(calls)).isGreaterThanOrEqualTo(3);
            assertThat(calls.toString()).contains("/oauth/access_token").contains("/{id}/items_batch");
            assertThat(metric(base, "meta.commerce.graph.calls?tag=endpoint:/oauth/access_token").toString())
                    .contains("\"COUNT\"");
            assertThat(count(metric(base, "meta.commerce.graph.calls?tag=endpoint:/oauth/access_token")))
                    .isEqualTo(2);
            assertThat(count(metric(base, "meta.commerce.sync.items?tag=outcome:created"))).isEqualTo(12);
            assertThat(count(metric(base, "meta.commerce.sync.duration?tag=outcome:completed"))).isEqualTo(1);
            assertThat(count(metric(base, "meta.commerce.sync.rate.limit.wait"))).isEqualTo(1);
        }
    }

    @Test
    void aStoreIsConnectedOnlyByAUserWhoMayConnectIt() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShopApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "meta.commerce.app-id=" + sandbox.appId(),
                        "meta.commerce.app-secret=" + sandbox.appSecret(),
                        "meta.commerce.graph.base-url=" + sandbox.baseUrl(),
                        "meta.commerce.graph.dialog-base-url=" + sandbox.baseUrl(),
                        "meta.commerce.oauth.redirect-uri=" + REDIRECT)
                .run()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            URI connectShop1 = URI.create(base + "/stores/shop-1/connect");

            assertThat(send("GET", connectShop1).statusCode()).as("nobody signed in").isEqualTo(403);
            assertThat(send("GET", connectShop1, "mallory").statusCode()).as("another merchant").isEqualTo(403);

            // a state alice was issued, completed in mallory's session, connects nothing
            URI back = location(send("GET", location(send("GET", connectShop1, "alice"))));
            HttpResponse<String> stolen = send("GET", URI.create(base + "/meta/callback?" + back.getRawQuery()),
                    "mallory");
            assertThat(stolen.statusCode()).isEqualTo(403);
            assertThat(stolen.body()).isEqualTo("not your store");
            assertThat(send("POST", URI.create(base + "/stores/shop-1/sync"), "alice").body())
                    .isEqualTo("not connected");

            URI again = location(send("GET", location(send("GET", connectShop1, "alice"))));
            assertThat(send("GET", URI.create(base + "/meta/callback?" + again.getRawQuery()), "alice").body())
                    .isEqualTo("connected shop-1");
        }
    }

    private JsonNode metric(String base, String nameAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", URI.create(base + "/actuator/metrics/" + nameAndQuery));
        assertThat(r.statusCode()).as("/actuator/metrics/%s", nameAndQuery).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static double count(JsonNode metric) {
        for (JsonNode m : metric.get("measurements")) {
            if (m.get("statistic").asText().equals("COUNT")) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }
}
