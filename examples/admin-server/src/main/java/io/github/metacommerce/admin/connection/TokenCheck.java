package io.github.metacommerce.admin.connection;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.oauth.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily token check: asks Meta ({@code debug_token}) about every usable connection's token and marks those
 * that are expired or revoked "reconnect required", and notes those that expire soon, so the merchant learns of it
 * from the connection page, not from a failed sync.
 */
@Component
public class TokenCheck {
    /** A token that expires within this is flagged on the connection. */
    public static final Duration EXPIRING_SOON = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(TokenCheck.class);

    private final MetaCommerceClient client;
    private final MetaConnections connections;
    private final TokenCipher cipher;
    private final Clock clock;

    TokenCheck(MetaCommerceClient client, MetaConnections connections, TokenCipher cipher, Clock clock) {
        this.client = client;
        this.connections = connections;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What the check found. */
    public record Result(int checked, int reconnectRequired, int expiringSoon, int unreachable) {
    }

    /**
     * Checks every usable connection.
     *
     * @return the tally
     */
    public Result checkAll() {
        int checked = 0;
        int marked = 0;
        int soon = 0;
        int unreachable = 0;
        for (long storeId : connections.usableStores()) {
            Optional<MetaConnection> c = connections.find(storeId);
            if (c.isEmpty() || !c.get().usable()) {
                continue;
            }
            checked++;
            TokenInfo info;
            try {
                info = client.oauth().inspectToken(cipher.decrypt(c.get().encryptedToken(), storeId));
            } catch (MetaCommerceException e) {
                unreachable++;
                log.warn("Token check of store {} failed: {}", storeId, e.getMessage());
                continue;
            }
            Instant now = clock.instant();
            if (!info.valid() || info.isExpired(clock)) {
                String reason = !info.valid() ? "Meta reports the token invalid (revoked, or the password changed)"
                        + info.error().map(e -> ": " + e).orElse("") : "the token expired";
                connections.markReconnectRequired(storeId, reason);
                marked++;
                log.warn("Store {}: {}; marked reconnect-required", storeId, reason);
            } else if (info.expiresAt().filter(t -> t.isBefore(now.plus(EXPIRING_SOON))).isPresent()) {
                soon++;
                Instant at = info.expiresAt().get();
                connections.tokenChecked(storeId, info.expiresAt(), Optional.of("The token expires on " + at
                        + ": reconnect with Facebook before then."));
                log.info("Store {}: the token expires on {}", storeId, at);
            } else {
                connections.tokenChecked(storeId, info.expiresAt(), Optional.empty());
            }
        }
        log.info("Token check: {} connections checked, {} must reconnect, {} expire soon, {} not checked",
                checked, marked, soon, unreachable);
        return new Result(checked, marked, soon, unreachable);
    }
}
