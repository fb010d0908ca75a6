package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Takes the products an import hands over and upserts them {@value #CHUNK} at a time, so a large file is never held
 * whole. Run it inside one transaction: a file that turns out to be unreadable halfway then changes nothing. A
 * product that cannot be stored (an overlong product id) becomes a problem of its line instead.
 */
final class ChunkedUpsert implements Consumer<ImportedProduct> {
    /** Products per {@link Products#upsert(long, List)} call. */
    static final int CHUNK = 1000;

    private final Products products;
    private final long storeId;
    private final List<Product> pending = new ArrayList<>();
    private final List<RowProblem> refused = new ArrayList<>();
    private long created;
    private long updated;
    private long unchanged;

    ChunkedUpsert(Products products, long storeId) {
        this.products = products;
        this.storeId = storeId;
    }

    @Override
    public void accept(ImportedProduct p) {
        Optional<String> refusal = Products.refusal(p.product());
        if (refusal.isPresent()) {
            refused.add(new RowProblem(p.line(), "productId", refusal.get()));
            return;
        }
        pending.add(p.product());
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /** Upserts what is still pending; call once after the import has read the whole file. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        UpsertResult r = products.upsert(storeId, pending);
        created += r.created();
        updated += r.updated();
        unchanged += r.unchanged();
        pending.clear();
    }

    long created() {
        return created;
    }

    long updated() {
        return updated;
    }

    long unchanged() {
        return unchanged;
    }

    /** @return the products left out because they cannot be stored, each with its line */
    List<RowProblem> refused() {
        return refused;
    }
}
