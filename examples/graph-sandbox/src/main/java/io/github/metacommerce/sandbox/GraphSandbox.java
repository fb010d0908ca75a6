package io.github.metacommerce.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the part of Meta's Graph API that catalog sync uses: the OAuth dialog and token endpoints,
 * businesses, catalogs, items_batch with asynchronous processing and Meta's item rules, per-catalog batch rate
 * limits with {@code X-Business-Use-Case-Usage}, and fault injection. It listens on loopback only.
 *
 * <pre>{@code
 * try (GraphSandbox sandbox = GraphSandbox.builder().build().start()) {
 *     String token = sandbox.mintUserToken();
 *     MetaCommerceClient client = MetaCommerceClient.builder()
 *             .appId(sandbox.appId()).appSecret(sandbox.appSecret())
 *             .graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl()).build();
 *     client.graph(token).businesses().forEach(b -> log.info("{}", b.name()));
 * }
 * }</pre>
 *
 * <p>It starts with one merchant ("Sandbox Merchant") who owns two businesses, each with a catalog, and whose first
 * business may also use a partner's catalog. The control surface is under {@code /_sandbox/} (see the module's
 * README).
 */
public final class GraphSandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GraphSandbox.class);

    /** Default app id. */
    public static final String DEFAULT_APP_ID = "sandbox-app";
    /** Default app secret. */
    public static final String DEFAULT_APP_SECRET = "sandbox-secret";
    /** Default batch calls per catalog per minute: Meta's floor. */
    public static final int DEFAULT_BATCH_CALLS_PER_MINUTE = 8;
    /** Default time a batch stays in progress. */
    public static final Duration DEFAULT_BATCH_PROCESSING_DELAY = Duration.ofMillis(200);

    private final SandboxSettings settings;
    private final World world;
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledExecutorService processor;

    private GraphSandbox(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.world = new World(settings, new SandboxClock(clock));
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @return this sandbox
     * @throws PortInUseException if the port is taken
     * @throws UncheckedIOException if the port cannot be bound for another reason
     */
    public synchronized GraphSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 128);
        } catch (BindException e) {
            throw new PortInUseException(settings.port(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + settings.port() + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
            Thread t = new Thread(r, "graph-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new SandboxHandler(world, faults, calls));
        server.start();
        processor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graph-sandbox-batches");
            t.setDaemon(true);
            return t;
        });
        processor.scheduleWithFixedDelay(() -> {
            try {
                world.processDue();
            } catch (RuntimeException e) {
                log.error("Batch processing failed", e);
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        // debug only: the command line prints the ready line itself, and embedding programs say what they need
        log.debug("Graph sandbox listening on {} ({} batch calls per catalog per minute)", baseUrl(),
                settings.batchCallsPerMinute());
        return this;
    }

    /** Stops listening and releases the threads. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        processor.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Returns the port it listens on.
     *
     * @return the port
     * @throws IllegalStateException if not started
     */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started: call start()");
        }
        return server.getAddress().getPort();
    }

    /**
     * Returns the base URL, for both {@code graphBaseUrl} and {@code dialogBaseUrl}.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Returns the base URL as a URI.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /**
     * Returns the app id the sandbox accepts.
     *
     * @return the app id
     */
    public String appId() {
        return settings.appId();
    }

    /**
     * Returns the app secret the sandbox accepts.
     *
     * @return the app secret
     */
    public String appSecret() {
        return settings.appSecret();
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public SandboxSettings settings() {
        return settings;
    }

    /**
     * Issues a long-lived user token for the merchant with the default permissions.
     *
     * @return the token
     */
    public String mintUserToken() {
        return mintUserToken(World.DEFAULT_SCOPES);
    }

    /**
     * Issues a user token for the merchant with these permissions, valid about 60 days.
     *
     * @param scopes the permissions
     * @return the token
     */
    public String mintUserToken(List<String> scopes) {
        return world.mintToken(World.MERCHANT_ID, new ArrayList<>(Objects.requireNonNull(scopes, "scopes")),
                World.LONG_LIVED).value;
    }

    /**
     * Makes a token expire now.
     *
     * @param token the token
     */
    public void expireToken(String token) {
        Token t = world.tokens.get(token);
        if (t == null) {
            throw new IllegalArgumentException("unknown token");
        }
        t.expiresAt = world.clock.instant().minusSeconds(1);
    }

    /**
     * Moves the sandbox's clock forward (rate-limit windows, batch delays, token expiry) and processes due batches.
     *
     * @param duration how far
     */
    public void advanceClock(Duration duration) {
        world.clock.advance(duration);
        world.processDue();
    }

    /**
     * Returns how many items a catalog holds.
     *
     * @param catalogId the catalog id
     * @return the item count
     */
    public int itemCount(String catalogId) {
        Catalog c = world.catalogs.get(catalogId);
        if (c == null) {
            throw new IllegalArgumentException("unknown catalog " + catalogId);
        }
        return c.items.size();
    }

    /**
     * Returns how many calls reached an endpoint, e.g. {@code "POST /{v}/{id}/items_batch"}.
     *
     * @param endpoint method, space, path with {@code {v}} and {@code {id}} placeholders
     * @return the count since start or the last reset
     */
    public long callCount(String endpoint) {
        return calls.count(endpoint);
    }

    /**
     * Resets everything to the starting state: seed data and ids, no tokens, no faults, an empty call log and
     * app usage, and the clock back where it started (every {@link #advanceClock} undone).
     */
    public void reset() {
        world.reset();
        faults.clear();
        calls.clear();
    }

    /** The id of the merchant's first business ("Sandbox Outdoor Co."). */
    public static final String BUSINESS_ID = "200000000000001";
    /** The id of the first business's catalog ("Outdoor Catalog"). */
    public static final String CATALOG_ID = "300000000000001";
    /** The id of the second business ("Sandbox Kids Co."). */
    public static final String SECOND_BUSINESS_ID = "200000000000002";
    /** The id of the second business's catalog ("Kids Catalog"). */
    public static final String SECOND_CATALOG_ID = "300000000000002";

    /** Builds a {@link GraphSandbox}. */
    public static final class Builder {
        private int port;
        private String appId = DEFAULT_APP_ID;
        private String appSecret = DEFAULT_APP_SECRET;
        private String appName = "Sandbox App";
        private final List<String> redirectUris = new ArrayList<>();
        private boolean autoApprove;
        private int batchCallsPerMinute = DEFAULT_BATCH_CALLS_PER_MINUTE;
        private Duration batchProcessingDelay = DEFAULT_BATCH_PROCESSING_DELAY;
        private boolean requireAppSecretProof;
        private int appCallsPerHour = 200_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the port (default 0: any free port).
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the app id (default {@code sandbox-app}).
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /**
         * Sets the app secret (default {@code sandbox-secret}).
         *
         * @param appSecret the secret
         * @return this builder
         */
        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        /**
         * Sets the app name shown on the consent page.
         *
         * @param appName the name
         * @return this builder
         */
        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        /**
         * Adds an allowed redirect URI; once any is added the dialog demands an exact match (Strict Mode).
         *
         * @param uri the redirect URI
         * @return this builder
         */
        public Builder redirectUri(String uri) {
            this.redirectUris.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /**
         * Makes the dialog redirect straight back with a code, for scripts.
         *
         * @param autoApprove whether to skip the consent page
         * @return this builder
         */
        public Builder autoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
            return this;
        }

        /**
         * Sets the batch calls allowed per catalog per rolling minute (default 8, Meta's floor).
         *
         * @param calls at least 1
         * @return this builder
         */
        public Builder batchCallsPerMinute(int calls) {
            this.batchCallsPerMinute = calls;
            return this;
        }

        /**
         * Sets how long a batch stays in progress (default 200 ms; zero processes it during the call).
         *
         * @param delay zero or positive
         * @return this builder
         */
        public Builder batchProcessingDelay(Duration delay) {
            this.batchProcessingDelay = delay;
            return this;
        }

        /**
         * Refuses calls without {@code appsecret_proof}, like "Require App Secret" in the App Dashboard.
         *
         * @param required whether the proof is required
         * @return this builder
         */
        public Builder requireAppSecretProof(boolean required) {
            this.requireAppSecretProof = required;
            return this;
        }

        /**
         * Sets the app's hourly call budget behind {@code X-App-Usage} percentages.
         *
         * @param calls at least 1
         * @return this builder
         */
        public Builder appCallsPerHour(int calls) {
            this.appCallsPerHour = calls;
            return this;
        }

        /**
         * Sets the clock the sandbox starts from.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the sandbox; call {@link GraphSandbox#start()} to listen.
         *
         * @return the sandbox
         */
        public GraphSandbox build() {
            return new GraphSandbox(new SandboxSettings(port, appId, appSecret, appName, redirectUris, autoApprove,
                    batchCallsPerMinute, batchProcessingDelay, requireAppSecretProof, appCallsPerHour), clock);
        }
    }
}
