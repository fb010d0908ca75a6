package io.github.metacommerce.admin.connection;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.graph.GraphClient;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Graph calls on behalf of a store: decrypts its token only for the call, and when Meta reports the token invalid
 * or expired marks the connection "reconnect required" before the failure reaches the merchant.
 */
@Component
public class MetaAccess {
    private static final Logger log = LoggerFactory.getLogger(MetaAccess.class);

    private final MetaCommerceClient client;
    private final MetaConnections connections;
    private final TokenCipher cipher;

    MetaAccess(MetaCommerceClient client, MetaConnections connections, TokenCipher cipher) {
        this.client = client;
        this.connections = connections;
        this.cipher = cipher;
    }

    /**
     * Returns the store's connection.
     *
     * @param store the store
     * @return the connection
     * @throws ApiException 400 {@code not_connected} when the store has none
     */
    public MetaConnection require(CurrentStore store) {
        return connections.find(store.id()).orElseThrow(() -> ApiException.precondition("authentication_error",
                "not_connected", "This store is not connected to Meta yet: connect with Facebook first."));
    }

    /**
     * Runs Graph calls with the store's token.
     *
     * @param store the store
     * @param calls what to do with the store's Graph client
     * @param <T> the result type
     * @return the result
     * @throws ApiException when the store is not connected or must reconnect
     */
    public <T> T call(CurrentStore store, Function<GraphClient, T> calls) {
        MetaConnection connection = require(store);
        if (!connection.usable()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "authentication_error", "reconnect_required",
                    Optional.empty(), "Meta no longer accepts this store's connection ("
                            + connection.statusReason().orElse("token expired or revoked")
                            + "). Reconnect with Facebook.");
        }
        String token = cipher.decrypt(connection.encryptedToken(), store.id());
        try {
            return calls.apply(client.graph(token));
        } catch (OAuthException e) {
            String reason = describe(e);
            log.warn("Meta refused the token of store {}: {}; marking the connection reconnect-required",
                    store.id(), reason);
            connections.markReconnectRequired(store.id(), reason);
            throw e;
        }
    }

    static String describe(OAuthException e) {
        return switch (e.reason()) {
            case EXPIRED -> "the token expired";
            case PASSWORD_CHANGED -> "the Facebook password was changed";
            case APP_NOT_INSTALLED -> "the app was removed from the Facebook account";
            case INVALID_TOKEN -> "the token was revoked or the user logged out";
            case USER_CHECKPOINTED -> "Facebook asks the user to log in at facebook.com first";
            default -> "Meta reports the token invalid";
        };
    }
}
