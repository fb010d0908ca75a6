package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.exception.GraphTransportException.Failure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import org.junit.jupiter.api.Test;

/** The failure kind read from the JDK's exceptions, as java.net.http wraps them. */
class GraphHttpClassifyTest {
    private static ConnectException wrapped(Exception cause) {
        ConnectException e = new ConnectException(cause.getMessage());
        e.initCause(cause);
        return e;
    }

    @Test
    void noRouteToHostIsUnreachableNotRefused() {
        assertThat(GraphHttp.classify(wrapped(new NoRouteToHostException("No route to host"))))
                .isEqualTo(Failure.HOST_UNREACHABLE);
        assertThat(GraphHttp.classify(new ConnectException("Network is unreachable")))
                .isEqualTo(Failure.HOST_UNREACHABLE);
    }

    @Test
    void aRefusedConnectionStaysRefused() {
        assertThat(GraphHttp.classify(wrapped(new ConnectException("Connection refused"))))
                .isEqualTo(Failure.CONNECTION_REFUSED);
    }
}
