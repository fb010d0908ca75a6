package io.github.metacommerce.admin.store;

/** What a member may do in a store. */
public enum Role {
    /** Everything: connect and disconnect, settings, members, syncs. */
    OWNER,
    /** Everything but connecting, disconnecting, settings and members. */
    STAFF
}
