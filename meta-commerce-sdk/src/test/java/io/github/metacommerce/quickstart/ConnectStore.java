package io.github.metacommerce.quickstart;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.OAuthCallback;
import io.github.metacommerce.oauth.OAuthStateCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

// The README's quick start is this class, between the markers; ReadmeQuickStartTest keeps the two identical
// and runs it.
// tag::quickstart[]
public final class ConnectStore {
    private final MetaCommerceClient client;
    private final OAuthStateCodec states;

    public ConnectStore(String appId, String appSecret, String graphBaseUrl) {
        client = MetaCommerceClient.builder()
                .appId(appId)
                .appSecret(appSecret)
                .graphBaseUrl(graphBaseUrl) // https://graph.facebook.com unless you point it at a sandbox
                .build();
        states = OAuthStateCodec.builder().signingKeyDerivedFrom(appSecret).build();
    }

    /** Step 1: where to send the merchant's browser. */
    public URI loginUrl(String storeId, String redirectUri) {
        return client.oauth().authorizationUrl(AuthorizationRequest.builder()
                .redirectUri(redirectUri)
                .state(states.issue(storeId))
                .build());
    }

    /** Step 2: Meta sent the browser back; check it, get a long-lived token, list the catalogs. */
    public List<String> onCallback(String storeId, String redirectUri, String callbackQuery) {
        OAuthCallback callback = OAuthCallback.parse(callbackQuery);
        if (callback instanceof OAuthCallback.Denied denied) {
            throw new IllegalStateException("The merchant cancelled: " + denied.error());
        }
        OAuthCallback.Authorized authorized = (OAuthCallback.Authorized) callback;
        states.verify(authorized.state(), storeId); // forged, expired, replayed or cross-store: throws
        AccessToken shortLived = client.oauth().exchangeCode(authorized.code(), redirectUri);
        AccessToken token = client.oauth().exchangeForLongLivedToken(shortLived.value());

        GraphClient graph = client.graph(token);
        List<String> catalogs = new ArrayList<>();
        for (Business business : graph.businesses()) { // pages are fetched lazily
            for (Catalog catalog : graph.ownedCatalogs(business.id())) {
                catalogs.add(business.name() + " / " + catalog.name() + " (" + catalog.productCount() + " items)");
            }
        }
        return catalogs;
    }
}
// end::quickstart[]
