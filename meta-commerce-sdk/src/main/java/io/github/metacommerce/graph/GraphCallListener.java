package io.github.metacommerce.graph;

/**
 * Receives every Graph API attempt, for metrics and for pacing on Meta's usage headers. Called on the calling
 * thread after each attempt; it must be fast and must not throw (exceptions are logged and ignored).
 *
 * <pre>{@code
 * MetaCommerceClient.builder()...callListener(call -> meter.record(call.path(), call.duration()))
 * }</pre>
 */
@FunctionalInterface
public interface GraphCallListener {

    /** A listener that does nothing. */
    GraphCallListener NONE = call -> { };

    /**
     * Called after each attempt.
     *
     * @param call what the attempt did
     */
    void onCall(GraphCall call);
}
