package io.github.metacommerce.admin.store;

import io.github.metacommerce.admin.system.ApiException;

/**
 * The store a request works on, resolved from {@code X-Store-Id}, the session, or the user's only store, after
 * the membership check. A controller method that declares a parameter of this type cannot be reached for a store
 * the signed-in user is not a member of.
 *
 * @param id the store id
 * @param name the store's name
 * @param role the signed-in user's role in it
 * @param userId the signed-in user's id
 */
public record CurrentStore(long id, String name, Role role, long userId) {

    /**
     * Requires the owner role.
     *
     * @param action what the user tried, for the message
     * @return this store
     * @throws ApiException 403 when the user is staff
     */
    public CurrentStore requireOwner(String action) {
        if (role != Role.OWNER) {
            throw ApiException.forbidden("Only an owner of " + name + " may " + action + ".");
        }
        return this;
    }

    /** @return the id as the SDK's store id (a string) */
    public String storeKey() {
        return Long.toString(id);
    }
}
