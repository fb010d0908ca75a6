/**
 * The meta-commerce-sdk: connects a store to Meta (OAuth), calls the Graph API and syncs the store's products into
 * a Meta Commerce catalog.
 *
 * <p>Only the API packages are exported; {@code io.github.metacommerce.internal} is not, so code outside the SDK
 * cannot compile against it on the module path.
 */
// resilience4j 2.x ships automatic modules (Automatic-Module-Name only); there is no named module to require instead.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.metacommerce.sdk {
    requires transitive com.fasterxml.jackson.databind; // JsonNode appears in GraphClient#raw
    requires io.github.resilience4j.core;
    requires transitive io.github.resilience4j.ratelimiter; // RateLimiter appears in CatalogSync.Builder#rateLimiter
    requires io.github.resilience4j.retry;
    requires org.slf4j;
    requires transitive java.net.http; // an HttpClient can be handed to MetaCommerceClient.Builder

    exports io.github.metacommerce;
    exports io.github.metacommerce.catalog;
    exports io.github.metacommerce.exception;
    exports io.github.metacommerce.graph;
    exports io.github.metacommerce.oauth;
    exports io.github.metacommerce.product;
    exports io.github.metacommerce.sync;
}
