package io.github.metacommerce.spring;

import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;

/** Creates a {@link ProductTransformer} for a store's settings; override the bean to customise mapping. */
@FunctionalInterface
public interface ProductTransformerFactory {

    /**
     * Creates the transformer.
     *
     * @param settings the store's settings
     * @return the transformer
     */
    ProductTransformer create(StoreSettings settings);
}
