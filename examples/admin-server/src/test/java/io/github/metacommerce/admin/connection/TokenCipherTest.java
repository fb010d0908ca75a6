package io.github.metacommerce.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.admin.system.AdminProperties;
import io.github.metacommerce.admin.system.InvalidSettingException;
import io.github.metacommerce.admin.system.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class TokenCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    private TokenCipher cipher(Optional<String> key, String keyId, boolean sandbox) {
        AdminProperties p = new AdminProperties(dir, "http://localhost:8080",
                new AdminProperties.Bootstrap("admin", Optional.empty(), "Demo Store"),
                new AdminProperties.Encryption(key, keyId), new AdminProperties.Sandbox(Optional.empty(), 0, 8));
        return new TokenCipher(p, new MockEnvironment().withProperty(SandboxMode.ACTIVE, Boolean.toString(sandbox)));
    }

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        TokenCipher c = cipher(Optional.of(KEY), "k1", false);
        String a = c.encrypt("EAAB-token", 7);
        String b = c.encrypt("EAAB-token", 7);
        assertThat(a).startsWith("k1:").isNotEqualTo(b).doesNotContain("EAAB");
        assertThat(c.decrypt(a, 7)).isEqualTo("EAAB-token");
        assertThat(c.decrypt(b, 7)).isEqualTo("EAAB-token");
    }

    @Test
    void aTokenCopiedToAnotherStoreOrAlteredDoesNotDecrypt() {
        TokenCipher c = cipher(Optional.of(KEY), "k1", false);
        String sealed = c.encrypt("EAAB-token", 7);
        assertThatThrownBy(() -> c.decrypt(sealed, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("EAAB");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> c.decrypt(altered, 7)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueOfAnotherKeyIdIsNamed() {
        String sealed = cipher(Optional.of(KEY), "k1", false).encrypt("t", 1);
        assertThatThrownBy(() -> cipher(Optional.of(KEY), "k2", false).decrypt(sealed, 1))
                .hasMessageContaining("'k1'").hasMessageContaining("'k2'");
    }

    @Test
    void talkingToMetaWithoutAKeyFailsNamingTheProperty() {
        assertThatThrownBy(() -> cipher(Optional.empty(), "k1", false))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.property()).isEqualTo("admin.encryption.key");
                    assertThat(e.environmentVariable()).isEqualTo("ADMIN_ENCRYPTION_KEY");
                });
        assertThatThrownBy(() -> cipher(Optional.of("c2hvcnQ="), "k1", false))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> cipher(Optional.of("not base64!"), "k1", false))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("Base64");
    }

    @Test
    void sandboxModeGeneratesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
        TokenCipher first = cipher(Optional.empty(), "k1", true);
        Path file = dir.resolve("encryption.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.encrypt("EAAB-token", 3);
        assertThat(cipher(Optional.empty(), "k1", true).decrypt(sealed, 3)).isEqualTo("EAAB-token");
    }
}
