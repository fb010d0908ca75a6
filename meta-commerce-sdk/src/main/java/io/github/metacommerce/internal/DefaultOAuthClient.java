package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.graph.GraphApiVersion;
import io.github.metacommerce.graph.HttpMethod;
import io.github.metacommerce.oauth.AccessToken;
import io.github.metacommerce.oauth.AuthorizationRequest;
import io.github.metacommerce.oauth.GranularScope;
import io.github.metacommerce.oauth.OAuthClient;
import io.github.metacommerce.oauth.TokenInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link OAuthClient} of one app. */
public final class DefaultOAuthClient implements OAuthClient {
    private final GraphHttp http;
    private final URI dialogBaseUrl;
    private final GraphApiVersion version;
    private final String appId;
    private final String appSecret;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param http the transport
     * @param dialogBaseUrl the dialog host, e.g. https://www.facebook.com
     * @param appId the app id
     * @param appSecret the app secret
     */
    public DefaultOAuthClient(GraphHttp http, URI dialogBaseUrl, String appId, String appSecret) {
        this.http = http;
        this.dialogBaseUrl = dialogBaseUrl;
        this.version = http.settings().version();
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = http.settings().clock();
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", appId);
        q.put("redirect_uri", request.redirectUri());
        q.put("state", request.state());
        q.put("response_type", "code");
        if (request.configId().isPresent()) {
            q.put("config_id", request.configId().get());
        } else {
            q.put("scope", String.join(",", request.scopes()));
        }
        if (request.rerequest()) {
            q.put("auth_type", "rerequest");
        }
        return URI.create(dialogBaseUrl + "/" + version + "/dialog/oauth?" + FormEncoding.encode(q));
    }

    @Override
    public AccessToken exchangeCode(String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", appId);
        form.put("client_secret", appSecret);
        form.put("redirect_uri", Args.requireText(redirectUri, "redirectUri"));
        form.put("code", Args.requireText(code, "code"));
        return token(form);
    }

    @Override
    public AccessToken exchangeForLongLivedToken(String shortLivedToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "fb_exchange_token");
        form.put("client_id", appId);
        form.put("client_secret", appSecret);
        form.put("fb_exchange_token", Args.requireText(shortLivedToken, "shortLivedToken"));
        return token(form);
    }

    @Override
    public TokenInfo inspectToken(String token) {
        String input = Args.requireText(token, "token");
        GraphResult r = http.execute(GraphCallSpec.of(HttpMethod.GET, "debug_token", Map.of("input_token", input),
                appId + "|" + appSecret, ErrorContext.GENERAL));
        JsonNode data = r.body().get("data");
        if (data == null || !data.isObject()) {
            throw new GraphResponseParseException("debug_token answered without a \"data\" object", r.status(), "",
                    null);
        }
        List<GranularScope> granular = new ArrayList<>();
        JsonNode gs = data.get("granular_scopes");
        if (gs != null && gs.isArray()) {
            for (JsonNode g : gs) {
                Json.text(g, "scope").ifPresent(s -> granular.add(GranularScope.of(s, Json.strings(g, "target_ids"))));
            }
        }
        Redactor redactor = Redactor.of(input, appSecret);
        return TokenInfo.builder()
                .valid(data.path("is_valid").asBoolean(false))
                .appId(Json.text(data, "app_id").orElse(""))
                .userId(Json.text(data, "user_id").orElse(null))
                .type(Json.text(data, "type").orElse(null))
                .application(Json.text(data, "application").orElse(null))
                .scopes(Json.strings(data, "scopes"))
                .granularScopes(granular)
                .expiresAt(epoch(data, "expires_at").orElse(null))
                .dataAccessExpiresAt(epoch(data, "data_access_expires_at").orElse(null))
                .issuedAt(epoch(data, "issued_at").orElse(null))
                .error(Json.text(data.path("error"), "message").map(redactor::redact).orElse(null))
                .build();
    }

    @Override
    public void revoke(String token) {
        new DefaultGraphClient(http, Args.requireText(token, "token")).revokePermissions();
    }

    @Override
    public String toString() {
        return "OAuthClient[appId=" + appId + ", appSecret=****]";
    }

    private AccessToken token(Map<String, String> form) {
        GraphResult r = http.execute(GraphCallSpec.of(HttpMethod.POST, "oauth/access_token", form, null,
                ErrorContext.GENERAL));
        String value = Json.text(r.body(), "access_token").filter(s -> !s.isBlank())
                .orElseThrow(() -> new GraphResponseParseException("token exchange answered without access_token",
                        r.status(), "", null));
        Optional<Instant> expiresAt = Json.number(r.body(), "expires_in").filter(s -> s > 0)
                .map(s -> clock.instant().plusSeconds(s));
        return AccessToken.of(value, expiresAt);
    }

    /** Reads a Unix time; 0 or absent means none (Meta uses {@code expires_at: 0} for tokens that never expire). */
    private static Optional<Instant> epoch(JsonNode n, String field) {
        return Json.number(n, field).filter(v -> v > 0).map(Instant::ofEpochSecond);
    }
}
