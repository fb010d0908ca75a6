package io.github.metacommerce.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 helpers for {@code appsecret_proof} and signed state. */
public final class AppSecretProofs {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AppSecretProofs() {
    }

    /**
     * Computes the plain proof: hex(HMAC-SHA256(appSecret, token)).
     *
     * @param appSecret the app secret
     * @param token the access token
     * @return lower-case hex
     */
    public static String plain(String appSecret, String token) {
        return hex(hmacSha256(appSecret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Computes the timed proof: hex(HMAC-SHA256(appSecret, token + "|" + unixTime)).
     *
     * @param appSecret the app secret
     * @param token the access token
     * @param unixTime the time in seconds sent as {@code appsecret_time}
     * @return lower-case hex
     */
    public static String timed(String appSecret, String token, long unixTime) {
        return plain(appSecret, token + "|" + unixTime);
    }

    /**
     * Computes HMAC-SHA256.
     *
     * @param key the key
     * @param data the data
     * @return the MAC
     */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Hex-encodes bytes.
     *
     * @param bytes the bytes
     * @return lower-case hex
     */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
