package io.github.metacommerce.spring;

import io.github.metacommerce.AppSecretProofMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Meta Commerce SDK under {@code meta.commerce}. The app id, secret and redirect URI may also
 * come from the environment variables {@code META_APP_ID}, {@code META_APP_SECRET} and
 * {@code META_OAUTH_REDIRECT_URI}.
 */
@ConfigurationProperties("meta.commerce")
public class MetaCommerceProperties {

    /**
     * Meta app id, from the App Dashboard (Settings, Basic). Required.
     */
    private String appId;

    /**
     * Meta app secret, from the App Dashboard (Settings, Basic). Required; keep it out of source control.
     */
    private String appSecret;

    /**
     * Graph API version pinned in every request path, such as v27.0.
     */
    private String apiVersion = "v27.0";

    private final Graph graph = new Graph();

    private final OAuth oauth = new OAuth();

    private final Sync sync = new Sync();

    private final Health health = new Health();

    /**
     * Returns {@code meta.commerce.app-id}.
     *
     * @return the value
     */
    public String getAppId() {
        return appId;
    }

    /**
     * Sets {@code meta.commerce.app-id}.
     *
     * @param appId the value
     */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /**
     * Returns {@code meta.commerce.app-secret}.
     *
     * @return the value
     */
    public String getAppSecret() {
        return appSecret;
    }

    /**
     * Sets {@code meta.commerce.app-secret}.
     *
     * @param appSecret the value
     */
    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    /**
     * Returns {@code meta.commerce.api-version}.
     *
     * @return the value
     */
    public String getApiVersion() {
        return apiVersion;
    }

    /**
     * Sets {@code meta.commerce.api-version}.
     *
     * @param apiVersion the value
     */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /**
     * Returns the {@code meta.commerce.graph} settings.
     *
     * @return the settings
     */
    public Graph getGraph() {
        return graph;
    }

    /**
     * Returns the {@code meta.commerce.oauth} settings.
     *
     * @return the settings
     */
    public OAuth getOauth() {
        return oauth;
    }

    /**
     * Returns the {@code meta.commerce.sync} settings.
     *
     * @return the settings
     */
    public Sync getSync() {
        return sync;
    }

    /**
     * Returns the {@code meta.commerce.health} settings.
     *
     * @return the settings
     */
    public Health getHealth() {
        return health;
    }

    @Override
    public String toString() {
        return "MetaCommerceProperties[appId=" + appId + ", appSecret=" + (appSecret == null ? "unset" : "****") + "]";
    }

    /** How the SDK talks to the Graph API. */
    public static class Graph {

        /**
         * Graph API base URL; point it at the Graph sandbox in tests.
         */
        private URI baseUrl = URI.create("https://graph.facebook.com");

        /**
         * Base URL of the login dialog.
         */
        private URI dialogBaseUrl = URI.create("https://www.facebook.com");

        /**
         * Connect timeout.
         */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /**
         * Time allowed for a whole response.
         */
        private Duration readTimeout = Duration.ofSeconds(60);

        /**
         * How appsecret_proof is computed: PLAIN, TIMED (adds appsecret_time) or DISABLED.
         */
        private AppSecretProofMode appSecretProof = AppSecretProofMode.PLAIN;

        /**
         * User-Agent header; the SDK's own when empty.
         */
        private String userAgent;

        private final Retry retry = new Retry();

        /**
         * Returns {@code meta.commerce.graph.base-url}.
         *
         * @return the value
         */
        public URI getBaseUrl() {
            return baseUrl;
        }

        /**
         * Sets {@code meta.commerce.graph.base-url}.
         *
         * @param baseUrl the value
         */
        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        /**
         * Returns {@code meta.commerce.graph.dialog-base-url}.
         *
         * @return the value
         */
        public URI getDialogBaseUrl() {
            return dialogBaseUrl;
        }

        /**
         * Sets {@code meta.commerce.graph.dialog-base-url}.
         *
         * @param dialogBaseUrl the value
         */
        public void setDialogBaseUrl(URI dialogBaseUrl) {
            this.dialogBaseUrl = dialogBaseUrl;
        }

        /**
         * Returns {@code meta.commerce.graph.connect-timeout}.
         *
         * @return the value
         */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /**
         * Sets {@code meta.commerce.graph.connect-timeout}.
         *
         * @param connectTimeout the value
         */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /**
         * Returns {@code meta.commerce.graph.read-timeout}.
         *
         * @return the value
         */
        public Duration getReadTimeout() {
            return readTimeout;
        }

