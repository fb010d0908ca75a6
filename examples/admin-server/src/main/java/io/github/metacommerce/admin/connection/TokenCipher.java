package io.github.metacommerce.admin.connection;

import io.github.metacommerce.admin.system.AdminProperties;
import io.github.metacommerce.admin.system.InvalidSettingException;
import io.github.metacommerce.admin.system.SandboxMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts access tokens at rest: AES-256-GCM with a random 96-bit nonce per value and the store id as associated
 * data (a token copied into another store's row does not decrypt). A value reads {@code <keyId>:<Base64(nonce |
 * ciphertext | tag)>}, so that a later key can be told apart.
 *
 * <p>The key is {@code admin.encryption.key} ({@code ADMIN_ENCRYPTION_KEY}, Base64 of 32 bytes). In sandbox mode,
 * when unset, a key is generated once into {@code <data-dir>/encryption.key} with owner-only permissions; talking
 * to Meta without a configured key fails at startup.
 */
@Component
public class TokenCipher {
    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final String PROPERTY = "admin.encryption.key";
    private static final String ENV = "ADMIN_ENCRYPTION_KEY";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(AdminProperties properties, Environment env) {
        this.keyId = properties.encryption().keyId();
        if (keyId.isBlank() || keyId.contains(":")) {
            throw new InvalidSettingException("admin.encryption.key-id", "ADMIN_ENCRYPTION_KEY_ID",
                    "The encryption key id must be non-empty and must not contain ':'.", "Choose a short id such as k2.");
        }
        boolean sandbox = env.getProperty(SandboxMode.ACTIVE, Boolean.class, false);
        String configured = properties.encryption().key().filter(k -> !k.isBlank()).orElse(null);
        byte[] raw = configured != null ? decodeKey(configured)
                : sandbox ? sandboxKey(properties.dataDir())
                : failMissing();
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * Encrypts a token for a store.
     *
     * @param plaintext the token
     * @param storeId the store it belongs to
     * @return the stored form
     */
    public String encrypt(String plaintext, long storeId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(storeId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a stored token.
     *
     * @param stored the stored form
     * @param storeId the store it belongs to
     * @return the token
     * @throws IllegalStateException if the value was encrypted with another key, for another store, or altered
     */
    public String decrypt(String stored, long storeId) {
        int colon = stored.indexOf(':');
        if (colon < 0 || !stored.substring(0, colon).equals(keyId)) {
            throw new IllegalStateException("The stored token of store " + storeId + " was encrypted with key id '"
                    + (colon < 0 ? "?" : stored.substring(0, colon)) + "', but the configured key id is '" + keyId
                    + "'.");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(storeId));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored token of store " + storeId + " cannot be decrypted with "
                    + "the configured key (wrong key, or the value was altered).");
        }
    }

    private static byte[] aad(long storeId) {
        return ("meta_connections:" + storeId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decodeKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(PROPERTY, ENV, "The encryption key is not valid Base64.",
                    "Generate one with: openssl rand -base64 32.");
        }
        if (raw.length != 32) {
            throw new InvalidSettingException(PROPERTY, ENV, "The encryption key has " + raw.length
                    + " bytes; AES-256 needs 32.", "Generate one with: openssl rand -base64 32.");
        }
        return raw;
    }

    private static byte[] failMissing() {
        throw new InvalidSettingException(PROPERTY, ENV, "No encryption key for access tokens is configured.",
                "Generate one with 'openssl rand -base64 32', keep it secret and the same on every instance.");
    }

    private static byte[] sandboxKey(Path dataDir) {
        Path file = dataDir.resolve("encryption.key");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(raw));
                log.warn("Sandbox mode: generated the token encryption key {} (owner-only). Set ADMIN_ENCRYPTION_KEY "
                        + "before connecting to Meta.", file.toAbsolutePath());
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
