package io.github.metacommerce;

import io.github.metacommerce.graph.GraphApiVersion;
import io.github.metacommerce.graph.GraphCallListener;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.internal.Args;
import io.github.metacommerce.internal.DefaultGraphClient;
import io.github.metacommerce.internal.DefaultOAuthClient;
import io.github.metacommerce.internal.GraphHttp;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.OAuthClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The entry point of the SDK: one Meta app's configuration, shared HTTP client and retry policy.
 *
 * <h2>One client per app, shared</h2>
 * Build it once and share it: it is immutable and thread-safe, and every per-merchant client derived from it
 * shares its HTTP connection pool.
 * <pre>{@code
 * MetaCommerceClient client = MetaCommerceClient.builder()
 *         .appId("1234567890")
 *         .appSecret(System.getenv("META_APP_SECRET"))
 *         .build();
 * }</pre>
 *
 * <h2>Derive, never mutate</h2>
 * {@link #oauth()} connects merchants; {@link #graph(String)} returns a client bound to one merchant's token.
 * To change an option, derive a new client with {@link #toBuilder()}.
 * <pre>{@code
 * GraphClient graph = client.graph(merchantToken);
 * MetaCommerceClient slower = client.toBuilder().readTimeout(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * <h2>Secrets</h2>
 * The app secret and tokens never appear in {@link #toString()}, log lines or exception messages; tokens travel
 * in the {@code Authorization} header with an {@code appsecret_proof}.
 */
public final class MetaCommerceClient {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default timeout for a whole response; generous because a 20 MB items_batch upload takes time. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default Graph API base URL. */
    public static final URI DEFAULT_GRAPH_BASE_URL = URI.create("https://graph.facebook.com");
    /** Default base URL of the login dialog. */
    public static final URI DEFAULT_DIALOG_BASE_URL = URI.create("https://www.facebook.com");
    /** The SDK's version, as built. */
    public static final String SDK_VERSION = readVersion();

    private final Builder config;
    private final GraphHttp http;
    private final OAuthClient oauth;

    private MetaCommerceClient(Builder b) {
        this.config = b.copy();
        HttpClient httpClient = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.http = new GraphHttp(new GraphHttp.Settings(httpClient, b.graphBaseUrl, b.apiVersion, b.readTimeout,
                b.retry, b.sleeper, b.clock, b.userAgent, b.appSecretProof, b.appSecret, b.callListener));
        this.oauth = new DefaultOAuthClient(http, b.dialogBaseUrl, b.appId, b.appSecret);
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
     * Returns a builder holding this client's configuration, to derive a client with other options. The derived
     * client shares this one's HTTP client unless you set another.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = config.copy();
        if (b.httpClient == null) {
            b.httpClient = http.settings().httpClient();
        }
        return b;
    }

    /**
     * Returns the OAuth helpers of this app.
     *
     * @return the OAuth client
     */
    public OAuthClient oauth() {
        return oauth;
    }

    /**
     * Returns a Graph client bound to a merchant's access token. Cheap; derive one per token.
     *
     * @param accessToken the token
     * @return the Graph client
     * @throws IllegalArgumentException if the token is null or blank
     */
    public GraphClient graph(String accessToken) {
        return new DefaultGraphClient(http, Args.requireText(accessToken, "accessToken"));
    }

    /**
     * Returns a Graph client bound to a merchant's access token.
     *
     * @param accessToken the token
     * @return the Graph client
     * @throws IllegalArgumentException if the token is null
     */
    public GraphClient graph(AccessToken accessToken) {
        if (accessToken == null) {
            throw new IllegalArgumentException("accessToken must not be null");
        }
        return graph(accessToken.value());
    }

    /**
     * Returns the app id.
     *
     * @return the app id
     */
    public String appId() {
        return config.appId;
    }

    /**
     * Returns the pinned Graph API version.
     *
     * @return the version
     */
    public GraphApiVersion apiVersion() {
        return config.apiVersion;
    }

    /**
     * Returns the Graph API base URL.
     *
     * @return the base URL, without trailing slash
     */
    public URI graphBaseUrl() {
        return config.graphBaseUrl;
    }

    /**
     * Returns the login dialog base URL.
     *
     * @return the base URL, without trailing slash
     */
    public URI dialogBaseUrl() {
        return config.dialogBaseUrl;
    }

    /**
     * Returns the retry settings of idempotent calls.
     *
     * @return the settings
     */
    public RetrySettings retry() {
        return config.retry;
    }

    /**
     * Returns the clock the client uses.
     *
     * @return the clock
     */
    public Clock clock() {
        return config.clock;
    }

    /**
     * Returns the sleeper the client waits with.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return config.sleeper;
    }

    /**
     * Describes the client without secrets.
     *
     * @return e.g. {@code MetaCommerceClient[appId=123, appSecret=****, apiVersion=v27.0, ...]}
     */
    @Override
    public String toString() {
        return "MetaCommerceClient[appId=" + config.appId + ", appSecret=****, apiVersion=" + config.apiVersion
                + ", graphBaseUrl=" + config.graphBaseUrl + ", dialogBaseUrl=" + config.dialogBaseUrl
                + ", appSecretProof=" + config.appSecretProof + "]";
    }

    private static String readVersion() {
        try (InputStream in = MetaCommerceClient.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a {@link MetaCommerceClient}. {@link #appId(String)} and {@link #appSecret(String)} are required;
     * everything else has a documented default. Each setter checks its value at once and names the option in its
     * error.
     */
    public static final class Builder {
        private String appId;
        private String appSecret;
        private GraphApiVersion apiVersion = GraphApiVersion.DEFAULT;
        private URI graphBaseUrl = DEFAULT_GRAPH_BASE_URL;
        private URI dialogBaseUrl = DEFAULT_DIALOG_BASE_URL;
        private HttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private RetrySettings retry = RetrySettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String userAgent = "meta-commerce-sdk/" + SDK_VERSION + " (Java " + Runtime.version().feature()
                + ")";
        private AppSecretProofMode appSecretProof = AppSecretProofMode.PLAIN;
        private GraphCallListener callListener = GraphCallListener.NONE;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.appId = appId;
            b.appSecret = appSecret;
            b.apiVersion = apiVersion;
            b.graphBaseUrl = graphBaseUrl;
            b.dialogBaseUrl = dialogBaseUrl;
            b.httpClient = httpClient;
            b.connectTimeout = connectTimeout;
            b.readTimeout = readTimeout;
            b.retry = retry;
            b.clock = clock;
            b.sleeper = sleeper;
            b.userAgent = userAgent;
            b.appSecretProof = appSecretProof;
            b.callListener = callListener;
            return b;
        }

        /**
         * Sets the Meta app id (required): App Dashboard, Settings, Basic.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = Args.requireText(appId, "appId");
            if (this.appId.contains("|")) {
                throw new IllegalArgumentException("appId must be the app id alone, not an app token ('id|secret')");
            }
            return this;
        }

        /**
         * Sets the Meta app secret (required): App Dashboard, Settings, Basic. Keep it out of source code.
         *
         * @param appSecret the app secret
         * @return this builder
         */
        public Builder appSecret(String appSecret) {
            this.appSecret = Args.requireText(appSecret, "appSecret");
            return this;
        }

        /**
         * Sets the Graph API version pinned in every path (default {@link GraphApiVersion#DEFAULT}).
         *
         * @param version the version
         * @return this builder
         */
        public Builder apiVersion(GraphApiVersion version) {
            this.apiVersion = Objects.requireNonNull(version, "apiVersion must not be null");
            return this;
        }

        /**
         * Sets the Graph API version pinned in every path.
         *
         * @param version e.g. {@code "v27.0"}
         * @return this builder
         */
        public Builder apiVersion(String version) {
            this.apiVersion = GraphApiVersion.of(version);
            return this;
        }

        /**
         * Sets the Graph API base URL (default {@code https://graph.facebook.com}); point it at the Graph sandbox
         * or a stub in tests.
         *
         * @param url an absolute http(s) URL without query
         * @return this builder
         */
        public Builder graphBaseUrl(String url) {
            this.graphBaseUrl = Args.requireBaseUrl(url, "graphBaseUrl");
            return this;
        }

        /**
         * Sets the Graph API base URL.
         *
         * @param url an absolute http(s) URL without query
         * @return this builder
         */
        public Builder graphBaseUrl(URI url) {
            this.graphBaseUrl = Args.requireBaseUrl(url, "graphBaseUrl");
            return this;
        }

        /**
         * Sets the base URL of the login dialog (default {@code https://www.facebook.com}).
         *
         * @param url an absolute http(s) URL without query
         * @return this builder
         */
        public Builder dialogBaseUrl(String url) {
            this.dialogBaseUrl = Args.requireBaseUrl(url, "dialogBaseUrl");
            return this;
        }

        /**
         * Sets the base URL of the login dialog.
         *
         * @param url an absolute http(s) URL without query
         * @return this builder
         */
        public Builder dialogBaseUrl(URI url) {
            this.dialogBaseUrl = Args.requireBaseUrl(url, "dialogBaseUrl");
            return this;
        }

        /**
         * Uses this JDK HTTP client (for a proxy, TLS settings or an executor). Its own connect timeout then
         * applies instead of {@link #connectTimeout(Duration)}; it should not follow redirects.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
            return this;
        }

        /**
         * Sets the connect timeout (default 10 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the time allowed for a whole response (default 60 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets how idempotent calls are retried (default {@link RetrySettings#defaults()}).
         *
         * @param retry the settings; {@link RetrySettings#none()} turns retries off
         * @return this builder
         */
        public Builder retry(RetrySettings retry) {
            this.retry = Objects.requireNonNull(retry, "retry must not be null; use RetrySettings.none()");
            return this;
        }

        /**
         * Sets the clock (default UTC system clock), used for proofs, token expiry and durations.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets how the client waits between retries (default {@link Sleeper#system()}). Tests pass one that
         * records and returns at once.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /**
         * Sets the User-Agent header (default {@code meta-commerce-sdk/<version> (Java <n>)}).
         *
         * @param userAgent printable ASCII
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            String ua = Args.requireText(userAgent, "userAgent");
            for (int i = 0; i < ua.length(); i++) {
                char c = ua.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("userAgent must be printable ASCII");
                }
            }
            this.userAgent = ua;
            return this;
        }

        /**
         * Sets how {@code appsecret_proof} is computed (default {@link AppSecretProofMode#PLAIN}).
         *
         * @param mode the mode; {@link AppSecretProofMode#DISABLED} sends none
         * @return this builder
         */
        public Builder appSecretProof(AppSecretProofMode mode) {
            this.appSecretProof = Objects.requireNonNull(mode, "appSecretProof must not be null");
            return this;
        }

        /**
         * Sets a listener told about every Graph attempt (metrics, usage-aware pacing).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder callListener(GraphCallListener listener) {
            this.callListener = Objects.requireNonNull(listener, "callListener must not be null");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if the app id or secret is missing, naming what to set
         */
        public MetaCommerceClient build() {
            if (appId == null) {
                throw new IllegalStateException("appId is required: call appId(...) with your Meta app id "
                        + "(App Dashboard > Settings > Basic)");
            }
            if (appSecret == null) {
                throw new IllegalStateException("appSecret is required: call appSecret(...) with your Meta app "
                        + "secret (App Dashboard > Settings > Basic); keep it out of source code");
            }
            return new MetaCommerceClient(this);
        }

        @Override
        public String toString() {
            return "MetaCommerceClient.Builder[appId=" + appId + ", appSecret=" + (appSecret == null ? "unset" : "****")
                    + ", apiVersion=" + apiVersion + "]";
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
            }
            return d;
        }
    }
}
