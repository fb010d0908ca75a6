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

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Graph getGraph() {
        return graph;
    }

    public OAuth getOauth() {
        return oauth;
    }

    public Sync getSync() {
        return sync;
    }

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

        public URI getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public URI getDialogBaseUrl() {
            return dialogBaseUrl;
        }

        public void setDialogBaseUrl(URI dialogBaseUrl) {
            this.dialogBaseUrl = dialogBaseUrl;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public AppSecretProofMode getAppSecretProof() {
            return appSecretProof;
        }

        public void setAppSecretProof(AppSecretProofMode appSecretProof) {
            this.appSecretProof = appSecretProof;
        }

        public String getUserAgent() {
            return userAgent;
        }

        public void setUserAgent(String userAgent) {
            this.userAgent = userAgent;
        }

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

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public double getJitter() {
            return jitter;
        }

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

        public String getRedirectUri() {
            return redirectUri;
        }

        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public String getConfigId() {
            return configId;
        }

        public void setConfigId(String configId) {
            this.configId = configId;
        }

        public Duration getStateTtl() {
            return stateTtl;
        }

        public void setStateTtl(Duration stateTtl) {
            this.stateTtl = stateTtl;
        }

        public String getStateSigningKey() {
            return stateSigningKey;
        }

        public void setStateSigningKey(String stateSigningKey) {
            this.stateSigningKey = stateSigningKey;
        }

        public int getUsedNonceCapacity() {
            return usedNonceCapacity;
        }

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
        private Duration statusPollInitial = Duration.ofSeconds(2);

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

        public int getMaxRequestsPerCall() {
            return maxRequestsPerCall;
        }

        public void setMaxRequestsPerCall(int maxRequestsPerCall) {
            this.maxRequestsPerCall = maxRequestsPerCall;
        }

        public DataSize getMaxBytesPerCall() {
            return maxBytesPerCall;
        }

        public void setMaxBytesPerCall(DataSize maxBytesPerCall) {
            this.maxBytesPerCall = maxBytesPerCall;
        }

        public int getBatchCallsPerMinute() {
            return batchCallsPerMinute;
        }

        public void setBatchCallsPerMinute(int batchCallsPerMinute) {
            this.batchCallsPerMinute = batchCallsPerMinute;
        }

        public int getSlowdownThreshold() {
            return slowdownThreshold;
        }

        public void setSlowdownThreshold(int slowdownThreshold) {
            this.slowdownThreshold = slowdownThreshold;
        }

        public Duration getMaxRateLimitWait() {
            return maxRateLimitWait;
        }

        public void setMaxRateLimitWait(Duration maxRateLimitWait) {
            this.maxRateLimitWait = maxRateLimitWait;
        }

        public Duration getStatusPollInitial() {
            return statusPollInitial;
        }

        public void setStatusPollInitial(Duration statusPollInitial) {
            this.statusPollInitial = statusPollInitial;
        }

        public Duration getStatusPollMax() {
            return statusPollMax;
        }

        public void setStatusPollMax(Duration statusPollMax) {
            this.statusPollMax = statusPollMax;
        }

        public Duration getStatusTimeout() {
            return statusTimeout;
        }

        public void setStatusTimeout(Duration statusTimeout) {
            this.statusTimeout = statusTimeout;
        }

        public int getMaxOutstandingBatches() {
            return maxOutstandingBatches;
        }

        public void setMaxOutstandingBatches(int maxOutstandingBatches) {
            this.maxOutstandingBatches = maxOutstandingBatches;
        }

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

        public Duration getTokenExpiryWarning() {
            return tokenExpiryWarning;
        }

        public void setTokenExpiryWarning(Duration tokenExpiryWarning) {
            this.tokenExpiryWarning = tokenExpiryWarning;
        }
    }
}
