package io.github.metacommerce.sandbox;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link GraphSandbox} for a test class on a free port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxExtension sandbox = SandboxExtension.create();
 *
 * @Test
 * void listsBusinesses() {
 *     MetaCommerceClient client = MetaCommerceClient.builder()
 *             .appId(sandbox.appId()).appSecret(sandbox.appSecret())
 *             .graphBaseUrl(sandbox.baseUrl()).dialogBaseUrl(sandbox.baseUrl()).build();
 *     assertThat(client.graph(sandbox.mintUserToken()).businesses()).hasSize(2);
 * }
 * }</pre>
 *
 * <p>Test methods may also take a {@link GraphSandbox} parameter. The sandbox is shared by the class's tests; call
 * {@link #reset()} for a fresh start.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final GraphSandbox sandbox;

    private SandboxExtension(GraphSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Creates the extension with the default sandbox settings.
     *
     * @return the extension
     */
    public static SandboxExtension create() {
        return create(b -> { });
    }

    /**
     * Creates the extension with customised settings.
     *
     * @param customizer changes the builder, e.g. {@code b -> b.batchCallsPerMinute(1000)}
     * @return the extension
     */
    public static SandboxExtension create(Consumer<GraphSandbox.Builder> customizer) {
        GraphSandbox.Builder b = GraphSandbox.builder();
        customizer.accept(b);
        return new SandboxExtension(b.build());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == GraphSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return sandbox;
    }

    /**
     * Returns the running sandbox.
     *
     * @return the sandbox
     */
    public GraphSandbox sandbox() {
        return sandbox;
    }

    /**
     * Returns the base URL (Graph and dialog).
     *
     * @return the base URL
     */
    public String baseUrl() {
        return sandbox.baseUrl();
    }

    /**
     * Returns the app id.
     *
     * @return the app id
     */
    public String appId() {
        return sandbox.appId();
    }

    /**
     * Returns the app secret.
     *
     * @return the app secret
     */
    public String appSecret() {
        return sandbox.appSecret();
    }

    /**
     * Issues a user token with the default permissions.
     *
     * @return the token
     */
    public String mintUserToken() {
        return sandbox.mintUserToken();
    }

    /**
     * Issues a user token with these permissions.
     *
     * @param scopes the permissions
     * @return the token
     */
    public String mintUserToken(List<String> scopes) {
        return sandbox.mintUserToken(scopes);
    }

    /** Resets the sandbox to its starting state. */
    public void reset() {
        sandbox.reset();
    }
}
