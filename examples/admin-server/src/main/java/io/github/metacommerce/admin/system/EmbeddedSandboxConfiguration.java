package io.github.metacommerce.admin.system;

import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.sandbox.GraphSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the Graph sandbox in-process in sandbox mode (see {@link SandboxMode}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SandboxMode.ACTIVE, havingValue = "true")
class EmbeddedSandboxConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSandboxConfiguration.class);

    @Bean(destroyMethod = "stop")
    GraphSandbox graphSandbox(@Value("${" + SandboxMode.PORT + "}") int port,
            @Value("${meta.commerce.oauth.redirect-uri}") String redirectUri, AdminProperties properties) {
        GraphSandbox sandbox = GraphSandbox.builder()
                .port(port)
                .redirectUri(redirectUri)
                .appName("Meta Commerce Admin (sandbox)")
                .batchCallsPerMinute(properties.sandbox().batchCallsPerMinute())
                .build()
                .start();
        log.info("Sandbox mode: nothing is sent to Meta. The Graph sandbox listens on {} ({} batch calls a minute "
                + "per catalog); set META_APP_ID, META_APP_SECRET and META_OAUTH_REDIRECT_URI to talk to Meta.",
                sandbox.baseUrl(), properties.sandbox().batchCallsPerMinute());
        return sandbox;
    }

    /** The sandbox keeps tokens in memory: after a restart, the stored ones are unknown to it. */
    @Bean
    ApplicationRunner sandboxRestartNotice(MetaConnections connections) {
        return args -> {
            int marked = connections.markAllReconnectRequired("the Graph sandbox restarted and keeps its data in "
                    + "memory only");
            if (marked > 0) {
                log.info("Sandbox mode: {} stored connection(s) need a reconnect after the restart", marked);
            }
        };
    }
}
