package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.graph.GraphCallListener;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncReport;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Meta Commerce SDK from {@code meta.commerce.*}: the {@link MetaCommerceClient}, the
 * OAuth state codec and its used-nonce store, transformer and validator factories, sync options and a
 * {@link CatalogSyncFactory}; an Actuator health indicator when that is on the classpath. Micrometer metrics come
 * from {@link MetaCommerceMetricsAutoConfiguration}. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(MetaCommerceClient.class)
@EnableConfigurationProperties(MetaCommerceProperties.class)
public final class MetaCommerceAutoConfiguration {
    private static final String SIGNING_KEY = "meta.commerce.oauth.state-signing-key";
    static final String KDF = "HMAC-SHA256(app-secret, \"meta-commerce-sdk/oauth-state/v1\")";

    @Bean
    @ConditionalOnMissingBean
    MetaCommerceClient metaCommerceClient(MetaCommerceProperties properties, Environment environment,
            ObjectProvider<MetaCommerceClientCustomizer> customizers, ObjectProvider<GraphCallListener> listeners) {
        MetaCommerceProperties.Graph graph = properties.getGraph();
        MetaCommerceClient.Builder builder = MetaCommerceClient.builder();
        String appId = required(properties.getAppId(), environment, "meta.commerce.app-id", "META_APP_ID",
                "your Meta app id (App Dashboard > Settings > Basic)");
        property("meta.commerce.app-id", "META_APP_ID", () -> builder.appId(appId));
        String appSecret = required(properties.getAppSecret(), environment, "meta.commerce.app-secret",
                "META_APP_SECRET", "your Meta app secret (App Dashboard > Settings > Basic)");
        builder.appSecret(appSecret);
        builder.apiVersion(property("meta.commerce.api-version",
                () -> io.github.metacommerce.graph.GraphApiVersion.of(properties.getApiVersion())));
        property("meta.commerce.graph.base-url", () -> builder.graphBaseUrl(graph.getBaseUrl()));
        property("meta.commerce.graph.dialog-base-url", () -> builder.dialogBaseUrl(graph.getDialogBaseUrl()));
        property("meta.commerce.graph.connect-timeout", () -> builder.connectTimeout(graph.getConnectTimeout()));
        property("meta.commerce.graph.read-timeout", () -> builder.readTimeout(graph.getReadTimeout()));
        builder.appSecretProof(graph.getAppSecretProof())
                .retry(retry("meta.commerce.graph.retry", graph.getRetry()));
        if (graph.getUserAgent() != null && !graph.getUserAgent().isBlank()) {
            property("meta.commerce.graph.user-agent", () -> builder.userAgent(graph.getUserAgent()));
        }
        List<GraphCallListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.callListener(call -> all.forEach(l -> l.onCall(call)));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    UsedNonceStore metaCommerceUsedNonceStore(MetaCommerceProperties properties, MetaCommerceClient client) {
        return UsedNonceStore.inMemory(properties.getOauth().getUsedNonceCapacity(), client.clock());
    }

    @Bean
    @ConditionalOnMissingBean
    OAuthStateCodec metaCommerceOAuthStateCodec(MetaCommerceProperties properties, Environment environment,
            UsedNonceStore usedNonceStore, MetaCommerceClient client) {
        MetaCommerceProperties.OAuth oauth = properties.getOauth();
        OAuthStateCodec.Builder b = OAuthStateCodec.builder().ttl(oauth.getStateTtl()).clock(client.clock())
                .usedNonceStore(usedNonceStore);
        String key = oauth.getStateSigningKey();
        if (key != null && !key.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw MetaCommerceConfigurationException.invalid(SIGNING_KEY,
                        MetaCommerceConfigurationException.environmentVariableOf(SIGNING_KEY),
                        "the key must be Base64 (at least 32 bytes once decoded), e.g. from "
                                + "`openssl rand -base64 32`", e);
            }
            if (bytes.length < OAuthStateCodec.MIN_KEY_BYTES) {
                throw MetaCommerceConfigurationException.invalid(SIGNING_KEY,
                        MetaCommerceConfigurationException.environmentVariableOf(SIGNING_KEY),
                        "the key must decode to at least " + OAuthStateCodec.MIN_KEY_BYTES + " bytes, was "
                                + bytes.length + "; generate one with `openssl rand -base64 32`", null);
            }
            b.signingKey(bytes);
        } else {
            b.signingKeyDerivedFrom(required(properties.getAppSecret(), environment, "meta.commerce.app-secret",
                    "META_APP_SECRET", "your Meta app secret"));
        }
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ProductTransformerFactory metaCommerceProductTransformerFactory() {
        return ProductTransformer::of;
    }

    @Bean
    @ConditionalOnMissingBean
    ProductValidatorFactory metaCommerceProductValidatorFactory() {
        return ProductValidator::of;
    }

    @Bean
    @ConditionalOnMissingBean
    SyncOptions metaCommerceSyncOptions(MetaCommerceProperties properties) {
        MetaCommerceProperties.Sync s = properties.getSync();
        return group("meta.commerce.sync", () -> SyncOptions.builder()
                .maxRequestsPerCall(s.getMaxRequestsPerCall())
                .maxBytesPerCall(s.getMaxBytesPerCall().toBytes())
                .batchCallsPerMinute(s.getBatchCallsPerMinute())
                .slowdownThreshold(s.getSlowdownThreshold())
                .maxRateLimitWait(s.getMaxRateLimitWait())
                .retry(retry("meta.commerce.sync.retry", s.getRetry()))
                .statusPollInitial(s.getStatusPollInitial())
                .statusPollMax(s.getStatusPollMax())
                .statusTimeout(s.getStatusTimeout())
                .maxOutstandingBatches(s.getMaxOutstandingBatches())
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    CatalogSyncFactory metaCommerceCatalogSyncFactory(MetaCommerceClient client, SyncOptions options,
            ProductTransformerFactory transformers, ProductValidatorFactory validators,
            ObjectProvider<MetaCommerceMetrics> metrics) {
        Consumer<SyncReport> listener = metrics.getIfAvailable(() -> null) == null ? r -> { }
                : metrics.getObject();
        return new CatalogSyncFactory(client, options, transformers, validators, listener);
    }

    @Bean
    @ConditionalOnMissingBean
    MetaCommerceLogin metaCommerceLogin(MetaCommerceClient client, OAuthStateCodec states,
            MetaCommerceProperties properties, Environment environment) {
        MetaCommerceProperties.OAuth oauth = properties.getOauth();
        return new MetaCommerceLogin(client, states, redirectUri(properties, environment), oauth.getScopes(),
                java.util.Optional.ofNullable(oauth.getConfigId()).filter(s -> !s.isBlank()));
    }

    /** Redirect URI: the property or {@code META_OAUTH_REDIRECT_URI}; empty when neither is set. */
    static String redirectUri(MetaCommerceProperties properties, Environment environment) {
        String v = properties.getOauth().getRedirectUri();
        return v != null && !v.isBlank() ? v : environment.getProperty("META_OAUTH_REDIRECT_URI", "");
    }

    private static String required(String value, Environment environment, String property, String envVar,
            String what) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        String fromEnv = environment.getProperty(envVar);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        throw MetaCommerceConfigurationException.missing(property, envVar, what);
    }

    private static RetrySettings retry(String prefix, MetaCommerceProperties.Retry r) {
        return group(prefix, () -> RetrySettings.builder().maxAttempts(r.getMaxAttempts())
                .initialBackoff(r.getInitialBackoff()).maxBackoff(r.getMaxBackoff()).multiplier(r.getMultiplier())
                .jitter(r.getJitter()).build());
    }

    /** Re-throws the SDK's validation error of one property's value as naming that property. */
    private static <T> T property(String property, java.util.function.Supplier<T> build) {
        return property(property, MetaCommerceConfigurationException.environmentVariableOf(property), build);
    }

    private static <T> T property(String property, String environmentVariable, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw MetaCommerceConfigurationException.invalid(property, environmentVariable, e.getMessage(), e);
        }
    }

    /**
     * Re-throws the SDK's validation errors of a group of properties as naming the property: the SDK's messages
     * start with the option's name ({@code maxRequestsPerCall must be ...}, {@code retry maxAttempts must be ...}),
     * which is the property's name in camel case.
     */
    private static <T> T group(String prefix, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String property = propertyOf(prefix, e.getMessage());
            throw MetaCommerceConfigurationException.invalid(property,
                    MetaCommerceConfigurationException.environmentVariableOf(property), e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern OPTION =
            java.util.regex.Pattern.compile("^(?:retry )?([a-z][A-Za-z0-9]*)(?= must| \\()");

    /** The property an SDK message is about: "maxRequestsPerCall must ..." is {@code prefix.max-requests-per-call}. */
    static String propertyOf(String prefix, String message) {
        java.util.regex.Matcher m = OPTION.matcher(message == null ? "" : message);
        if (!m.find()) {
            return prefix;
        }
        return prefix + "." + m.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The Actuator health indicator, only with Spring Boot's health module on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "metaCommerceHealthIndicator")
        MetaCommerceHealthIndicator metaCommerceHealthIndicator(MetaCommerceClient client,
                ObjectProvider<TokenExpirySource> sources, MetaCommerceProperties properties) {
            return new MetaCommerceHealthIndicator(client, sources.orderedStream().toList(),
                    properties.getHealth().getTokenExpiryWarning());
        }
    }
}
