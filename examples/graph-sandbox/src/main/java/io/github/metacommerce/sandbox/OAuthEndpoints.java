package io.github.metacommerce.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The login dialog (a consent page) and the token endpoint. */
final class OAuthEndpoints {
    private final World world;

    OAuthEndpoints(World world) {
        this.world = world;
    }

    /** {@code GET /{v}/dialog/oauth}: the consent page, or straight back with a code under auto-approve. */
    Reply dialog(SandboxRequest r) {
        String clientId = r.param("client_id");
        if (clientId == null || !clientId.equals(world.settings.appId())) {
            return errorPage(400, "Invalid App ID", "The app ID " + (clientId == null ? "(none)" : clientId)
                    + " is not a valid app. Check the client_id of the login URL.");
        }
        String redirect = r.param("redirect_uri");
        String problem = redirectProblem(redirect);
        if (problem != null) {
            return errorPage(400, "URL blocked", problem);
        }
        List<String> scopes = scopes(r);
        String state = r.params.getOrDefault("state", "");
        if (world.settings.autoApprove()) {
            return approve(redirect, state, scopes);
        }
        StringBuilder list = new StringBuilder("<ul>");
        scopes.forEach(s -> list.append("<li>").append(Html.escape(s)).append("</li>"));
        list.append("</ul>");
        String body = "<div class=\"box\"><h1>" + Html.escape(world.settings.appName())
                + " wants to manage your catalogs</h1><p>Signed in as <b>"
                + Html.escape(world.users.get(World.MERCHANT_ID).name()) + "</b>. The app asks for:</p>" + list
                + "<form method=\"post\" action=\"/" + Html.escape(version(r)) + "/dialog/oauth/confirm\">"
                + hidden("client_id", clientId) + hidden("redirect_uri", redirect) + hidden("state", state)
                + hidden("scope", String.join(",", scopes))
                + "<button class=\"primary\" type=\"submit\" name=\"decision\" value=\"continue\" id=\"continue\">"
                + "Continue as " + Html.escape(world.users.get(World.MERCHANT_ID).name()) + "</button>"
                + "<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button>"
                + "</form></div>";
        return Reply.html(200, Html.page("Log in with Facebook (sandbox)", body));
    }

    /** {@code POST /{v}/dialog/oauth/confirm}: the merchant's decision. */
    Reply confirm(SandboxRequest r) {
        String clientId = r.param("client_id");
        if (clientId == null || !clientId.equals(world.settings.appId())) {
            return errorPage(400, "Invalid App ID", "The app ID is not a valid app.");
        }
        String redirect = r.param("redirect_uri");
        String problem = redirectProblem(redirect);
        if (problem != null) {
            return errorPage(400, "URL blocked", problem);
        }
        String state = r.params.getOrDefault("state", "");
        if ("continue".equals(r.param("decision"))) {
            return approve(redirect, state, scopes(r));
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("error", "access_denied");
        q.put("error_code", "200");
        q.put("error_description", "Permissions error");
        q.put("error_reason", "user_denied");
        q.put("state", state);
        return Reply.redirect(Html.withQuery(redirect, q));
    }

    private Reply approve(String redirect, String state, List<String> scopes) {
        World.AuthCode code = world.newCode(World.MERCHANT_ID, redirect, scopes);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("code", code.code());
        q.put("state", state);
        return Reply.redirect(Html.withQuery(redirect, q));
    }

    /** {@code GET|POST /{v}/oauth/access_token}: code exchange, long-lived exchange, app token. */
    Reply accessToken(SandboxRequest r) {
        String clientId = r.param("client_id");
        if (clientId == null || !clientId.equals(world.settings.appId())) {
            throw new GraphFailure(400, 101, null, "OAuthException",
                    "Error validating application. Invalid application ID.", false);
        }
        String secret = r.param("client_secret");
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                world.settings.appSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new GraphFailure(400, 1, null, "OAuthException", "Error validating client secret.", false);
        }
        String grant = r.params.getOrDefault("grant_type", "authorization_code");
        switch (grant) {
            case "fb_exchange_token": {
                String old = r.param("fb_exchange_token");
                Token t = old == null ? null : world.tokens.get(old);
                if (t == null || t.revoked || t.expired(world.clock.instant())) {
                    throw new GraphFailure(400, 190, t == null ? null : 463, "OAuthException",
                            "Error validating access token: the token to exchange is invalid or expired.", false);
                }
                Token longLived = world.mintToken(t.userId, t.scopes, World.LONG_LIVED);
                return tokenReply(longLived);
            }
            case "client_credentials":
                return Reply.json(Map.of("access_token", world.settings.appId() + "|" + world.settings.appSecret(),
                        "token_type", "bearer"));
            case "authorization_code": {
                String codeValue = r.param("code");
                if (codeValue == null) {
                    throw new GraphFailure(400, 100, null, "OAuthException", "Missing authorization code", false);
                }
                World.AuthCode code = world.codes.remove(codeValue);
                if (code == null) {
                    throw new GraphFailure(400, 100, 36009, "OAuthException",
                            "This authorization code has been used or is invalid.", false);
                }
                if (!world.clock.instant().isBefore(code.expiresAt())) {
                    throw new GraphFailure(400, 100, 36007, "OAuthException", "This authorization code has expired.",
                            false);
                }
                if (!code.redirectUri().equals(r.param("redirect_uri"))) {
                    throw new GraphFailure(400, 100, 36008, "OAuthException", "Error validating verification code. "
                            + "Please make sure your redirect_uri is identical to the one you used in the OAuth "
                            + "dialog request", false);
                }
                return tokenReply(world.mintToken(code.userId(), code.scopes(), World.SHORT_LIVED));
            }
            default:
                throw GraphFailure.invalidParameter("Unsupported grant_type " + grant);
        }
    }

    private Reply tokenReply(Token t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", t.value);
        body.put("token_type", "bearer");
        if (t.expiresAt != null) {
            body.put("expires_in", t.expiresAt.getEpochSecond() - world.clock.instant().getEpochSecond());
        }
        return Reply.json(body);
    }

    private String redirectProblem(String redirect) {
        if (redirect == null || redirect.isBlank()) {
            return "The login URL has no redirect_uri.";
        }
        try {
            URI u = new URI(redirect);
            if (!u.isAbsolute() || u.getHost() == null) {
                return "redirect_uri must be an absolute URL.";
            }
        } catch (URISyntaxException e) {
            return "redirect_uri is not a valid URL.";
        }
        List<String> allowed = world.settings.redirectUris();
        if (!allowed.isEmpty() && !allowed.contains(redirect)) {
            return "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth "
                    + "Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid "
                    + "OAuth Redirect URIs.";
        }
        return null;
    }

    private static List<String> scopes(SandboxRequest r) {
        String raw = r.param("scope");
        if (raw == null) {
            return r.param("config_id") != null ? List.of("catalog_management", "business_management")
                    : World.DEFAULT_SCOPES;
        }
        List<String> out = new ArrayList<>();
        for (String s : raw.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String version(SandboxRequest r) {
        return r.version.isEmpty() ? "v27.0" : r.version;
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static Reply errorPage(int status, String title, String message) {
        return Reply.html(status, Html.page(title, "<div class=\"box\"><h1 class=\"err\">" + Html.escape(title)
                + "</h1><p>" + Html.escape(message) + "</p></div>"));
    }
}
