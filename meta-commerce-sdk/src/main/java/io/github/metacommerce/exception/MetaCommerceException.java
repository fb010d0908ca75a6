package io.github.metacommerce.exception;

/**
 * Root of every exception the SDK throws. Unchecked, so callers handle only what they can act on.
 *
 * <p>Each exception names its {@link #category() category}, which tells the merchant what fixes it, and says
 * whether repeating the same call later may succeed ({@link #isRetryable()}). Messages never contain an access
 * token or the app secret.
 *
 * <pre>{@code
 * try {
 *     graph.catalog(catalogId);
 * } catch (OAuthException e) {
 *     // ask the merchant to reconnect
 * } catch (MetaCommerceException e) {
 *     log.warn("Meta call failed ({}): {}", e.category(), e.getMessage());
 * }
 * }</pre>
 */
public abstract class MetaCommerceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;

    /**
     * Creates an exception.
     *
     * @param message a token-free description
     * @param category the category
     * @param cause the underlying cause, or {@code null}
     */
    protected MetaCommerceException(String message, ErrorCategory category, Throwable cause) {
        super(message, cause);
        this.category = category == null ? ErrorCategory.UNKNOWN : category;
    }

    /**
     * Returns what kind of failure this is.
     *
     * @return the category, never {@code null}
     */
    public ErrorCategory category() {
        return category;
    }

    /**
     * Returns whether the same request may succeed if repeated after a short back-off. Rate-limit errors return
     * {@code false}: they must wait for {@link RateLimitException#retryAfter()} instead.
     *
     * @return whether an immediate retry (with back-off) makes sense
     */
    public abstract boolean isRetryable();
}
