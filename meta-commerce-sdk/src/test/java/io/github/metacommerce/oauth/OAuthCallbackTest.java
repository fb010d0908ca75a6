package io.github.metacommerce.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.exception.OAuthStateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthCallbackTest {

    @Test
    void parsesAnAuthorizedCallback() {
        OAuthCallback cb = OAuthCallback.parse("?code=AQD%2Bcode&state=v1.abc.def.123.sig");

        assertThat(cb).isInstanceOf(OAuthCallback.Authorized.class);
        OAuthCallback.Authorized ok = (OAuthCallback.Authorized) cb;
        assertThat(ok.code()).isEqualTo("AQD+code");
        assertThat(ok.state()).isEqualTo("v1.abc.def.123.sig");
        assertThat(ok.stateValue()).contains("v1.abc.def.123.sig");
        assertThat(ok.toString()).doesNotContain("AQD");
    }

    @Test
    void parsesMetasDenial() {
        OAuthCallback cb = OAuthCallback.parse("error=access_denied&error_code=200"
                + "&error_description=Permissions+error&error_reason=user_denied&state=st");

        assertThat(cb).isInstanceOf(OAuthCallback.Denied.class);
        OAuthCallback.Denied denied = (OAuthCallback.Denied) cb;
        assertThat(denied.error()).isEqualTo("access_denied");
        assertThat(denied.reason()).contains("user_denied");
        assertThat(denied.description()).contains("Permissions error");
        assertThat(denied.stateValue()).contains("st");
    }

    @Test
    void anErrorWinsOverACode() {
        assertThat(OAuthCallback.from(Map.of("code", "c", "error", "server_error", "state", "s")))
                .isInstanceOf(OAuthCallback.Denied.class);
    }

    @Test
    void aCallbackWithNeitherCodeNorErrorIsRejectedByName() {
        assertThatThrownBy(() -> OAuthCallback.parse("state=s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'code'").hasMessageContaining("'error'");
        assertThatThrownBy(() -> OAuthCallback.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeWithoutStateIsRefused() {
        assertThatThrownBy(() -> OAuthCallback.parse("code=abc"))
                .isInstanceOfSatisfying(OAuthStateException.class,
                        e -> assertThat(e.reason()).isEqualTo(OAuthStateException.Reason.MALFORMED))
                .hasMessageContaining("'state'");
    }
}
