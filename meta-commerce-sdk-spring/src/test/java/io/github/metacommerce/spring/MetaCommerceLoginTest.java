package io.github.metacommerce.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.exception.InvalidRequestException;
import io.github.metacommerce.exception.OAuthDeniedException;
import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.oauth.OAuthStateCodec;
import io.github.metacommerce.sandbox.SandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every outcome a callback can meet, through Meta's (the sandbox's) dialog. */
class MetaCommerceLoginTest {
    private static final String REDIRECT = "https://shop.example/meta/callback";

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.autoApprove(true).redirectUri(REDIRECT));

    private final VirtualTime time = VirtualTime.startingAt(Instant.now());
    private final MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId())
            .appSecret(sandbox.appSecret()).graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl())
            .build();
    private final OAuthStateCodec states = OAuthStateCodec.builder().signingKeyDerivedFrom(sandbox.appSecret())
            .clock(time.clock()).build();
    private final MetaCommerceLogin login = new MetaCommerceLogin(client, states, REDIRECT,
            List.of("catalog_management", "business_management"), Optional.empty());
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Opens the login URL as the merchant's browser would and returns the query Meta sends to the redirect URI. */
    private String dialog(String storeId) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(login.loginUrl(storeId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT + "?");
        return back.getRawQuery();
    }

    private static void assertReason(Runnable r, OAuthStateException.Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(OAuthStateException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void theStoreComesBackFromTheVerifiedState() throws Exception {
        StoreConnection c = login.complete(dialog("shop-7"));

        assertThat(c.storeId()).isEqualTo("shop-7");
        assertThat(client.oauth().inspectToken(c.token().value()).valid()).isTrue();
        assertThat(c.toString()).doesNotContain(c.token().value());
    }

    @Test
    void verifyNamesTheStoreBeforeAnyCodeIsExchangedAndTheCodeWorksOnce() throws Exception {
        String query = dialog("shop-9");
        MetaCommerceLogin.VerifiedCallback callback = login.verify(query);
        assertThat(callback.storeId()).isEqualTo("shop-9");
        assertThat(callback.toString()).doesNotContain(query.substring(query.indexOf("code=") + 5, query.indexOf('&')));
        assertReason(() -> login.verify(query), OAuthStateException.Reason.REPLAYED);

        StoreConnection c = callback.exchange();
        assertThat(c.storeId()).isEqualTo("shop-9");
        assertThat(client.oauth().inspectToken(c.token().value()).valid()).isTrue();
        assertThatThrownBy(callback::exchange).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOldFormStillChecksTheStore() throws Exception {
        assertThat(login.complete("shop-7", dialog("shop-7")).value()).isNotBlank();
        assertReason(() -> {
            try {
                login.complete("shop-8", dialog("shop-7"));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }, OAuthStateException.Reason.WRONG_STORE);
    }

    @Test
    void aCancelledDialogIsAnOAuthDeniedExceptionWithMetasReason() {
        String query = "error=access_denied&error_code=200&error_description=Permissions+error"
                + "&error_reason=user_denied&state=" + states.issue("shop-7");

        assertThatThrownBy(() -> login.complete(query)).isInstanceOfSatisfying(OAuthDeniedException.class, e -> {
            assertThat(e.reason()).contains("user_denied");
            assertThat(e.error()).isEqualTo("access_denied");
            assertThat(e.description()).contains("Permissions error");
            assertThat(e.isRetryable()).isFalse();
        });
    }

    @Test
    void aReplayedCallbackIsReplayed() throws Exception {
        String query = dialog("shop-7");
        login.complete(query);

        assertReason(() -> login.complete(query), OAuthStateException.Reason.REPLAYED);
    }

    @Test
    void aForgedStateIsABadSignature() throws Exception {
        String query = dialog("shop-7");
        OAuthStateCodec attacker = OAuthStateCodec.builder().signingKeyDerivedFrom("another-secret").build();
        String forged = query.replaceAll("state=[^&]*", "state=" + attacker.issue("shop-7"));

        assertReason(() -> login.complete(forged), OAuthStateException.Reason.BAD_SIGNATURE);
        assertReason(() -> login.complete(query.replaceAll("&?state=[^&]*", "")), OAuthStateException.Reason.MALFORMED);
    }

    @Test
    void aSlowMerchantMeetsAnExpiredState() throws Exception {
        String query = dialog("shop-7");
        time.advance(states.ttl().plus(Duration.ofSeconds(1)));

        assertReason(() -> login.complete(query), OAuthStateException.Reason.EXPIRED);
    }

    @Test
    void aFailedExchangeIsTheSdksExceptionForMetasAnswer() throws Exception {
        String query = dialog("shop-7");
        login.complete(query);
        String reusedCode = query.replaceAll("state=[^&]*", "state=" + states.issue("shop-7"));

        assertThatThrownBy(() -> login.complete(reusedCode)).isInstanceOf(InvalidRequestException.class)
                .isNotInstanceOf(OAuthStateException.class).hasMessageNotContaining(sandbox.appSecret());
    }

    @Test
    void aRequestThatDidNotComeFromTheDialogIsAnIllegalArgument() {
        assertThatThrownBy(() -> login.complete("foo=bar")).isInstanceOf(IllegalArgumentException.class);
    }
}
