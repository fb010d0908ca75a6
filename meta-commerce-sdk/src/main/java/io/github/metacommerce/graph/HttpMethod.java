package io.github.metacommerce.graph;

/** The HTTP methods the Graph API uses. */
public enum HttpMethod {
    /** Reads; idempotent, so retried on transient failures. */
    GET,
    /** Creates and updates; never retried automatically. */
    POST,
    /** Deletes; never retried automatically. */
    DELETE
}
