package io.github.metacommerce.spring;

import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;

/** Creates a {@link ProductValidator} for a store's settings. */
@FunctionalInterface
public interface ProductValidatorFactory {

    /**
     * Creates the validator.
     *
     * @param settings the store's settings
     * @return the validator
     */
    ProductValidator create(StoreSettings settings);
}
