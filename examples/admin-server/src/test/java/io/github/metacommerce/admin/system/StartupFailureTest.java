package io.github.metacommerce.admin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.admin.AdminServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Talking to Meta without a token encryption key stops the server with a message naming the setting. */
class StartupFailureTest {

    @Test
    void metaModeWithoutAnEncryptionKeyFailsNamingThePropertyAndTheVariable() {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                new SpringApplicationBuilder(AdminServerApplication.class).web(WebApplicationType.NONE)
                        .properties("admin.sandbox.enabled=false", "meta.commerce.app-id=1234",
                                "meta.commerce.app-secret=an-app-secret-for-tests",
                                "meta.commerce.oauth.redirect-uri=https://admin.example/api/meta-commerce/auth/callback",
                                "admin.encryption.key=",
                                "spring.datasource.url=jdbc:h2:mem:startup-failure;DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                                "db-scheduler.enabled=false", "spring.main.banner-mode=off")
                        .run().close();
            } catch (Throwable t) {
                thrown[0] = t;
                throw t;
            }
        }).isNotNull();
        Throwable cause = thrown[0];
        while (cause != null && !(cause instanceof InvalidSettingException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(InvalidSettingException.class);
        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(thrown[0]);
        assertThat(analysis.getDescription()).contains("admin.encryption.key").contains("ADMIN_ENCRYPTION_KEY");
        assertThat(analysis.getAction()).contains("ADMIN_ENCRYPTION_KEY").contains("openssl rand -base64 32");
    }
}
