package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Repository;

/** Placeholder with the products repository's API until the real one lands (branch i11-products). */
@Repository
public class Products {
    public record UpsertResult(long created, long updated, long unchanged, Set<String> changedProductIds) {
    }

    public UpsertResult upsert(long storeId, List<Product> products) {
        throw new UnsupportedOperationException();
    }

    public boolean delete(long storeId, String productId) {
        throw new UnsupportedOperationException();
    }

    public Optional<Product> find(long storeId, String productId) {
        throw new UnsupportedOperationException();
    }

    public Stream<Product> stream(long storeId, Collection<String> productIds) {
        throw new UnsupportedOperationException();
    }

    public long count(long storeId, Collection<String> productIds) {
        throw new UnsupportedOperationException();
    }

    public Map<String, String> productIdsOfRetailerIds(long storeId, Collection<String> retailerIds) {
        throw new UnsupportedOperationException();
    }
}
