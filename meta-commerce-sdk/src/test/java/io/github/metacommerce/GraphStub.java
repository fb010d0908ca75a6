package io.github.metacommerce;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support: a WireMock server standing in for graph.facebook.com, a client wired to it with a fixed clock and
 * a sleeper that records instead of sleeping, and an after-each check that no request went unmatched.
 */
public final class GraphStub implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    public static final String APP_ID = "1234567890";
    public static final String APP_SECRET = "s3cr3t-app-secret-0123456789";
    public static final String TOKEN = "EAAB-merchant-token-abcdefghijklmnopqrstuvwxyz";
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    public final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
                        .build();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public String baseUrl() {
        return wm.getRuntimeInfo().getHttpBaseUrl();
    }

    /** A builder pointed at the stub, with fast deterministic retries. */
    public MetaCommerceClient.Builder clientBuilder() {
        return MetaCommerceClient.builder()
                .appId(APP_ID)
                .appSecret(APP_SECRET)
                .graphBaseUrl(baseUrl())
                .dialogBaseUrl("https://www.facebook.com")
                .clock(clock)
                .sleeper(sleeps::add)
                .readTimeout(Duration.ofSeconds(5))
                .retry(RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100)).build());
    }

    public MetaCommerceClient client() {
        return clientBuilder().build();
    }

    /** Reads a fixture under src/test/resources/graph/v27.0, with {{BASE}} replaced by the stub's URL. */
    public String fixture(String name) {
        try (InputStream in = GraphStub.class.getResourceAsStream("/graph/v27.0/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Computes the expected proof independently of the SDK. */
    public static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder b = new StringBuilder();
            for (byte x : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String proof() {
        return hmacHex(APP_SECRET, TOKEN);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        wm.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        sleeps.clear();
        wm.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        assertThat(wm.findAllUnmatchedRequests()).as("requests no stub matched").isEmpty();
        wm.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        wm.afterAll(context);
    }
}
