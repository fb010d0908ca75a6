package io.github.metacommerce.examples.quickstart;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.OAuthCallback;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncIssue;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK end to end in one plain-Java program: starts the Graph sandbox in-process, connects a store through
 * the OAuth flow, picks a business and a catalog, syncs a few hundred generated products (a few of them invalid)
 * and shows the report. With {@code --access-token T --catalog-id C} it syncs against Meta instead.
 *
 * <pre>
 * java -jar examples/quickstart/target/quickstart.jar [--products 300] [--keep-running]
 * java -jar examples/quickstart/target/quickstart.jar --access-token EAA... --catalog-id 123 --app-id 1 --app-secret s
 * </pre>
 */
public final class QuickStart {
    private static final Logger log = LoggerFactory.getLogger(QuickStart.class);
    private static final String REDIRECT = "https://shop.example/meta/callback";
    private static final String STORE = "demo-store";

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        int products = 300;
        boolean keepRunning = false;
        String token = null;
        String catalogId = null;
        String appId = null;
        String appSecret = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--products": products = Integer.parseInt(args[++i]); break;
                case "--keep-running": keepRunning = true; break;
                case "--access-token": token = args[++i]; break;
                case "--catalog-id": catalogId = args[++i]; break;
                case "--app-id": appId = args[++i]; break;
                case "--app-secret": appSecret = args[++i]; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (token != null) {
            if (catalogId == null || appId == null || appSecret == null) {
                throw new IllegalArgumentException("--access-token needs --catalog-id, --app-id and --app-secret");
            }
            MetaCommerceClient client = MetaCommerceClient.builder().appId(appId).appSecret(appSecret).build();
            sync(client.graph(token), catalogId, products);
            return;
        }
        try (GraphSandbox sandbox = GraphSandbox.builder().autoApprove(true).batchCallsPerMinute(60)
                .batchProcessingDelay(Duration.ofMillis(300)).build().start()) {
            runAgainstSandbox(sandbox, products);
            log.info("See the catalog at {}/_sandbox/", sandbox.baseUrl());
            if (keepRunning) {
                log.info("The sandbox keeps running; press Ctrl+C to stop.");
                new CountDownLatch(1).await();
            }
        }
    }

    /**
     * Connects to the sandbox through OAuth, picks the first business and catalog, and syncs generated products.
     *
     * @param sandbox a started sandbox with auto-approve
     * @param products how many products to generate
     * @return the sync report
     * @throws IOException if the dialog cannot be reached
     * @throws InterruptedException if interrupted
     */
    public static SyncReport runAgainstSandbox(GraphSandbox sandbox, int products)
            throws IOException, InterruptedException {
        MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId()).appSecret(sandbox.appSecret())
                .graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl()).build();

        OAuthStateCodec states = OAuthStateCodec.builder().signingKeyDerivedFrom(sandbox.appSecret()).build();
        URI login = client.oauth().authorizationUrl(AuthorizationRequest.builder().redirectUri(REDIRECT)
                .state(states.issue(STORE)).build());
        log.info("1. The merchant opens the login dialog: {}", login);
        HttpResponse<Void> dialog = HttpClient.newHttpClient().send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = dialog.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the dialog did not redirect (HTTP " + dialog.statusCode() + ")"));
        OAuthCallback callback = OAuthCallback.parse(URI.create(location).getRawQuery());
        if (!(callback instanceof OAuthCallback.Authorized authorized)) {
            throw new IllegalStateException("the merchant cancelled: " + callback);
        }
        states.verify(authorized.state(), STORE);
        AccessToken token = client.oauth().exchangeForLongLivedToken(
                client.oauth().exchangeCode(authorized.code(), REDIRECT).value());
        log.info("2. Connected; the token expires at {}", token.expiresAt().map(Object::toString).orElse("never"));

        GraphClient graph = client.graph(token);
        Business business = graph.businesses().iterator().next();
        List<Catalog> catalogs = graph.ownedCatalogs(business.id()).stream().toList();
        Catalog catalog = catalogs.isEmpty() ? graph.createCatalog(business.id(), "Demo catalog")
                : catalogs.get(0);
        log.info("3. Business '{}', catalog '{}' ({})", business.name(), catalog.name(), catalog.id());
        return sync(graph, catalog.id(), products);
    }

    private static SyncReport sync(GraphClient graph, String catalogId, int products) {
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
        CatalogSync sync = CatalogSync.builder().graph(graph).catalogId(catalogId)
                .transformer(ProductTransformer.of(settings)).stateStore(SyncStateStore.inMemory()).build();
        log.info("4. Syncing {} generated products...", products);
        SyncReport r = sync.sync(SampleProducts.stream(7, products, 0.02), SyncRequest.full());
        log.info("5. {} in {} ms: {} products, {} items: {} created, {} updated, {} unchanged, {} deleted, {} failed, "
                + "{} not attempted; {} API calls, {} s waiting on rate limits", r.outcome(), r.duration().toMillis(),
                r.counts().productsSeen(), r.counts().itemsSeen(), r.counts().created(), r.counts().updated(),
                r.counts().unchanged(), r.counts().deleted(), r.counts().failed(), r.counts().notAttempted(),
                r.apiCalls(), r.rateLimitWait().toSeconds());
        for (SyncIssue e : r.errors()) {
            log.info("   error   {} (product {}): {} [{}, {}]", e.retailerId().isEmpty() ? "(no SKU)" : e.retailerId(),
                    e.productId(), e.message(), e.category(), e.source());
        }
        log.info("   {} warnings, e.g. {}", r.warnings().size(),
                r.warnings().isEmpty() ? "none" : r.warnings().get(0).message());
        return r;
    }
}
