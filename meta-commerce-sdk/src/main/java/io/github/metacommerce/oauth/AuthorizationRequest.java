package io.github.metacommerce.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask for in Meta's login dialog: where to come back, the signed state, and either permissions
 * ({@code scope}) or a Facebook Login for Business configuration ({@code config_id}).
 *
 * <pre>{@code
 * URI url = client.oauth().authorizationUrl(AuthorizationRequest.builder()
 *         .redirectUri("https://shop.example/meta/callback")
 *         .state(stateCodec.issue(storeId))
 *         .build());
 * }</pre>
 *
 * <p>Immutable; created only through {@link #builder()}.
 */
public final class AuthorizationRequest {

    /**
     * The permissions requested unless told otherwise: {@code catalog_management}, {@code business_management},
     * {@code pages_read_engagement}, {@code instagram_basic}.
     */
    public static final List<String> DEFAULT_SCOPES =
            List.of("catalog_management", "business_management", "pages_read_engagement", "instagram_basic");

    private final String redirectUri;
    private final String state;
    private final List<String> scopes;
    private final Optional<String> configId;
    private final boolean rerequest;

    private AuthorizationRequest(String redirectUri, String state, List<String> scopes, Optional<String> configId,
            boolean rerequest) {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new IllegalArgumentException("redirectUri must not be null or blank");
        }
        if (!redirectUri.startsWith("https://") && !redirectUri.startsWith("http://")) {
            throw new IllegalArgumentException("redirectUri must be an absolute http(s) URL, was: " + redirectUri);
        }
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("state must not be null or blank; issue one with OAuthStateCodec");
        }
        scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
        for (String s : scopes) {
            if (s == null || s.isBlank() || s.contains(",")) {
                throw new IllegalArgumentException("scopes must be permission names without commas, was: " + s);
            }
        }
        Objects.requireNonNull(configId, "configId");
        if (configId.isEmpty() && scopes.isEmpty()) {
            throw new IllegalArgumentException("either scopes or configId must be set");
        }
        this.redirectUri = redirectUri;
        this.state = state;
        this.scopes = scopes;
        this.configId = configId;
        this.rerequest = rerequest;
    }

    /**
     * Returns where Meta sends the browser back.
     *
     * @return the redirect URI; must match the app's Valid OAuth Redirect URIs exactly
     */
    public String redirectUri() {
        return redirectUri;
    }

    /**
     * Returns the anti-CSRF state, echoed back unchanged (see {@link OAuthStateCodec}).
     *
     * @return the state
     */
    public String state() {
        return state;
    }

    /**
     * Returns the permissions to request; ignored when {@link #configId()} is set.
     *
     * @return the permission names
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Returns the Facebook Login for Business configuration id, used instead of scopes.
     *
     * @return the configuration id, when set
     */
    public Optional<String> configId() {
        return configId;
    }

    /**
     * Returns whether to ask again for permissions the user declined before ({@code auth_type=rerequest}).
     *
     * @return whether to re-request
     */
    public boolean rerequest() {
        return rerequest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorizationRequest r && redirectUri.equals(r.redirectUri) && state.equals(r.state)
                && scopes.equals(r.scopes) && configId.equals(r.configId) && rerequest == r.rerequest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(redirectUri, state, scopes, configId, rerequest);
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[redirectUri=" + redirectUri + ", state=" + state + ", scopes=" + scopes
                + ", configId=" + configId + ", rerequest=" + rerequest + "]";
    }

    /**
     * Starts a builder with the default scopes.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AuthorizationRequest}. */
    public static final class Builder {
        private String redirectUri;
        private String state;
        private final List<String> scopes = new ArrayList<>(DEFAULT_SCOPES);
        private String configId;
        private boolean rerequest;

        private Builder() {
        }

        /**
         * Sets the redirect URI (required).
         *
         * @param redirectUri the exact callback URL registered with the app
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * Sets the state (required).
         *
         * @param state the signed state from {@link OAuthStateCodec#issue(String)}
         * @return this builder
         */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        /**
         * Replaces the permissions to request.
         *
         * @param scopes permission names
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes.clear();
            this.scopes.addAll(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * Uses a Facebook Login for Business configuration instead of scopes.
         *
         * @param configId the configuration id from the App Dashboard
         * @return this builder
         */
        public Builder configId(String configId) {
            if (configId == null || configId.isBlank()) {
                throw new IllegalArgumentException("configId must not be null or blank");
            }
            this.configId = configId.strip();
            return this;
        }

        /**
         * Asks again for permissions the user declined before.
         *
         * @param rerequest whether to send {@code auth_type=rerequest}
         * @return this builder
         */
        public Builder rerequest(boolean rerequest) {
            this.rerequest = rerequest;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException naming the missing or bad option
         */
        public AuthorizationRequest build() {
            return new AuthorizationRequest(redirectUri, state, scopes, Optional.ofNullable(configId), rerequest);
        }
    }
}
