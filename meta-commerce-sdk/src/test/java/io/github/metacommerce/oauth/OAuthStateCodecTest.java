package io.github.metacommerce.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.exception.OAuthStateException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthStateCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private final VirtualTime time = VirtualTime.startingAt(T0);
    private final java.time.Clock clock = time.clock();
    private final OAuthStateCodec codec = OAuthStateCodec.builder().signingKey(KEY).clock(clock).build();

    private static void assertFails(Runnable r, Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(OAuthStateException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
        });
    }

    @Test
    void aFreshStateVerifiesForItsStore() {
        String state = codec.issue("store-42");

        VerifiedState v = codec.verify(state, "store-42");

        assertThat(v.storeId()).isEqualTo("store-42");
        assertThat(v.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(state).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}\\.\\d+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void twoStatesForOneStoreDiffer() {
        assertThat(codec.issue("store-42")).isNotEqualTo(codec.issue("store-42"));
    }

    @Test
    void aTamperedPayloadFailsTheSignature() {
        String state = codec.issue("store-42");
        String[] p = state.split("\\.");
        p[1] = Base64.getUrlEncoder().withoutPadding().encodeToString("store-43".getBytes(StandardCharsets.UTF_8));

        assertFails(() -> codec.verify(String.join(".", p), "store-43"), Reason.BAD_SIGNATURE);
    }

    @Test
    void aLaterExpiryWrittenIntoThePayloadFailsTheSignature() {
        String[] p = codec.issue("store-42").split("\\.");
        p[3] = Long.toString(Long.parseLong(p[3]) + 86_400);

        assertFails(() -> codec.verify(String.join(".", p), "store-42"), Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedSignatureFails() {
        String state = codec.issue("store-42");
        char last = state.charAt(state.length() - 2);
        String forged = state.substring(0, state.length() - 2) + (last == 'A' ? 'B' : 'A')
                + state.charAt(state.length() - 1);

        assertFails(() -> codec.verify(forged, "store-42"), Reason.BAD_SIGNATURE);
    }

    @Test
    void aStateSignedWithAnotherKeyFails() {
        OAuthStateCodec other = OAuthStateCodec.builder()
                .signingKey("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII)).clock(clock).build();

        assertFails(() -> codec.verify(other.issue("store-42"), "store-42"), Reason.BAD_SIGNATURE);
    }

    @Test
    void anExpiredStateFails() {
        String state = codec.issue("store-42");
        time.set(T0.plus(Duration.ofMinutes(10)));

        assertFails(() -> codec.verify(state, "store-42"), Reason.EXPIRED);
    }

    @Test
    void aStateJustBeforeExpiryStillVerifies() {
        String state = codec.issue("store-42");
        time.set(T0.plus(Duration.ofMinutes(10)).minusSeconds(1));

        assertThat(codec.verify(state, "store-42").storeId()).isEqualTo("store-42");
    }

    @Test
    void aReplayedStateFails() {
        String state = codec.issue("store-42");
        codec.verify(state, "store-42");

        assertFails(() -> codec.verify(state, "store-42"), Reason.REPLAYED);
    }

    @Test
    void aStateForAnotherStoreFails() {
        String state = codec.issue("store-42");

        assertFails(() -> codec.verify(state, "store-7"), Reason.WRONG_STORE);
    }

    @Test
    void theStoreComesBackFromTheSignedStateWhenTheCallbackDoesNotKnowIt() {
        String state = codec.issue("store-42");

        VerifiedState v = codec.verify(state);

        assertThat(v.storeId()).isEqualTo("store-42");
        assertFails(() -> codec.verify(state), Reason.REPLAYED);
        String[] p = codec.issue("store-42").split("\\.");
        p[1] = Base64.getUrlEncoder().withoutPadding().encodeToString("store-7".getBytes(StandardCharsets.UTF_8));
        assertFails(() -> codec.verify(String.join(".", p)), Reason.BAD_SIGNATURE);
        String old = codec.issue("store-42");
        time.advance(Duration.ofMinutes(11));
        assertFails(() -> codec.verify(old), Reason.EXPIRED);
    }

    @Test
    void malformedStatesFail() {
        assertFails(() -> codec.verify(null, "store-42"), Reason.MALFORMED);
        assertFails(() -> codec.verify("", "store-42"), Reason.MALFORMED);
        assertFails(() -> codec.verify("not-a-state", "store-42"), Reason.MALFORMED);
        assertFails(() -> codec.verify("v2.a.b.1.c", "store-42"), Reason.MALFORMED);
        assertFails(() -> codec.verify("v1.a.b.notanumber.c", "store-42"), Reason.MALFORMED);
        assertFails(() -> codec.verify("v1.a$.b.1.c", "store-42"), Reason.MALFORMED);
    }

    @Test
    void aKeyDerivedFromTheAppSecretIsStableAcrossInstances() {
        OAuthStateCodec a = OAuthStateCodec.builder().signingKeyDerivedFrom("app-secret").clock(clock).build();
        OAuthStateCodec b = OAuthStateCodec.builder().signingKeyDerivedFrom("app-secret").clock(clock).build();
        OAuthStateCodec c = OAuthStateCodec.builder().signingKeyDerivedFrom("other-secret").clock(clock).build();

        assertThat(b.verify(a.issue("s"), "s").storeId()).isEqualTo("s");
        assertFails(() -> c.verify(a.issue("s"), "s"), Reason.BAD_SIGNATURE);
    }

    @Test
    void sharedNonceStoreStopsReplaysAcrossInstances() {
        UsedNonceStore shared = UsedNonceStore.inMemory(100, clock);
        OAuthStateCodec a = OAuthStateCodec.builder().signingKey(KEY).clock(clock).usedNonceStore(shared).build();
        OAuthStateCodec b = OAuthStateCodec.builder().signingKey(KEY).clock(clock).usedNonceStore(shared).build();
        String state = a.issue("s");
        a.verify(state, "s");

        assertFails(() -> b.verify(state, "s"), Reason.REPLAYED);
    }

    @Test
    void builderNamesWhatIsWrong() {
        assertThatThrownBy(() -> OAuthStateCodec.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signingKey is required");
        assertThatThrownBy(() -> OAuthStateCodec.builder().signingKey(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> OAuthStateCodec.builder().ttl(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> codec.issue(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storeId must not be null or blank");
        assertThat(codec.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void inMemoryStoreIsBoundedAndDropsExpiredNoncesFirst() {
        UsedNonceStore store = UsedNonceStore.inMemory(2, clock);
        assertThat(store.markUsed("a", T0.plusSeconds(10))).isTrue();
        assertThat(store.markUsed("b", T0.plusSeconds(600))).isTrue();
        assertThat(store.markUsed("a", T0.plusSeconds(10))).isFalse();
        time.set(T0.plusSeconds(11));

        assertThat(store.markUsed("c", T0.plusSeconds(700))).isTrue();

        assertThat(store.markUsed("b", T0.plusSeconds(600))).as("unexpired b kept").isFalse();
        assertThat(store.markUsed("a", T0.plusSeconds(10))).as("expired a dropped").isTrue();
    }
}
