package io.github.metacommerce.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole server on a real port with the embedded sandbox. The port is chosen before the context starts so that
 * the OAuth redirect URI (which the sandbox checks) names it; every subclass shares the one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class AdminServerTestBase {
    /** The bootstrap administrator's password in tests (application-test.properties). */
    protected static final String ADMIN_PASSWORD = "bootstrap-password-for-tests";
    /** The server's port. */
    protected static final int PORT;

    static {
        String configured = System.getProperty("server.port");
        PORT = configured != null ? Integer.parseInt(configured) : freePort();
        System.setProperty("server.port", Integer.toString(PORT));
        System.setProperty("admin.public-url", "http://localhost:" + PORT);
    }

    /** @return the server's base URL */
    protected static String baseUrl() {
        return "http://localhost:" + PORT;
    }

    /** @return a browser signed in as the bootstrap administrator */
    protected static Browser admin() {
        Browser b = new Browser(baseUrl());
        b.signIn("admin", ADMIN_PASSWORD);
        return b;
    }

    /** @return a name no other test uses (tests share one database on PostgreSQL) */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
