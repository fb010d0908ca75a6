package io.github.metacommerce.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sandbox.GraphSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SandboxModeTest {

    private static MockEnvironment apply(MockEnvironment env) {
        new SandboxMode().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void withoutAMetaAppTheSdkPointsAtTheSandbox() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("server.port", "9090"));
        assertThat(env.getProperty(SandboxMode.ACTIVE)).isEqualTo("true");
        String port = env.getProperty(SandboxMode.PORT);
        assertThat(Integer.parseInt(port)).isPositive();
        assertThat(env.getProperty("meta.commerce.app-id")).isEqualTo(GraphSandbox.DEFAULT_APP_ID);
        assertThat(env.getProperty("meta.commerce.graph.base-url")).isEqualTo("http://localhost:" + port);
        assertThat(env.getProperty("meta.commerce.graph.dialog-base-url")).isEqualTo("http://localhost:" + port);
        assertThat(env.getProperty("meta.commerce.oauth.redirect-uri"))
                .isEqualTo("http://localhost:9090/api/meta-commerce/auth/callback");
    }

    @Test
    void aMetaAppIdTurnsTheSandboxOff() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("META_APP_ID", "1234")
                .withProperty("meta.commerce.graph.base-url", "https://graph.facebook.com"));
        assertThat(env.getProperty(SandboxMode.ACTIVE)).isEqualTo("false");
        assertThat(env.getProperty("meta.commerce.graph.base-url")).isEqualTo("https://graph.facebook.com");
    }

    @Test
    void theSwitchWinsEitherWay() {
        assertThat(apply(new MockEnvironment().withProperty("META_APP_ID", "1234")
                .withProperty("admin.sandbox.enabled", "true")).getProperty(SandboxMode.ACTIVE)).isEqualTo("true");
        assertThat(apply(new MockEnvironment().withProperty("admin.sandbox.enabled", "false"))
                .getProperty(SandboxMode.ACTIVE)).isEqualTo("false");
    }

    @Test
    void thePublicUrlNamesTheCallback() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("admin.public-url", "https://admin.shop.example/")
                .withProperty("admin.sandbox.port", "18089"));
        assertThat(env.getProperty("meta.commerce.oauth.redirect-uri"))
                .isEqualTo("https://admin.shop.example/api/meta-commerce/auth/callback");
        assertThat(env.getProperty("meta.commerce.graph.base-url")).isEqualTo("http://localhost:18089");
    }
}
