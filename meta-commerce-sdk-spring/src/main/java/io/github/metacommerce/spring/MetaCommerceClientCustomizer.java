package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;

/**
 * Changes the {@link MetaCommerceClient.Builder} after properties are applied and before the client is built.
 * Customizers run in {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * MetaCommerceClientCustomizer proxy() {
 *     return builder -> builder.httpClient(HttpClient.newBuilder().proxy(ProxySelector.of(addr)).build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MetaCommerceClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with properties applied
     */
    void customize(MetaCommerceClient.Builder builder);
}
