package io.github.metacommerce.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Thrown by {@link GraphSandbox#start()} when its port is taken by another process, with a message such as
 * {@code port 8089 is in use}. It is an {@link UncheckedIOException}, so code that caught that keeps working.
 */
public final class PortInUseException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;
    private final int port;

    /**
     * Creates the exception.
     *
     * @param port the port that could not be bound
     * @param cause the bind failure
     */
    public PortInUseException(int port, IOException cause) {
        super("port " + port + " is in use: stop what listens there or choose another port", cause);
        this.port = port;
    }

    /**
     * Returns the port that could not be bound.
     *
     * @return the port
     */
    public int port() {
        return port;
    }
}
