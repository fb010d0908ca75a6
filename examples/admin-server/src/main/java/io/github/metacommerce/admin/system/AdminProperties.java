package io.github.metacommerce.admin.system;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin server's own settings ({@code admin.*}); the SDK's are under {@code meta.commerce.*}.
 *
 * @param dataDir where the H2 database and, in sandbox mode, the generated encryption key live ({@code ./data})
 * @param publicUrl the URL merchants open, used for the OAuth redirect URI in sandbox mode
 * @param bootstrap the first user, created on first start
 * @param encryption how access tokens are encrypted at rest
 * @param sandbox the embedded Graph sandbox
 */
@ConfigurationProperties("admin")
public record AdminProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Encryption encryption,
        @DefaultValue Sandbox sandbox) {

    /**
     * The bootstrap administrator and demo store, created when the database has no user.
     *
     * @param username the user name ({@code admin})
     * @param password the password ({@code ADMIN_PASSWORD}); generated and logged once when empty
     * @param storeName the first store's name
     */
    public record Bootstrap(@DefaultValue("admin") String username, Optional<String> password,
            @DefaultValue("Demo Store") String storeName) {
    }

    /**
     * Token encryption.
     *
     * @param key a Base64 AES-256 key (32 bytes), {@code ADMIN_ENCRYPTION_KEY}; required unless in sandbox mode,
     *     where a key is generated once into the data folder
     * @param keyId the id written before every encrypted value, so that keys can rotate
     */
    public record Encryption(Optional<String> key, @DefaultValue("k1") String keyId) {
    }

    /**
     * The embedded Graph sandbox.
     *
     * @param enabled forces sandbox mode on or off; when unset, it is on exactly when no Meta app id is configured
     * @param port the sandbox's port; 0 picks a free one
     * @param batchCallsPerMinute the sandbox's batch-call budget per catalog (Meta's floor is 8)
     */
    public record Sandbox(Optional<Boolean> enabled, @DefaultValue("0") int port,
            @DefaultValue("8") int batchCallsPerMinute) {
    }
}
