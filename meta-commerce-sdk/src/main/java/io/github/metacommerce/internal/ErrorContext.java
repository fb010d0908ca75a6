package io.github.metacommerce.internal;

/** What a call addresses, so that "object not found" can be reported as the right category. */
public enum ErrorContext {
    /** Any call. */
    GENERAL,
    /** A call on a catalog node or one of its edges: a missing object means the catalog is out of reach. */
    CATALOG
}
