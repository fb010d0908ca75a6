package io.github.metacommerce.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * The SDK could not talk to Meta: connection refused or reset, TLS failure, timeout, unknown host, or the calling
 * thread was interrupted. Category {@link ErrorCategory#NETWORK}. The cause is kept.
 *
 * <p>The message names the method and path (never the query, so never a token), what failed, the host and port,
 * and after how many attempts, for example {@code GET /v27.0/me/businesses failed after 4 attempts: connection
 * refused by graph.facebook.com:443}. The same facts are available as {@link #failure()}, {@link #host()},
 * {@link #port()} and {@link #attempts()}.
 */
public final class GraphTransportException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Failure {
        /** Nothing accepted the connection at the host and port (nothing listening, or a firewall refused it). */
        CONNECTION_REFUSED,
        /** The connection could not be opened within the connect timeout. */
        CONNECT_TIMEOUT,
        /** Connected, but no complete response arrived within the read timeout. */
        READ_TIMEOUT,
        /** The TLS handshake failed (certificate, protocol or cipher). */
        TLS,
        /** The connection was reset or closed before a complete response. */
        CONNECTION_RESET,
        /** The host name could not be resolved. */
        UNKNOWN_HOST,
        /** No network route reaches the host ("No route to host", "Network is unreachable"). */
        HOST_UNREACHABLE,
        /** The calling thread was interrupted. */
        INTERRUPTED,
        /** Another I/O failure; see the cause. */
        OTHER
    }

    private final Failure failure;
    private final String host;
    private final int port;
    private final int attempts;

    /**
     * Creates the exception without host, port or attempt count (failure {@code READ_TIMEOUT} when timed out,
     * {@code INTERRUPTED} when interrupted, else {@code OTHER}).
     *
     * @param message a token-free description (method and path, never the URL's query)
     * @param cause the I/O failure
     * @param timeout whether the request timed out
     * @param interrupted whether the calling thread was interrupted
     */
    public GraphTransportException(String message, Throwable cause, boolean timeout, boolean interrupted) {
        this(message, cause, interrupted ? Failure.INTERRUPTED : timeout ? Failure.READ_TIMEOUT : Failure.OTHER, null,
                -1, 0);
    }

    /**
     * Creates the exception.
     *
     * @param message a token-free description (method and path, never the URL's query)
     * @param cause the I/O failure
     * @param failure what went wrong
     * @param host the host the SDK tried to reach (null when unknown)
     * @param port its port (-1 when unknown)
     * @param attempts how many attempts were made (0 when unknown)
     */
    public GraphTransportException(String message, Throwable cause, Failure failure, String host, int port,
            int attempts) {
        super(message, ErrorCategory.NETWORK, cause);
        this.failure = Objects.requireNonNull(failure, "failure must not be null");
        this.host = host == null || host.isEmpty() ? null : host;
        this.port = port;
        this.attempts = Math.max(0, attempts);
    }

    /**
     * Returns what went wrong on the wire.
     *
     * @return the failure
     */
    public Failure failure() {
        return failure;
    }

    /**
     * Returns the host the SDK tried to reach.
     *
     * @return the host, empty when unknown
     */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /**
     * Returns the port the SDK tried to reach.
     *
     * @return the port, or -1 when unknown
     */
    public int port() {
        return port;
    }

    /**
     * Returns how many attempts were made before this failure was given up on (retries included).
     *
     * @return the count, or 0 when unknown
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns whether the request timed out.
     *
     * @return {@code true} for connect or read timeouts
     */
    public boolean isTimeout() {
        return failure == Failure.CONNECT_TIMEOUT || failure == Failure.READ_TIMEOUT;
    }

    /**
     * Returns whether the calling thread was interrupted while waiting.
     *
     * @return {@code true} when interrupted; the thread's interrupt flag is set again
     */
    public boolean isInterrupted() {
        return failure == Failure.INTERRUPTED;
    }

    @Override
    public boolean isRetryable() {
        return failure != Failure.INTERRUPTED;
    }
}
