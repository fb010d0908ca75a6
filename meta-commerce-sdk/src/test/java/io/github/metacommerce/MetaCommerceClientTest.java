package io.github.metacommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.graph.GraphApiVersion;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetaCommerceClientTest {

    private static MetaCommerceClient.Builder valid() {
        return MetaCommerceClient.builder().appId("1234567890").appSecret("top-secret-value");
    }

    @Test
    void hasDocumentedDefaults() {
        MetaCommerceClient client = valid().build();

        assertThat(client.apiVersion()).isEqualTo(GraphApiVersion.of("v27.0")).isEqualTo(GraphApiVersion.DEFAULT);
        assertThat(client.graphBaseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(client.dialogBaseUrl()).isEqualTo(URI.create("https://www.facebook.com"));
        assertThat(client.retry()).isEqualTo(RetrySettings.defaults());
        assertThat(client.appId()).isEqualTo("1234567890");
    }

    @Test
    void neverShowsTheSecretInToString() {
        MetaCommerceClient client = valid().build();

        assertThat(client.toString()).contains("appId=1234567890").contains("appSecret=****")
                .doesNotContain("top-secret-value");
        assertThat(valid().toString()).doesNotContain("top-secret-value");
        assertThat(client.graph("EAAB-token-value").toString()).doesNotContain("EAAB-token-value");
        assertThat(client.oauth().toString()).doesNotContain("top-secret-value");
    }

    @Test
    void buildNamesTheMissingOptionAndTheFix() {
        assertThatThrownBy(() -> MetaCommerceClient.builder().appSecret("x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appId is required: call appId(...)");
        assertThatThrownBy(() -> MetaCommerceClient.builder().appId("1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appSecret is required: call appSecret(...)");
    }

    @Test
    void settersRejectBadValuesByName() {
        MetaCommerceClient.Builder b = MetaCommerceClient.builder();
        assertThatThrownBy(() -> b.appId(" ")).hasMessage("appId must not be null or blank");
        assertThatThrownBy(() -> b.appId("123|secret")).hasMessageContaining("not an app token");
        assertThatThrownBy(() -> b.appSecret(null)).hasMessage("appSecret must not be null or blank");
        assertThatThrownBy(() -> b.apiVersion("18.0")).hasMessageContaining("apiVersion must look like \"v27.0\"");
        assertThatThrownBy(() -> b.graphBaseUrl("ftp://graph.example")).hasMessageContaining("graphBaseUrl");
        assertThatThrownBy(() -> b.graphBaseUrl("https://graph.example/?access_token=x"))
                .hasMessageContaining("graphBaseUrl must not carry a query").hasMessageNotContaining("access_token=x");
        assertThatThrownBy(() -> b.dialogBaseUrl("not a url")).hasMessageContaining("dialogBaseUrl");
        assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout must be a positive");
        assertThatThrownBy(() -> b.connectTimeout(null)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> b.userAgent("bad\nagent")).hasMessageContaining("userAgent");
        assertThatThrownBy(() -> valid().build().graph(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accessToken must not be null or blank");
    }

    @Test
    void retrySettingsNameTheBadOption() {
        assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0).build())
                .hasMessageContaining("retry maxAttempts");
        assertThatThrownBy(() -> RetrySettings.builder().jitter(1.0).build()).hasMessageContaining("retry jitter");
        assertThatThrownBy(() -> RetrySettings.builder().initialBackoff(Duration.ofSeconds(20)).build())
                .hasMessageContaining("retry maxBackoff");
        assertThat(RetrySettings.defaults().toBuilder().build()).isEqualTo(RetrySettings.defaults());
    }

    @Test
    void derivedClientsLeaveTheOriginalUnchanged() {
        MetaCommerceClient original = valid().build();

        MetaCommerceClient derived = original.toBuilder().apiVersion("v26.0")
                .graphBaseUrl("http://127.0.0.1:8089/").build();

        assertThat(derived.apiVersion().toString()).isEqualTo("v26.0");
        assertThat(derived.graphBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(derived.appId()).isEqualTo("1234567890");
        assertThat(original.apiVersion()).isEqualTo(GraphApiVersion.DEFAULT);
        assertThat(original.graphBaseUrl()).isEqualTo(MetaCommerceClient.DEFAULT_GRAPH_BASE_URL);
    }

    @Test
    void versionsCompareByMajor() {
        assertThat(GraphApiVersion.of("v26.0")).isLessThan(GraphApiVersion.of("v27.0"));
        assertThat(GraphApiVersion.of(" v27.0 ").major()).isEqualTo(27);
        assertThatThrownBy(() -> GraphApiVersion.of("v27.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
