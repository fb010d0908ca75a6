package io.github.metacommerce.oauth;

import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.exception.OAuthStateException.Reason;
import io.github.metacommerce.internal.AppSecretProofs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and verifies the OAuth {@code state}: a random nonce, the store id and an expiry, signed with
 * HMAC-SHA256 under a server key. Verification checks the signature in constant time, the expiry against the
 * clock, the expected store, and single use; each failure is an {@link OAuthStateException} whose
 * {@link OAuthStateException#reason() reason} says which check failed.
 *
 * <pre>{@code
 * OAuthStateCodec codec = OAuthStateCodec.builder().signingKey(key32Bytes).build();
 * String state = codec.issue(storeId);              // put it in the login URL
 * VerifiedState ok = codec.verify(callbackState, storeId);   // in the callback
 * String connected = codec.verify(callbackState).storeId();    // or: take the store from the state
 * }</pre>
 *
 * <p>The key must be the same on every server instance (configure it, or derive it from the app secret with
 * {@link Builder#signingKeyDerivedFrom(String)}); a random per-process key breaks behind a load balancer. The
 * format is {@code v1.<base64url store id>.<base64url nonce>.<expiry epoch seconds>.<base64url signature>}.
 * Instances are immutable and thread-safe.
 */
public final class OAuthStateCodec {
    /** Default time a state stays valid: 10 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** Shortest accepted signing key, in bytes. */
    public static final int MIN_KEY_BYTES = 32;
    /** Default capacity of the in-memory used-nonce store. */
    public static final int DEFAULT_NONCE_CAPACITY = 10_000;

    private static final String VERSION = "v1";
    private static final String KDF_LABEL = "meta-commerce-sdk/oauth-state/v1";
    private static final int NONCE_BYTES = 16;
    private static final int MAX_STORE_LENGTH = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;
    private final UsedNonceStore usedNonces;
    private final SecureRandom random;

    private OAuthStateCodec(Builder b) {
        this.key = b.key.clone();
        this.ttl = b.ttl;
        this.clock = b.clock;
        this.usedNonces = b.usedNonces != null ? b.usedNonces : UsedNonceStore.inMemory(DEFAULT_NONCE_CAPACITY, clock);
        this.random = b.random;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a new state for a store.
     *
     * @param storeId the store the flow belongs to
     * @return the signed state, URL-safe
     * @throws IllegalArgumentException if the store id is blank or longer than 200 characters
     */
    public String issue(String storeId) {
        String store = requireStore(storeId, "storeId");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = VERSION + "." + B64.encodeToString(store.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(nonce) + "." + expires;
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /**
     * Verifies a state returned by Meta for the store completing the flow, and consumes it.
     *
     * @param state the state from the callback
     * @param expectedStoreId the store completing the flow
     * @return the verified state
     * @throws OAuthStateException with the reason: MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_STORE or REPLAYED
     * @throws IllegalArgumentException if the expected store id is blank or longer than 200 characters
     */
    public VerifiedState verify(String state, String expectedStoreId) {
        return verify(state, Optional.of(requireStore(expectedStoreId, "expectedStoreId")));
    }

    /**
     * Verifies a state returned by Meta and consumes it, taking the store from the state itself: the signature
     * proves this server issued it for {@link VerifiedState#storeId()}. Use it when the callback does not know
     * the store (no session); when it does, {@link #verify(String, String)} also checks that the two agree.
     *
     * @param state the state from the callback
     * @return the verified state, naming the store it was issued for
     * @throws OAuthStateException with the reason: MALFORMED, BAD_SIGNATURE, EXPIRED or REPLAYED
     */
    public VerifiedState verify(String state) {
        return verify(state, Optional.empty());
    }

    private VerifiedState verify(String state, Optional<String> expectedStore) {
        if (state == null || state.isBlank()) {
            throw new OAuthStateException(Reason.MALFORMED, "OAuth state is missing");
        }
        String[] parts = state.strip().split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw new OAuthStateException(Reason.MALFORMED, "OAuth state is not in the expected format");
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] signature;
        String store;
        long expires;
        try {
            signature = B64D.decode(parts[4]);
            store = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
            B64D.decode(parts[2]);
            expires = Long.parseLong(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new OAuthStateException(Reason.MALFORMED, "OAuth state is not in the expected format");
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new OAuthStateException(Reason.BAD_SIGNATURE,
                    "OAuth state signature does not match: the state was forged or altered");
        }
        Instant expiresAt = Instant.ofEpochSecond(expires);
        if (!clock.instant().isBefore(expiresAt)) {
            throw new OAuthStateException(Reason.EXPIRED, "OAuth state expired at " + expiresAt
                    + "; start the connection again");
        }
        if (expectedStore.isPresent() && !store.equals(expectedStore.get())) {
            throw new OAuthStateException(Reason.WRONG_STORE,
                    "OAuth state was issued for another store than the one completing the connection");
        }
        if (!usedNonces.markUsed(parts[2], expiresAt)) {
            throw new OAuthStateException(Reason.REPLAYED, "OAuth state was already used once");
        }
        return VerifiedState.of(store, parts[2], expiresAt);
    }

    /**
     * Returns how long issued states stay valid.
     *
     * @return the time to live
     */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "OAuthStateCodec[ttl=" + ttl + ", key=****]";
    }

    private byte[] sign(String payload) {
        return AppSecretProofs.hmacSha256(key, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String requireStore(String storeId, String name) {
        if (storeId == null || storeId.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        if (storeId.length() > MAX_STORE_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_STORE_LENGTH + " characters");
        }
        return storeId;
    }

    /** Builds an {@link OAuthStateCodec}. */
    public static final class Builder {
        private byte[] key;
        private Duration ttl = DEFAULT_TTL;
        private Clock clock = Clock.systemUTC();
        private UsedNonceStore usedNonces;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * Sets the signing key (required, unless derived). Use at least 32 random bytes, the same on every instance.
         *
         * @param key the key; copied
         * @return this builder
         * @throws IllegalArgumentException if shorter than 32 bytes
         */
        public Builder signingKey(byte[] key) {
            if (key == null || key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("signingKey must be at least " + MIN_KEY_BYTES
                        + " bytes; generate one with SecureRandom and keep it in your configuration");
            }
            this.key = key.clone();
            return this;
        }

        /**
         * Derives the signing key from the app secret with the documented KDF
         * {@code HMAC-SHA256(key = appSecret, data = "meta-commerce-sdk/oauth-state/v1")}, so every instance that
         * shares the app secret shares the key without another setting.
         *
         * @param appSecret the Meta app secret
         * @return this builder
         */
        public Builder signingKeyDerivedFrom(String appSecret) {
            if (appSecret == null || appSecret.isBlank()) {
                throw new IllegalArgumentException("appSecret must not be null or blank");
            }
            byte[] derived = AppSecretProofs.hmacSha256(appSecret.getBytes(StandardCharsets.UTF_8),
                    KDF_LABEL.getBytes(StandardCharsets.UTF_8));
            this.key = derived;
            return this;
        }

        /**
         * Sets how long a state stays valid.
         *
         * @param ttl between 1 minute and 1 hour
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("ttl must be between 1 minute and 1 hour, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the clock used for expiry.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets where used nonces are remembered (default: in memory, 10,000 entries).
         *
         * @param store the store
         * @return this builder
         */
        public Builder usedNonceStore(UsedNonceStore store) {
            this.usedNonces = Objects.requireNonNull(store, "usedNonceStore");
            return this;
        }

        /**
         * Sets the random source for nonces.
         *
         * @param random a secure random
         * @return this builder
         */
        public Builder secureRandom(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "secureRandom");
            return this;
        }

        /**
         * Builds the codec.
         *
         * @return the codec
         * @throws IllegalStateException if no key was set
         */
        public OAuthStateCodec build() {
            if (key == null) {
                throw new IllegalStateException("signingKey is required: call signingKey(bytes) with at least "
                        + MIN_KEY_BYTES + " bytes, or signingKeyDerivedFrom(appSecret)");
            }
            return new OAuthStateCodec(this);
        }
    }
}