        /**
         * Sets {@code meta.commerce.graph.read-timeout}.
         *
         * @param readTimeout the value
         */
        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        /**
         * Returns {@code meta.commerce.graph.app-secret-proof}.
         *
         * @return the value
         */
        public AppSecretProofMode getAppSecretProof() {
            return appSecretProof;
        }

        /**
         * Sets {@code meta.commerce.graph.app-secret-proof}.
         *
         * @param appSecretProof the value
         */
        public void setAppSecretProof(AppSecretProofMode appSecretProof) {
            this.appSecretProof = appSecretProof;
        }

        /**
         * Returns {@code meta.commerce.graph.user-agent}.
         *
         * @return the value
         */
        public String getUserAgent() {
            return userAgent;
        }

        /**
         * Sets {@code meta.commerce.graph.user-agent}.
         *
         * @param userAgent the value
         */
        public void setUserAgent(String userAgent) {
            this.userAgent = userAgent;
        }

        /**
         * Returns the {@code meta.commerce.graph.retry} settings.
         *
         * @return the settings
         */
        public Retry getRetry() {
            return retry;
        }
    }

    /** Retries of transient failures (5xx, codes 1 and 2, is_transient, I/O errors). */
    public static class Retry {

        /**
         * Attempts in all, including the first; 1 turns retries off.
         */
        private int maxAttempts = 3;

        /**
         * Wait before the first retry.
         */
        private Duration initialBackoff = Duration.ofMillis(500);

        /**
         * Longest single wait.
         */
        private Duration maxBackoff = Duration.ofSeconds(10);

        /**
         * Growth factor of the wait per retry.
         */
        private double multiplier = 2.0;

        /**
         * Randomisation of each wait, from 0 (none) to below 1.
         */
        private double jitter = 0.5;

        /**
         * Returns {@code meta.commerce.graph.retry.max-attempts} or {@code meta.commerce.sync.retry.max-attempts}.
         *
         * @return the value
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets {@code meta.commerce.graph.retry.max-attempts} or {@code meta.commerce.sync.retry.max-attempts}.
         *
         * @param maxAttempts the value
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * Returns {@code meta.commerce.graph.retry.initial-backoff} or
         * {@code meta.commerce.sync.retry.initial-backoff}.
         *
         * @return the value
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets {@code meta.commerce.graph.retry.initial-backoff} or {@code meta.commerce.sync.retry.initial-backoff}.
         *
         * @param initialBackoff the value
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * Returns {@code meta.commerce.graph.retry.max-backoff} or {@code meta.commerce.sync.retry.max-backoff}.
         *
         * @return the value
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets {@code meta.commerce.graph.retry.max-backoff} or {@code meta.commerce.sync.retry.max-backoff}.
         *
         * @param maxBackoff the value
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * Returns {@code meta.commerce.graph.retry.multiplier} or {@code meta.commerce.sync.retry.multiplier}.
         *
         * @return the value
         */
        public double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets {@code meta.commerce.graph.retry.multiplier} or {@code meta.commerce.sync.retry.multiplier}.
         *
         * @param multiplier the value
         */
        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        /**
         * Returns {@code meta.commerce.graph.retry.jitter} or {@code meta.commerce.sync.retry.jitter}.
         *
         * @return the value
         */
        public double getJitter() {
            return jitter;
        }

