package io.github.metacommerce.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.Sleeper;
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
import io.github.metacommerce.sandbox.PortInUseException;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncIssue;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK end to end in one plain-Java program: connects a store through the OAuth flow of a Graph sandbox (one
 * already running with {@code --sandbox URL}, or one it starts in-process), picks a business and a catalog, syncs a
 * few hundred generated products (a few of them invalid) and shows the report. With
 * {@code --access-token T --catalog-id C} it syncs against Meta instead.
 *
 * <pre>
 * java -jar examples/quickstart/target/quickstart.jar [--products 300] [--sandbox URL | --port N] [--keep-running]
 * java -jar examples/quickstart/target/quickstart.jar --access-token EAA... --catalog-id 123 --app-id 1 --app-secret s
 * </pre>
 */
public final class QuickStart {
    private static final Logger log = LoggerFactory.getLogger(QuickStart.class);
    private static final String REDIRECT = "https://shop.example/meta/callback";
    private static final String STORE = "demo-store";
    /** Waits at least this long are announced, so a long rate-limit wait is not silent. */
    private static final Duration ANNOUNCED_WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuickStart() {
    }

    /**
     * Runs the quickstart; see the class comment for the options, or {@code --help}.
     *
     * @param args the options
     * @throws Exception if the run fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err, log::info);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The options. */
    record Options(boolean help, int products, boolean keepRunning, String sandboxUrl, int port, String token,
            String catalogId, String appId, String appSecret) {
    }

    static String usage() {
        return "usage: java -jar quickstart.jar [--products N] [--sandbox URL | --port N] [--keep-running]\n"
                + "       java -jar quickstart.jar --access-token TOKEN --catalog-id ID --app-id ID --app-secret S"
                + " [--products N]\n"
                + "  --products N     how many generated products to sync (default 300)\n"
                + "  --sandbox URL    use a running graph-sandbox.jar (start it with --auto-approve), e.g.\n"
                + "                   --sandbox http://127.0.0.1:8089; its catalog page stays up after the run\n"
                + "  --port N         port for the in-process sandbox when --sandbox is not given (default: any)\n"
                + "  --keep-running   keep the in-process sandbox up after the sync to browse /_sandbox/\n"
                + "  --app-id ID, --app-secret S  the app (default sandbox-app / sandbox-secret for a sandbox)\n"
                + "  --access-token T, --catalog-id C  sync to Meta instead of a sandbox\n"
                + "  --help           print this and exit";
    }

