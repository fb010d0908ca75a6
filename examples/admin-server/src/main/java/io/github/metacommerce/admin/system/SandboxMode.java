package io.github.metacommerce.admin.system;

import io.github.metacommerce.sandbox.GraphSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the server talks to Meta or to the embedded Graph sandbox, and in
 * sandbox mode points the SDK's {@code meta.commerce.*} settings at it.
 *
 * <p>Sandbox mode is on when {@code admin.sandbox.enabled} says so, or, when that is unset, when no Meta app id is
 * configured ({@code META_APP_ID} / {@code meta.commerce.app-id}). The sandbox then gets a port (from
 * {@code admin.sandbox.port}, or a free one), the SDK its app id and secret, its Graph and dialog base URLs, and
 * the redirect URI {@code <admin.public-url>/api/meta-commerce/auth/callback}.
 */
public final class SandboxMode implements EnvironmentPostProcessor {

    /** The property that tells the rest of the server that sandbox mode is on. */
    public static final String ACTIVE = "admin.sandbox.active";
    /** The sandbox's resolved port. */
    public static final String PORT = "admin.sandbox.resolved-port";
    /** The callback path, relative to the public URL. */
    public static final String CALLBACK_PATH = "/api/meta-commerce/auth/callback";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean appConfigured = hasText(env.getProperty("meta.commerce.app-id")) || hasText(env.getProperty("META_APP_ID"));
        String forced = env.getProperty("admin.sandbox.enabled");
        boolean sandbox = hasText(forced) ? Boolean.parseBoolean(forced.trim()) : !appConfigured;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ACTIVE, Boolean.toString(sandbox));
        if (sandbox) {
            int port = env.getProperty("admin.sandbox.port", Integer.class, 0);
            if (port == 0) {
                port = freePort();
            }
            String sandboxUrl = "http://localhost:" + port;
            String publicUrl = env.getProperty("admin.public-url",
                    "http://localhost:" + env.getProperty("server.port", "8080"));
            props.put(PORT, Integer.toString(port));
            props.put("meta.commerce.app-id", GraphSandbox.DEFAULT_APP_ID);
            props.put("meta.commerce.app-secret", GraphSandbox.DEFAULT_APP_SECRET);
            props.put("meta.commerce.graph.base-url", sandboxUrl);
            props.put("meta.commerce.graph.dialog-base-url", sandboxUrl);
            props.put("meta.commerce.oauth.redirect-uri", stripSlash(publicUrl) + CALLBACK_PATH);
            props.remove("meta.commerce.oauth.config-id");
        }
        env.getPropertySources().addFirst(new MapPropertySource("adminSandboxMode", props));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Graph sandbox", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
