package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import java.util.Objects;

/**
 * One product read from an import file, with the line its first row starts on.
 *
 * @param line the line where the product's (first) row starts; the header is line 1
 * @param product the product, with its variants
 */
public record ImportedProduct(long line, Product product) {

    /** Validates the components. */
    public ImportedProduct {
        Objects.requireNonNull(product, "product");
    }
}
