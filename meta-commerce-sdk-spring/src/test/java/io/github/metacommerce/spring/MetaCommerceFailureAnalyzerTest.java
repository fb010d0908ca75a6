package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A missing or invalid meta.commerce.* property gives Boot's "APPLICATION FAILED TO START" Description and Action. */
class MetaCommerceFailureAnalyzerTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetaCommerceAutoConfiguration.class));
    private final ApplicationContextRunner configured = runner.withPropertyValues(
            "meta.commerce.app-id=1234567890", "meta.commerce.app-secret=top-secret-app-secret");

    private static void analysis(ApplicationContextRunner r, Consumer<FailureAnalysis> check) {
        r.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MetaCommerceFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            check.accept(analysis);
        });
    }

    @Test
    void aMissingAppIdNamesThePropertyAndItsEnvironmentVariable() {
        analysis(runner, a -> {
            assertThat(a.getDescription()).isEqualTo("Property meta.commerce.app-id is not set.");
            assertThat(a.getAction()).isEqualTo("Set it (or the environment variable META_APP_ID) to your Meta app "
                    + "id (App Dashboard > Settings > Basic).");
        });
        analysis(runner.withPropertyValues("meta.commerce.app-id= "), a ->
                assertThat(a.getDescription()).isEqualTo("Property meta.commerce.app-id is not set."));
    }

    @Test
    void aMissingAppSecretNamesMetaAppSecret() {
        analysis(runner.withPropertyValues("meta.commerce.app-id=1"), a -> {
            assertThat(a.getDescription()).isEqualTo("Property meta.commerce.app-secret is not set.");
            assertThat(a.getAction()).contains("META_APP_SECRET").doesNotContain("top-secret");
        });
    }

    @Test
    void anInvalidValueNamesThePropertyTheSdkRefused() {
        analysis(configured.withPropertyValues("meta.commerce.sync.max-requests-per-call=6000"), a -> {
            assertThat(a.getDescription()).startsWith(
                    "Invalid meta.commerce.sync.max-requests-per-call configuration: maxRequestsPerCall must be");
            assertThat(a.getAction()).isEqualTo("Correct meta.commerce.sync.max-requests-per-call (or the "
                    + "environment variable META_COMMERCE_SYNC_MAX_REQUESTS_PER_CALL) in your application "
                    + "properties or environment.");
        });
        analysis(configured.withPropertyValues("meta.commerce.graph.retry.max-attempts=50"), a ->
                assertThat(a.getDescription()).startsWith(
                        "Invalid meta.commerce.graph.retry.max-attempts configuration: retry maxAttempts"));
        analysis(configured.withPropertyValues("meta.commerce.api-version=18"), a -> {
            assertThat(a.getDescription()).startsWith("Invalid meta.commerce.api-version configuration: ");
            assertThat(a.getAction()).contains("META_COMMERCE_API_VERSION");
        });
        analysis(configured.withPropertyValues("meta.commerce.oauth.state-signing-key=c2hvcnQ="), a -> {
            assertThat(a.getDescription()).contains("meta.commerce.oauth.state-signing-key")
                    .contains("at least 32 bytes, was 5");
            assertThat(a.getAction()).contains("META_COMMERCE_OAUTH_STATE_SIGNING_KEY");
        });
    }

    @Test
    void clientSettingsTheSdkRefusesNameTheirProperty() {
        analysis(configured.withPropertyValues("meta.commerce.graph.base-url=ftp://graph.example"), a -> {
            assertThat(a.getDescription()).startsWith("Invalid meta.commerce.graph.base-url configuration: ")
                    .contains("graphBaseUrl");
            assertThat(a.getAction()).contains("META_COMMERCE_GRAPH_BASE_URL");
        });
        analysis(runner.withPropertyValues("meta.commerce.app-id=123|secret", "meta.commerce.app-secret=s"), a -> {
            assertThat(a.getDescription()).startsWith("Invalid meta.commerce.app-id configuration: ")
                    .doesNotContain("123|secret").contains("app id alone");
            assertThat(a.getAction()).contains("META_APP_ID");
        });
    }

    @Test
    void aMissingRedirectUriNamesMetaOauthRedirectUri() {
        configured.run(context -> {
            MetaCommerceConfigurationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    MetaCommerceConfigurationException.class,
                    () -> context.getBean(MetaCommerceLogin.class).loginUrl("s"));
            assertThat(e.property()).isEqualTo("meta.commerce.oauth.redirect-uri");
            assertThat(e.environmentVariable()).isEqualTo("META_OAUTH_REDIRECT_URI");
            assertThat(e).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void otherStartupFailuresAreLeftToBootsOwnAnalyzers() {
        FailureAnalysis a = new MetaCommerceFailureAnalyzer().analyze(new IllegalStateException("unrelated"));
        assertThat(a).isNull();
    }

    @Test
    void bootFindsTheAnalyzerInSpringFactories() {
        // Boot's own analyzers that need constructor arguments are skipped here; ours needs none.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, (type, name, failure) -> { });
        assertThat(analyzers).hasAtLeastOneElementOfType(MetaCommerceFailureAnalyzer.class);
    }
}
