package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.AppSecretProofMode;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.graph.GraphApiVersion;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.oauth.UsedNonceStore;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sync.SyncOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

class MetaCommerceAutoConfigurationTest {
    /** Boot's own auto-configurations that create the application's MeterRegistry, no hand-made registry. */
    static final AutoConfigurations BOOT_METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetaCommerceAutoConfiguration.class,
                    MetaCommerceMetricsAutoConfiguration.class));
    private final ApplicationContextRunner configured = runner.withPropertyValues(
            "meta.commerce.app-id=1234567890", "meta.commerce.app-secret=top-secret-app-secret");

    @Test
    void createsEveryBeanWithTheSdkDefaults() {
        configured.run(context -> {
            assertThat(context).hasSingleBean(MetaCommerceClient.class).hasSingleBean(OAuthStateCodec.class)
                    .hasSingleBean(UsedNonceStore.class).hasSingleBean(ProductTransformerFactory.class)
                    .hasSingleBean(ProductValidatorFactory.class).hasSingleBean(SyncOptions.class)
                    .hasSingleBean(CatalogSyncFactory.class).hasSingleBean(MetaCommerceLogin.class)
                    .hasSingleBean(MetaCommerceHealthIndicator.class);
            MetaCommerceClient client = context.getBean(MetaCommerceClient.class);
            assertThat(client.appId()).isEqualTo("1234567890");
            assertThat(client.apiVersion()).isEqualTo(GraphApiVersion.DEFAULT);
            assertThat(client.graphBaseUrl()).isEqualTo(MetaCommerceClient.DEFAULT_GRAPH_BASE_URL);
            assertThat(client.retry()).isEqualTo(RetrySettings.defaults());
            assertThat(context.getBean(SyncOptions.class)).isEqualTo(SyncOptions.defaults());
            assertThat(client.toString()).doesNotContain("top-secret-app-secret");
        });
    }

    @Test
    void bindsProperties() {
        configured.withPropertyValues("meta.commerce.api-version=v26.0",
                "meta.commerce.graph.base-url=http://127.0.0.1:8089",
                "meta.commerce.graph.dialog-base-url=http://127.0.0.1:8089",
                "meta.commerce.graph.app-secret-proof=timed",
                "meta.commerce.graph.retry.max-attempts=5",
                "meta.commerce.graph.retry.initial-backoff=250ms",
                "meta.commerce.sync.max-requests-per-call=1000",
                "meta.commerce.sync.max-bytes-per-call=5MB",
                "meta.commerce.sync.batch-calls-per-minute=20",
                "meta.commerce.sync.status-timeout=5m",
                "meta.commerce.oauth.redirect-uri=https://shop.example/meta/callback",
                "meta.commerce.oauth.config-id=998877").run(context -> {
                    MetaCommerceClient client = context.getBean(MetaCommerceClient.class);
                    assertThat(client.apiVersion().toString()).isEqualTo("v26.0");
                    assertThat(client.graphBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
                    assertThat(client.retry().maxAttempts()).isEqualTo(5);
                    assertThat(client.retry().initialBackoff()).isEqualTo(Duration.ofMillis(250));
                    SyncOptions options = context.getBean(SyncOptions.class);
                    assertThat(options.maxRequestsPerCall()).isEqualTo(1000);
                    assertThat(options.maxBytesPerCall()).isEqualTo(5L * 1024 * 1024);
                    assertThat(options.batchCallsPerMinute()).isEqualTo(20);
                    assertThat(options.statusTimeout()).isEqualTo(Duration.ofMinutes(5));
                    URI login = context.getBean(MetaCommerceLogin.class).loginUrl("store-1");
                    assertThat(login.toString()).startsWith("http://127.0.0.1:8089/v26.0/dialog/oauth?")
                            .contains("config_id=998877").doesNotContain("scope=")
                            .contains("redirect_uri=https%3A%2F%2Fshop.example%2Fmeta%2Fcallback");
                    assertThat(context.getBean(MetaCommerceProperties.class).getGraph().getAppSecretProof())
                            .isEqualTo(AppSecretProofMode.TIMED);
                });
    }

    @Test
    void readsTheOriginalPlansEnvironmentVariableNames() {
        runner.withPropertyValues("META_APP_ID=555", "META_APP_SECRET=env-secret-value",
                "META_OAUTH_REDIRECT_URI=https://shop.example/cb").run(context -> {
                    assertThat(context.getBean(MetaCommerceClient.class).appId()).isEqualTo("555");
                    assertThat(context.getBean(MetaCommerceLogin.class).loginUrl("s").toString())
                            .contains("client_id=555").contains("redirect_uri=https%3A%2F%2Fshop.example%2Fcb");
                    OAuthStateCodec derived = OAuthStateCodec.builder().signingKeyDerivedFrom("env-secret-value")
                            .build();
                    assertThat(context.getBean(OAuthStateCodec.class).verify(derived.issue("s"), "s").storeId())
                            .isEqualTo("s");
                });
    }

    @Test
    void missingSettingsFailAtStartupNamingTheProperty() {
        runner.run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("meta.commerce.app-id").hasMessageContaining("META_APP_ID"));
        runner.withPropertyValues("meta.commerce.app-id=1").run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("meta.commerce.app-secret"));
        configured.withPropertyValues("meta.commerce.api-version=18").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("meta.commerce.api-version"));
        configured.withPropertyValues("meta.commerce.sync.max-requests-per-call=6000").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("meta.commerce.sync")
                        .hasStackTraceContaining("maxRequestsPerCall"));
        configured.withPropertyValues("meta.commerce.oauth.state-signing-key=c2hvcnQ=").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("state-signing-key"));
        configured.run(context -> {
            Exception e = null;
            try {
                context.getBean(MetaCommerceLogin.class).loginUrl("s");
            } catch (IllegalStateException ex) {
                e = ex;
            }
            assertThat(e).hasMessageContaining("meta.commerce.oauth.redirect-uri");
        });
    }

    @Test
    void anExplicitSigningKeyIsUsedOnEveryInstance() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        configured.withPropertyValues("meta.commerce.oauth.state-signing-key="
                + Base64.getEncoder().encodeToString(key)).run(context -> {
                    OAuthStateCodec other = OAuthStateCodec.builder().signingKey(key).build();
                    assertThat(context.getBean(OAuthStateCodec.class).verify(other.issue("store"), "store")
                            .storeId()).isEqualTo("store");
                });
    }

    @Test
    void everyBeanBacksOffForTheUsersOwn() {
        MetaCommerceClient own = MetaCommerceClient.builder().appId("own").appSecret("own-secret").build();
        ProductTransformerFactory transformers = ProductTransformer::of;
        SyncOptions options = SyncOptions.builder().batchCallsPerMinute(99).build();
        UsedNonceStore nonces = (n, e) -> true;
        OAuthStateCodec codec = OAuthStateCodec.builder().signingKeyDerivedFrom("x").build();
        runner.withBean(MetaCommerceClient.class, () -> own)
                .withBean(ProductTransformerFactory.class, () -> transformers)
                .withBean(SyncOptions.class, () -> options)
                .withBean(UsedNonceStore.class, () -> nonces)
                .withBean(OAuthStateCodec.class, () -> codec)
                .withPropertyValues("meta.commerce.app-secret=unused-here")
                .run(context -> {
                    assertThat(context.getBean(MetaCommerceClient.class)).isSameAs(own);
                    assertThat(context.getBean(ProductTransformerFactory.class)).isSameAs(transformers);
                    assertThat(context.getBean(SyncOptions.class)).isSameAs(options);
                    assertThat(context.getBean(UsedNonceStore.class)).isSameAs(nonces);
                    assertThat(context.getBean(OAuthStateCodec.class)).isSameAs(codec);
                    assertThat(context.getBean(CatalogSyncFactory.class).options()).isSameAs(options);
                });
        CatalogSyncFactory factory = new CatalogSyncFactory(own, options, transformers, ProductValidatorFactory
                .class.cast((ProductValidatorFactory) io.github.metacommerce.product.ProductValidator::of), r -> { });
        configured.withBean(CatalogSyncFactory.class, () -> factory)
                .withBean(MetaCommerceLogin.class, () -> new MetaCommerceLogin(own, codec, "https://x/cb", List.of("a"),
                        Optional.empty()))
                .withBean("metaCommerceHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
                .run(context -> {
                    assertThat(context.getBean(CatalogSyncFactory.class)).isSameAs(factory);
                    assertThat(context.getBean(MetaCommerceLogin.class).loginUrl("s").toString())
                            .contains("client_id=own");
                    assertThat(context).doesNotHaveBean(MetaCommerceHealthIndicator.class);
                });
    }

    static class Customizers {
        @Bean
        @Order(2)
        MetaCommerceClientCustomizer second() {
            return b -> b.apiVersion("v26.0");
        }

        @Bean
        @Order(1)
        MetaCommerceClientCustomizer first() {
            return b -> b.apiVersion("v25.0").graphBaseUrl("http://127.0.0.1:9999");
        }
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        configured.withPropertyValues("meta.commerce.api-version=v24.0").withUserConfiguration(Customizers.class)
                .run(context -> {
                    MetaCommerceClient client = context.getBean(MetaCommerceClient.class);
                    assertThat(client.apiVersion().toString()).isEqualTo("v26.0");
                    assertThat(client.graphBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
                });
    }

    @Test
    void withoutActuatorOrMicrometerThoseBeansAreAbsent() {
        configured.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MetaCommerceClient.class)
                            .doesNotHaveBean(MetaCommerceHealthIndicator.class)
                            .doesNotHaveBean(MetaCommerceMetrics.class);
                });
    }

    @Test
    void metricsNeedAMeterRegistry() {
        configured.run(context -> assertThat(context).doesNotHaveBean(MetaCommerceMetrics.class));
    }

    @Test
    void metricsUseTheRegistryBootsOwnMetricsAutoConfigurationsCreate() {
        configured.withConfiguration(BOOT_METRICS).withPropertyValues("meta.commerce.graph.base-url=http://127.0.0.1:1",
                "meta.commerce.graph.retry.max-attempts=1").run(context -> {
                    assertThat(context).hasSingleBean(MeterRegistry.class).hasSingleBean(MetaCommerceMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    MetaCommerceClient client = context.getBean(MetaCommerceClient.class);
                    assertThatThrownBy(() -> client.graph("EAAB-token").businesses().stream().toList())
                            .isInstanceOf(GraphTransportException.class);
                    assertThat(registry.get("meta.commerce.graph.calls").tag("endpoint", "/me/businesses")
                            .tag("outcome", "network").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void healthListsTokensThatExpireSoonWithoutCallingMeta() {
        Instant now = Instant.now();
        TokenExpirySource stores = () -> List.of(
                ConnectedStore.of("soon", Optional.of(now.plus(Duration.ofDays(5)).plusSeconds(60))),
                ConnectedStore.of("later", Optional.of(now.plus(Duration.ofDays(40)))),
                ConnectedStore.of("gone", Optional.of(now.minusSeconds(5))),
                ConnectedStore.of("system-user", Optional.empty()));
        configured.withPropertyValues("meta.commerce.graph.base-url=http://127.0.0.1:1")
                .withBean(TokenExpirySource.class, () -> stores).run(context -> {
                    Health health = context.getBean(MetaCommerceHealthIndicator.class).health();
                    assertThat(health.getStatus().getCode()).isEqualTo("UP");
                    assertThat(health.getDetails()).containsEntry("connectedStores", 4)
                            .containsEntry("apiVersion", "v27.0")
                            .containsEntry("expiringSoon", Map.of("soon", "token expires in 5 days"));
                    assertThat(health.getDetails().get("expired").toString()).contains("gone");
                });
    }

    @Test
    void everyBeanMethodIsConditionalOnMissingBean() {
        List<Method> methods = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(List.of(MetaCommerceAutoConfiguration.class,
                MetaCommerceMetricsAutoConfiguration.class));
        classes.addAll(List.of(MetaCommerceAutoConfiguration.class.getDeclaredClasses()));
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Bean.class)) {
                    methods.add(m);
                }
            }
        }
        assertThat(methods).hasSizeGreaterThanOrEqualTo(9);
        assertThat(methods).allSatisfy(m -> assertThat(m.isAnnotationPresent(ConditionalOnMissingBean.class))
                .as(m.getName()).isTrue());
    }

    @Test
    void factoriesFollowTheStoreSettings() {
        configured.run(context -> {
            StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("JPY")
                    .titleLimit(20).build();
            assertThat(context.getBean(ProductTransformerFactory.class).create(settings).settings())
                    .isSameAs(settings);
            assertThat(context.getBean(ProductValidatorFactory.class).create(settings)).isNotNull();
            Clock clock = context.getBean(MetaCommerceClient.class).clock();
            assertThat(clock.instant()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                    Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
        });
    }
}
