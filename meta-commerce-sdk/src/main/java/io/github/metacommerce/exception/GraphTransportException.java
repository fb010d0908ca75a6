package io.github.metacommerce.exception;

/**
 * The SDK could not talk to Meta: connection refused or reset, TLS failure, timeout, or the calling thread was
 * interrupted. Category {@link ErrorCategory#NETWORK}. The cause is kept.
 */
public final class GraphTransportException extends MetaCommerceException {
    private static final long serialVersionUID = 1L;

    private final boolean timeout;
    private final boolean interrupted;

    /**
     * Creates the exception.
     *
     * @param message a token-free description (method and path, never the URL's query)
     * @param cause the I/O failure
     * @param timeout whether the request timed out
     * @param interrupted whether the calling thread was interrupted
     */
    public GraphTransportException(String message, Throwable cause, boolean timeout, boolean interrupted) {
        super(message, ErrorCategory.NETWORK, cause);
        this.timeout = timeout;
        this.interrupted = interrupted;
    }

    /**
     * Returns whether the request timed out.
     *
     * @return {@code true} for connect or read timeouts
     */
    public boolean isTimeout() {
        return timeout;
    }

    /**
     * Returns whether the calling thread was interrupted while waiting.
     *
     * @return {@code true} when interrupted; the thread's interrupt flag is set again
     */
    public boolean isInterrupted() {
        return interrupted;
    }

    @Override
    public boolean isRetryable() {
        return !interrupted;
    }
}
