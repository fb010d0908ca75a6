package io.github.metacommerce.spring;

import java.util.List;

/**
 * Tells the health indicator which stores are connected and when their tokens expire, from the host app's own
 * records (the indicator never calls Meta).
 */
@FunctionalInterface
public interface TokenExpirySource {

    /**
     * Returns the connected stores.
     *
     * @return the stores and their token expiry
     */
    List<ConnectedStore> connectedStores();
}
