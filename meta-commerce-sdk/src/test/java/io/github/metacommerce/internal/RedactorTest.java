package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void removesKnownSecretsAndTokenParameters() {
        Redactor r = Redactor.of("EAAB-secret-token", "app-secret");

        assertThat(r.redact("token EAAB-secret-token and app-secret"))
                .isEqualTo("token [redacted] and [redacted]");
        assertThat(r.redact("GET /me?access_token=OTHER123&fields=id&client_secret=xyz"))
                .isEqualTo("GET /me?access_token=[redacted]&fields=id&client_secret=[redacted]");
        assertThat(r.redact("Authorization: Bearer EAAZZZ.abc")).isEqualTo("Authorization: Bearer [redacted]");
    }

    @Test
    void keepsErrorCodesReadable() {
        assertThat(Redactor.of().redact("code=190; subcode=463; error_code=200"))
                .isEqualTo("code=190; subcode=463; error_code=200");
    }

    @Test
    void snippetsAreShortAndCollapsed() {
        assertThat(Redactor.of().snippet("a\n\n  b   c", 100)).isEqualTo("a b c");
        assertThat(Redactor.of().snippet("x".repeat(300), 10)).isEqualTo("xxxxxxxxxx...");
    }
}