        /**
         * Sets {@code meta.commerce.graph.retry.jitter} or {@code meta.commerce.sync.retry.jitter}.
         *
         * @param jitter the value
         */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }
    }

    /** Connecting merchants. */
    public static class OAuth {

        /**
         * Redirect URI registered in the app's Valid OAuth Redirect URIs, exactly.
         */
        private String redirectUri;

        /**
         * Permissions requested in the login dialog.
         */
        private List<String> scopes = new ArrayList<>(List.of("catalog_management", "business_management",
                "pages_read_engagement", "instagram_basic"));

        /**
         * Facebook Login for Business configuration id, used instead of scopes when set.
         */
        private String configId;

        /**
         * How long an OAuth state stays valid.
         */
        private Duration stateTtl = Duration.ofMinutes(10);

        /**
         * Base64 key, at least 32 bytes, that signs OAuth states; the same on every instance. When empty, it is
         * derived from the app secret with HMAC-SHA256(app-secret, "meta-commerce-sdk/oauth-state/v1").
         */
        private String stateSigningKey;

        /**
         * Used state nonces remembered by the in-memory store (one instance only; define a UsedNonceStore bean to
         * share them).
         */
        private int usedNonceCapacity = 10_000;

        /**
         * Returns {@code meta.commerce.oauth.redirect-uri}.
         *
         * @return the value
         */
        public String getRedirectUri() {
            return redirectUri;
        }

        /**
         * Sets {@code meta.commerce.oauth.redirect-uri}.
         *
         * @param redirectUri the value
         */
        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        /**
         * Returns {@code meta.commerce.oauth.scopes}.
         *
         * @return the value
         */
        public List<String> getScopes() {
            return scopes;
        }

        /**
         * Sets {@code meta.commerce.oauth.scopes}.
         *
         * @param scopes the value
         */
        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        /**
         * Returns {@code meta.commerce.oauth.config-id}.
         *
         * @return the value
         */
        public String getConfigId() {
            return configId;
        }

        /**
         * Sets {@code meta.commerce.oauth.config-id}.
         *
         * @param configId the value
         */
        public void setConfigId(String configId) {
            this.configId = configId;
        }

        /**
         * Returns {@code meta.commerce.oauth.state-ttl}.
         *
         * @return the value
         */
        public Duration getStateTtl() {
            return stateTtl;
        }

        /**
         * Sets {@code meta.commerce.oauth.state-ttl}.
         *
         * @param stateTtl the value
         */
        public void setStateTtl(Duration stateTtl) {
            this.stateTtl = stateTtl;
        }

        /**
         * Returns {@code meta.commerce.oauth.state-signing-key}.
         *
         * @return the value
         */
        public String getStateSigningKey() {
            return stateSigningKey;
        }

        /**
         * Sets {@code meta.commerce.oauth.state-signing-key}.
         *
         * @param stateSigningKey the value
         */
        public void setStateSigningKey(String stateSigningKey) {
            this.stateSigningKey = stateSigningKey;
        }

        /**
         * Returns {@code meta.commerce.oauth.used-nonce-capacity}.
         *
         * @return the value
         */
        public int getUsedNonceCapacity() {
            return usedNonceCapacity;
        }

        /**
         * Sets {@code meta.commerce.oauth.used-nonce-capacity}.
         *
         * @param usedNonceCapacity the value
         */
        public void setUsedNonceCapacity(int usedNonceCapacity) {
            this.usedNonceCapacity = usedNonceCapacity;
        }
    }

    /** Catalog sync: batch size, pacing, retries and confirmation. */
    public static class Sync {

        /**
         * Requests per items_batch call, 1 to 5000 (Meta recommends at most 3000).
         */
        private int maxRequestsPerCall = 3000;

        /**
         * Serialised size of the requests of one call, at most 28MB.
         */
        private DataSize maxBytesPerCall = DataSize.ofMegabytes(20);

        /**
         * Batch calls per catalog per minute; Meta's floor is 8.
         */
        private int batchCallsPerMinute = 8;

        /**
         * Usage percentage reported by Meta from which calls are spread out more.
         */
        private int slowdownThreshold = 75;

        /**
         * Longest throttle wait accepted before a sync stops with RATE_LIMIT.
         */
        private Duration maxRateLimitWait = Duration.ofMinutes(15);

        /**
         * First wait before polling a batch's status.
         */
        private Duration statusPollInitial = Duration.ofMillis(250);

        /**
         * Longest wait between status polls.
         */
        private Duration statusPollMax = Duration.ofSeconds(30);

        /**
         * How long to wait for Meta to finish one batch.
         */
        private Duration statusTimeout = Duration.ofMinutes(20);

        /**
         * Batches sent but not yet confirmed at once.
         */
        private int maxOutstandingBatches = 8;

        private final Retry retry = defaultSyncRetry();

        private static Retry defaultSyncRetry() {
            Retry r = new Retry();
            r.setMaxAttempts(4);
            r.setInitialBackoff(Duration.ofSeconds(2));
            r.setMaxBackoff(Duration.ofSeconds(30));
            return r;
        }

        /**
         * Returns {@code meta.commerce.sync.max-requests-per-call}.
         *
         * @return the value
         */
        public int getMaxRequestsPerCall() {
            return maxRequestsPerCall;
        }

        /**
         * Sets {@code meta.commerce.sync.max-requests-per-call}.
         *
         * @param maxRequestsPerCall the value
         */
        public void setMaxRequestsPerCall(int maxRequestsPerCall) {
            this.maxRequestsPerCall = maxRequestsPerCall;
        }

        /**
         * Returns {@code meta.commerce.sync.max-bytes-per-call}.
         *
         * @return the value
         */
        public DataSize getMaxBytesPerCall() {
            return maxBytesPerCall;
        }

        /**
         * Sets {@code meta.commerce.sync.max-bytes-per-call}.
         *
         * @param maxBytesPerCall the value
         */
        public void setMaxBytesPerCall(DataSize maxBytesPerCall) {
            this.maxBytesPerCall = maxBytesPerCall;
        }

        /**
         * Returns {@code meta.commerce.sync.batch-calls-per-minute}.
         *
         * @return the value
         */
        public int getBatchCallsPerMinute() {
            return batchCallsPerMinute;
        }

        /**
         * Sets {@code meta.commerce.sync.batch-calls-per-minute}.
         *
         * @param batchCallsPerMinute the value
         */
        public void setBatchCallsPerMinute(int batchCallsPerMinute) {
            this.batchCallsPerMinute = batchCallsPerMinute;
        }

        /**
         * Returns {@code meta.commerce.sync.slowdown-threshold}.
         *
         * @return the value
         */
        public int getSlowdownThreshold() {
            return slowdownThreshold;
        }

        /**
         * Sets {@code meta.commerce.sync.slowdown-threshold}.
         *
         * @param slowdownThreshold the value
         */
        public void setSlowdownThreshold(int slowdownThreshold) {
            this.slowdownThreshold = slowdownThreshold;
        }

        /**
         * Returns {@code meta.commerce.sync.max-rate-limit-wait}.
         *
         * @return the value
         */
        public Duration getMaxRateLimitWait() {
            return maxRateLimitWait;
        }

        /**
         * Sets {@code meta.commerce.sync.max-rate-limit-wait}.
         *
         * @param maxRateLimitWait the value
         */
        public void setMaxRateLimitWait(Duration maxRateLimitWait) {
            this.maxRateLimitWait = maxRateLimitWait;
        }

        /**
         * Returns {@code meta.commerce.sync.status-poll-initial}.
         *
         * @return the value
         */
        public Duration getStatusPollInitial() {
            return statusPollInitial;
        }

        /**
         * Sets {@code meta.commerce.sync.status-poll-initial}.
         *
         * @param statusPollInitial the value
         */
        public void setStatusPollInitial(Duration statusPollInitial) {
            this.statusPollInitial = statusPollInitial;
        }

        /**
         * Returns {@code meta.commerce.sync.status-poll-max}.
         *
         * @return the value
         */
        public Duration getStatusPollMax() {
            return statusPollMax;
        }

        /**
         * Sets {@code meta.commerce.sync.status-poll-max}.
         *
         * @param statusPollMax the value
         */
        public void setStatusPollMax(Duration statusPollMax) {
            this.statusPollMax = statusPollMax;
        }

        /**
         * Returns {@code meta.commerce.sync.status-timeout}.
         *
         * @return the value
         */
        public Duration getStatusTimeout() {
            return statusTimeout;
        }

        /**
         * Sets {@code meta.commerce.sync.status-timeout}.
         *
         * @param statusTimeout the value
         */
        public void setStatusTimeout(Duration statusTimeout) {
            this.statusTimeout = statusTimeout;
        }

        /**
         * Returns {@code meta.commerce.sync.max-outstanding-batches}.
         *
         * @return the value
         */
        public int getMaxOutstandingBatches() {
            return maxOutstandingBatches;
        }

        /**
         * Sets {@code meta.commerce.sync.max-outstanding-batches}.
         *
         * @param maxOutstandingBatches the value
         */
        public void setMaxOutstandingBatches(int maxOutstandingBatches) {
            this.maxOutstandingBatches = maxOutstandingBatches;
        }

        /**
         * Returns the {@code meta.commerce.sync.retry} settings.
         *
         * @return the settings
         */
        public Retry getRetry() {
            return retry;
        }
    }

    /** The Actuator health indicator. */
    public static class Health {

        /**
         * Tokens expiring within this time are listed as expiring soon.
         */
        private Duration tokenExpiryWarning = Duration.ofDays(7);

        /**
         * Returns {@code meta.commerce.health.token-expiry-warning}.
         *
         * @return the value
         */
        public Duration getTokenExpiryWarning() {
            return tokenExpiryWarning;
        }

        /**
         * Sets {@code meta.commerce.health.token-expiry-warning}.
         *
         * @param tokenExpiryWarning the value
         */
        public void setTokenExpiryWarning(Duration tokenExpiryWarning) {
            this.tokenExpiryWarning = tokenExpiryWarning;
        }
    }
}
