package io.github.metacommerce.admin.connection;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthDeniedException;
import io.github.metacommerce.exception.OAuthStateException;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.TokenInfo;
import io.github.metacommerce.spring.MetaCommerceLogin;
import io.github.metacommerce.spring.StoreConnection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * The OAuth connection's orchestration: completing the callback (state, membership, code and token exchange,
 * {@code debug_token}, encrypted storage) and disconnecting (revoke at Meta, then delete). Every failure of the
 * callback ends in one of {@link ConnectOutcome}'s codes with nothing stored.
 */
@Service
public class ConnectFlow {
    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);

    private final MetaCommerceLogin login;
    private final MetaCommerceClient client;
    private final Stores stores;
    private final MetaConnections connections;
    private final TokenCipher cipher;

    ConnectFlow(MetaCommerceLogin login, MetaCommerceClient client, Stores stores, MetaConnections connections,
            TokenCipher cipher) {
        this.login = login;
        this.client = client;
        this.stores = stores;
        this.connections = connections;
        this.cipher = cipher;
    }

    /** What a disconnect did. */
    public record Disconnected(boolean existed, boolean revoked) {
    }

    /**
     * Completes a callback.
     *
     * @param query the raw query string Meta sent
     * @return the query to redirect with: {@code success=connected} or {@code error=<code>}
     */
    public String complete(String query) {
        MetaCommerceLogin.VerifiedCallback callback;
        try {
            callback = login.verify(query);
        } catch (OAuthDeniedException e) {
            log.info("OAuth dialog denied: {}", e.reason());
            return "error=" + ConnectOutcome.ACCESS_DENIED;
        } catch (OAuthStateException e) {
            log.warn("OAuth callback refused: state {}", e.reason());
            return "error=" + switch (e.reason()) {
                case EXPIRED -> ConnectOutcome.STATE_EXPIRED;
                case REPLAYED -> ConnectOutcome.STATE_REPLAYED;
                case WRONG_STORE -> ConnectOutcome.FOREIGN_STORE;
                default -> ConnectOutcome.INVALID_STATE;
            };
        } catch (IllegalArgumentException e) {
            log.warn("OAuth callback refused: {}", e.getMessage());
            return "error=" + ConnectOutcome.INVALID_CALLBACK;
        }
        // Membership first: the code of a store the user may not connect is never exchanged.
        Optional<Long> storeId = parseId(callback.storeId());
        Optional<AdminUser> user = CurrentStoreResolver.signedInUser();
        boolean owner = storeId.isPresent() && user.isPresent() && stores.membership(storeId.get(), user.get().id())
                .map(m -> m.role() == Role.OWNER).orElse(false);
        if (!owner) {
            log.warn("OAuth callback refused: user {} may not connect store {}",
                    user.map(AdminUser::username).orElse("-"), callback.storeId());
            return "error=" + ConnectOutcome.FOREIGN_STORE;
        }
        StoreConnection connection;
        try {
            connection = callback.exchange();
        } catch (MetaCommerceException e) {
            log.warn("OAuth code exchange failed: {}", e.getMessage());
            return "error=" + ConnectOutcome.EXCHANGE_FAILED;
        }
        long id = storeId.get();
        MDC.put("storeId", Long.toString(id));
        try {
            AccessToken token = connection.token();
            TokenInfo info;
            try {
                info = client.oauth().inspectToken(token.value());
            } catch (MetaCommerceException e) {
                log.warn("debug_token failed for the new token: {}", e.getMessage());
                return "error=" + ConnectOutcome.EXCHANGE_FAILED;
            }
            if (!info.valid() || !info.issuedFor(client.appId())) {
                log.warn("Meta reports the new token invalid or issued for another app (valid={}, app={})",
                        info.valid(), info.appId());
                return "error=" + ConnectOutcome.TOKEN_INVALID;
            }
            connections.saveToken(id, cipher.encrypt(token.value(), id),
                    token.expiresAt().or(info::expiresAt), info.scopes(), info.userId());
            log.info("Store {} connected to Meta (user {}, {} permissions, expires {})", id,
                    info.userId().orElse("?"), info.scopes().size(),
                    token.expiresAt().or(info::expiresAt).map(Object::toString).orElse("never"));
            return "success=connected";
        } finally {
            MDC.remove("storeId");
        }
    }

    /**
     * Disconnects a store: revokes the app's permissions at Meta, then deletes the token and the connection, even
     * when Meta cannot be reached.
     *
     * @param store the store
     * @return what happened
     */
    public Disconnected disconnect(CurrentStore store) {
        Optional<MetaConnection> connection = connections.find(store.id());
        boolean revoked = false;
        if (connection.isPresent()) {
            try {
                String token = cipher.decrypt(connection.get().encryptedToken(), store.id());
                client.graph(token).revokePermissions();
                revoked = true;
            } catch (MetaCommerceException | IllegalStateException e) {
                log.warn("Store {}: revoking the app's permissions at Meta failed ({}); disconnecting anyway",
                        store.id(), e.getMessage());
            }
        }
        boolean existed = connections.delete(store.id());
        log.info("Store {} disconnected from Meta (was connected: {}, revoked at Meta: {})", store.id(), existed,
                revoked);
        return new Disconnected(existed, revoked);
    }

    private static Optional<Long> parseId(String storeId) {
        try {
            return Optional.of(Long.parseLong(storeId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