    static Options parse(String[] args) {
        boolean help = false;
        int products = 300;
        boolean keepRunning = false;
        String sandboxUrl = null;
        int port = 0;
        String token = null;
        String catalogId = null;
        String appId = null;
        String appSecret = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help": case "-h": help = true; break;
                case "--products": products = number(a, value(args, ++i, a), 1, Integer.MAX_VALUE); break;
                case "--keep-running": keepRunning = true; break;
                case "--sandbox": sandboxUrl = value(args, ++i, a).replaceAll("/+$", ""); break;
                case "--port": port = number(a, value(args, ++i, a), 0, 65535); break;
                case "--access-token": token = value(args, ++i, a); break;
                case "--catalog-id": catalogId = value(args, ++i, a); break;
                case "--app-id": appId = value(args, ++i, a); break;
                case "--app-secret": appSecret = value(args, ++i, a); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!help && token != null && (catalogId == null || appId == null || appSecret == null)) {
            throw new IllegalArgumentException("--access-token needs --catalog-id, --app-id and --app-secret");
        }
        if (!help && sandboxUrl != null && !sandboxUrl.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException("--sandbox needs the sandbox's base URL such as http://127.0.0.1:8089,"
                    + " was " + sandboxUrl);
        }
        return new Options(help, products, keepRunning, sandboxUrl, port, token, catalogId, appId, appSecret);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", was " + v);
    }

    /**
     * Runs with these options.
     *
     * @param args the options
     * @param out where {@code --help} goes
     * @param err where a refused option or an unusable sandbox is explained
     * @param say the program's narrative (the log in {@link #main})
     * @return the exit code: 0 done, 1 failed, 2 bad options
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<String> say) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("quickstart: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (o.help()) {
            out.println(usage());
            return 0;
        }
        if (o.token() != null) {
            MetaCommerceClient client = MetaCommerceClient.builder().appId(o.appId()).appSecret(o.appSecret()).build();
            sync(client.graph(o.token()), o.catalogId(), o.products(), "Meta's", say);
            return 0;
        }
        String appId = o.appId() == null ? GraphSandbox.DEFAULT_APP_ID : o.appId();
        String appSecret = o.appSecret() == null ? GraphSandbox.DEFAULT_APP_SECRET : o.appSecret();
        if (o.sandboxUrl() != null) {
            Optional<String> problem = checkSandbox(o.sandboxUrl(), say);
            if (problem.isPresent()) {
                err.println("quickstart: " + problem.get());
                return 1;
            }
            runAgainstSandbox(o.sandboxUrl(), appId, appSecret, o.products(), say);
            say.accept("See the catalog at " + o.sandboxUrl() + "/_sandbox/");
            return 0;
        }
        GraphSandbox sandbox;
        try {
            // the jar's budget on purpose, so the waits shown here are the ones a user of the jar (and Meta) meets
            sandbox = GraphSandbox.builder().port(o.port()).appId(appId).appSecret(appSecret).autoApprove(true)
                    .batchCallsPerMinute(GraphSandbox.DEFAULT_BATCH_CALLS_PER_MINUTE)
                    .batchProcessingDelay(Duration.ofMillis(300)).build().start();
        } catch (PortInUseException e) {
            err.println("quickstart: " + e.getMessage() + " (--port), or use the sandbox there with --sandbox "
                    + "http://127.0.0.1:" + e.port());
            return 1;
        }
        try (sandbox) {
            say.accept("Started an in-process Graph sandbox at " + sandbox.baseUrl() + " with a batch budget of "
                    + budget(sandbox.settings().batchCallsPerMinute()) + ", the same as graph-sandbox.jar's default");
            runAgainstSandbox(sandbox, o.products(), say);
            if (o.keepRunning()) {
                say.accept("See the catalog at " + sandbox.baseUrl() + "/_sandbox/ ; the sandbox keeps running, "
                        + "press Ctrl+C to stop.");
                new CountDownLatch(1).await();
            } else {
                say.accept("The in-process sandbox stops now. To browse the catalog, run again with --keep-running,"
                        + " or start graph-sandbox.jar --auto-approve and pass --sandbox URL.");
            }
        }
        return 0;
    }

    private static String budget(int callsPerMinute) {
        return callsPerMinute + " batch calls per catalog per minute"
                + (callsPerMinute == GraphSandbox.DEFAULT_BATCH_CALLS_PER_MINUTE ? " (Meta's floor)" : "");
    }

    /** Reads a running sandbox's settings; says what is wrong if the quickstart cannot use it. */
    static Optional<String> checkSandbox(String url, Consumer<String> say) throws InterruptedException {
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(url + "/_sandbox/settings")).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Optional.of("no Graph sandbox answers at " + url + " (" + e.getClass().getSimpleName()
                    + "): start one with java -jar examples/graph-sandbox/target/graph-sandbox.jar --port 8089 "
                    + "--auto-approve");
        }
        if (r.statusCode() != 200) {
            return Optional.of(url + "/_sandbox/settings answered HTTP " + r.statusCode() + ": is " + url
                    + " a graph-sandbox of this version?");
        }
        JsonNode settings;
        try {
            settings = JSON.readTree(r.body());
        } catch (IOException e) {
            return Optional.of(url + "/_sandbox/settings is not JSON: is " + url + " a graph-sandbox?");
        }
        if (!settings.path("auto_approve").asBoolean(false)) {
            return Optional.of("the sandbox at " + url + " shows its consent page to a person; the quickstart "
                    + "walks the OAuth flow as a script, so restart the sandbox with --auto-approve");
        }
        say.accept("Using the Graph sandbox at " + url + " with a batch budget of "
                + budget(settings.path("batch_calls_per_minute").asInt()));
        return Optional.empty();
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
        return runAgainstSandbox(sandbox, products, log::info);
    }

    static SyncReport runAgainstSandbox(GraphSandbox sandbox, int products, Consumer<String> say)
            throws IOException, InterruptedException {
        return runAgainstSandbox(sandbox.baseUrl(), sandbox.appId(), sandbox.appSecret(), products, say);
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
    static SyncReport runAgainstSandbox(String baseUrl, String appId, String appSecret, int products,
            Consumer<String> say) throws IOException, InterruptedException {
        MetaCommerceClient client = MetaCommerceClient.builder().appId(appId).appSecret(appSecret)
                .graphBaseUrl(baseUrl).dialogBaseUrl(baseUrl).build();

        OAuthStateCodec states = OAuthStateCodec.builder().signingKeyDerivedFrom(appSecret).build();
        URI login = client.oauth().authorizationUrl(AuthorizationRequest.builder().redirectUri(REDIRECT)
                .state(states.issue(STORE)).build());
        say.accept("1. The merchant opens the login dialog: " + login);
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
        say.accept("2. Connected; the token expires at " + token.expiresAt().map(Object::toString).orElse("never"));

        GraphClient graph = client.graph(token);
        Business business = graph.businesses().iterator().next();
        List<Catalog> catalogs = graph.ownedCatalogs(business.id()).stream().toList();
        Catalog catalog = catalogs.isEmpty() ? graph.createCatalog(business.id(), "Demo catalog")
                : catalogs.get(0);
        say.accept("3. Business '" + business.name() + "', catalog '" + catalog.name() + "' (" + catalog.id() + ")");
        return sync(graph, catalog.id(), products, "the sandbox's", say);
    }

    private static SyncReport sync(GraphClient graph, String catalogId, int products, String whose,
            Consumer<String> say) {
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
        Sleeper real = Sleeper.system();
        CatalogSync sync = CatalogSync.builder().graph(graph).catalogId(catalogId)
                .transformer(ProductTransformer.of(settings)).stateStore(SyncStateStore.inMemory())
                .sleeper(d -> {
                    if (d.compareTo(ANNOUNCED_WAIT) >= 0) {
                        say.accept(String.format(Locale.ROOT, "   waiting %.1f s (pacing to %s batch budget, "
                                + "a retry back-off or a batch still processing)...", d.toMillis() / 1000.0, whose));
                    }
                    real.sleep(d);
                }).build();
        say.accept("4. Syncing " + products + " generated products...");
        SyncReport r = sync.sync(SampleProducts.stream(7, products, 0.02), SyncRequest.full());
        say.accept(String.format(Locale.ROOT, "5. %s in %d ms: %d products, %d items: %d created, %d updated, "
                + "%d unchanged, %d deleted, %d failed, %d not attempted; %d API calls, %d s waiting on rate limits",
                r.outcome(), r.duration().toMillis(), r.counts().productsSeen(), r.counts().itemsSeen(),
                r.counts().created(), r.counts().updated(), r.counts().unchanged(), r.counts().deleted(),
                r.counts().failed(), r.counts().notAttempted(), r.apiCalls(), r.rateLimitWait().toSeconds()));
        for (SyncIssue e : r.errors()) {
            say.accept("   error   " + (e.retailerId().isEmpty() ? "(no SKU)" : e.retailerId()) + " (product "
                    + e.productId() + "): " + e.message() + " [" + e.category() + ", " + e.source() + "]");
        }
        if (r.warnings().isEmpty()) {
            say.accept("   no warnings");
        } else {
            say.accept("   " + r.warnings().size() + (r.warnings().size() == 1 ? " warning: " : " warnings, e.g. ")
                    + r.warnings().get(0).message());
        }
        return r;
    }
}
