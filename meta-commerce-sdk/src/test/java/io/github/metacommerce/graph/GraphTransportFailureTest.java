package io.github.metacommerce.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphTransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a user reads when nothing answers: host, port, what failed and after how many attempts, no token. */
class GraphTransportFailureTest {
    private static final String TOKEN = "EAAB-secret-token-123";
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<GraphCall> calls = new CopyOnWriteArrayList<>();

    /** A local port that was just closed, so connecting to it is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private MetaCommerceClient client(String baseUrl, RetrySettings retry) {
        return MetaCommerceClient.builder().appId("1234").appSecret("app-secret-xyz").graphBaseUrl(baseUrl)
                .retry(retry).sleeper(waits::add).callListener(calls::add).readTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aRefusedConnectionNamesHostPortFailureAndAttempts() throws IOException {
        int port = closedPort();
        GraphClient graph = client("http://127.0.0.1:" + port, RetrySettings.builder().maxAttempts(3)
                .initialBackoff(Duration.ofMillis(100)).build()).graph(TOKEN);

        GraphTransportException e = catchThrowableOfType(GraphTransportException.class,
                () -> graph.businesses().stream().toList());

        assertThat(e.getMessage()).startsWith("GET /v27.0/me/businesses failed after 3 attempts: connection refused"
                + " by 127.0.0.1:" + port).doesNotContain(TOKEN).doesNotContain("app-secret-xyz")
                .doesNotContain("access_token").doesNotContain("appsecret_proof");
        assertThat(e.failure()).isEqualTo(GraphTransportException.Failure.CONNECTION_REFUSED);
        assertThat(e.host()).contains("127.0.0.1");
        assertThat(e.port()).isEqualTo(port);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.isTimeout()).isFalse();
        assertThat(calls).hasSize(3).extracting(GraphCall::attempt).containsExactly(1, 2, 3);
        assertThat(waits).as("two waits between three attempts").hasSize(2);
    }

    @Test
    void withoutRetriesTheMessageSaysOneAttempt() throws IOException {
        int port = closedPort();
        GraphTransportException e = catchThrowableOfType(GraphTransportException.class,
                () -> client("http://localhost:" + port, RetrySettings.none()).graph(TOKEN).catalog("2001"));

        assertThat(e.getMessage()).startsWith("GET /v27.0/2001 failed after 1 attempt: connection refused by "
                + "localhost:" + port);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void anUnknownHostIsNamed() {
        GraphTransportException e = catchThrowableOfType(GraphTransportException.class,
                () -> client("http://no-such-host.invalid", RetrySettings.none()).graph(TOKEN).catalog("2001"));

        assertThat(e.failure()).isEqualTo(GraphTransportException.Failure.UNKNOWN_HOST);
        assertThat(e.getMessage()).startsWith("GET /v27.0/2001 failed after 1 attempt: host no-such-host.invalid "
                + "could not be resolved").doesNotContain(TOKEN);
        assertThat(e.port()).isEqualTo(80);
    }
}
