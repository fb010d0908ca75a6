package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the SDK is configured and, from a {@link TokenExpirySource}, which stores' tokens have expired or
 * expire soon ("token expires in 5 days"). It never calls Meta, so probes stay cheap and within rate limits.
 */
public final class MetaCommerceHealthIndicator implements HealthIndicator {
    private final MetaCommerceClient client;
    private final List<TokenExpirySource> sources;
    private final Duration warning;
    private final Clock clock;

    /**
     * Creates the indicator.
     *
     * @param client the configured client
     * @param sources where connected stores come from (may be empty)
     * @param warning tokens expiring within this time are listed as expiring soon
     */
    public MetaCommerceHealthIndicator(MetaCommerceClient client, List<TokenExpirySource> sources,
            Duration warning) {
        this.client = client;
        this.sources = List.copyOf(sources);
        this.warning = warning;
        this.clock = client.clock();
    }

    @Override
    public Health health() {
        Health.Builder b = Health.up().withDetail("appId", client.appId())
                .withDetail("apiVersion", client.apiVersion().toString())
                .withDetail("graphBaseUrl", client.graphBaseUrl().toString());
        Instant now = clock.instant();
        Map<String, String> expired = new LinkedHashMap<>();
        Map<String, String> expiringSoon = new LinkedHashMap<>();
        int stores = 0;
        for (TokenExpirySource source : sources) {
            for (ConnectedStore s : source.connectedStores()) {
                stores++;
                if (s.tokenExpiresAt().isEmpty()) {
                    continue;
                }
                Duration left = Duration.between(now, s.tokenExpiresAt().get());
                if (left.isNegative() || left.isZero()) {
                    expired.put(s.storeId(), "token expired at " + s.tokenExpiresAt().get());
                } else if (left.compareTo(warning) <= 0) {
                    long days = left.toDays();
                    expiringSoon.put(s.storeId(), days >= 1 ? "token expires in " + days + " day"
                            + (days == 1 ? "" : "s") : "token expires in " + Math.max(1, left.toHours()) + " hours");
                }
            }
        }
        if (!sources.isEmpty()) {
            b.withDetail("connectedStores", stores);
        }
        if (!expiringSoon.isEmpty()) {
            b.withDetail("expiringSoon", expiringSoon);
        }
        if (!expired.isEmpty()) {
            b.withDetail("expired", expired);
        }
        return b.build();
    }
}
