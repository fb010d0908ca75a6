package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code products} and {@code product_items} tables: a store's products, each stored as its
 * {@link ProductDocument} with copies of the fields lists filter on, and the catalog items (retailer ids) it becomes.
 * Every method is keyed by store id.
 *
 * <pre>{@code
 * UpsertResult r = products.upsert(storeId, List.of(tee, mug));   // r.changedProductIds(): what a sync must send
 * try (Stream<Product> all = products.stream(storeId, List.of())) {
 *     all.forEach(sync::add);                                       // pages of 500, never all in memory
 * }
 * }</pre>
 *
 * <p>Writes publish {@link ProductsChanged} when something changed.
 */
@Repository
public class Products {
    /** Rows per page of {@link #stream(long, Collection)}, and ids per {@code in (...)} list. */
    static final int PAGE_SIZE = 500;
    /** The longest product id (the column's size). */
    static final int MAX_PRODUCT_ID = 255;
    /** The longest stored document (the column's size). */
    static final int MAX_DOCUMENT = 1_000_000;
    private static final int MAX_SKU = 255;
    private static final int MAX_NAME = 500;
    private static final int MAX_RETAILER_ID = 255;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Products(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.events = events;
    }

    /** One row of the product list: the indexed columns, not the document. */
    record Summary(String productId, String sku, String name, String status, boolean inStock, int variantCount,
            Instant updatedAt, Optional<Instant> lastSyncedAt) {
    }

    /** A page of the product list. */
    record Page(List<Summary> products, long total) {
    }

    /**
     * Creates or replaces products. A product whose stored document is the same is left alone (its
     * {@code updated_at} and items are not touched); a changed one gets a new {@code updated_at} and its items are
     * rewritten. When the list holds one product id twice, the later one wins. Batched: one query per 500 ids to
     * find what exists, then batched inserts and updates. Publishes {@link ProductsChanged} when something changed.
     *
     * @param storeId the store
     * @param products the products
     * @return the counts and the ids that were created or updated
     * @throws IllegalArgumentException if a product has no product id, or one or a document that is too long for
     *     the table (see {@link #refusal(Product)})
     */
    @Transactional
    public UpsertResult upsert(long storeId, List<Product> products) {
        Map<String, Stored> byId = new LinkedHashMap<>();
        for (Product p : products) {
            Stored s = Stored.of(p);
            byId.put(p.productId(), s);
        }
        OffsetDateTime now = Db.ts(clock.instant());
        List<Stored> created = new ArrayList<>();
        List<Stored> updated = new ArrayList<>();
        List<String> ids = new ArrayList<>(byId.keySet());
        for (List<String> chunk : chunks(ids)) {
            Map<String, String> existing = new HashMap<>();
            jdbc.sql("select product_id, document from products where " + KEY_IN)
                    .param("keys", keys(storeId, chunk))
                    .query(rs -> {
                        existing.put(rs.getString("product_id"), rs.getString("document"));
                    });
            for (String id : chunk) {
                Stored s = byId.get(id);
                String old = existing.get(id);
                if (old == null) {
                    created.add(s);
                } else if (!old.equals(s.document)) {
                    updated.add(s);
                }
            }
        }
        if (!created.isEmpty()) {
            batch.batchUpdate("insert into products (store_id, product_id, sku, name, status, in_stock, "
                    + "variant_count, document, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    created.stream().map(s -> new Object[] {storeId, s.productId, s.sku, s.name, s.status, s.inStock,
                            s.variantCount, s.document, now, now}).toList());
        }
        if (!updated.isEmpty()) {
            batch.batchUpdate("update products set sku = ?, name = ?, status = ?, in_stock = ?, variant_count = ?, "
                    + "document = ?, updated_at = ? where store_id = ? and product_id = ?",
                    updated.stream().map(s -> new Object[] {s.sku, s.name, s.status, s.inStock, s.variantCount,
                            s.document, now, storeId, s.productId}).toList());
            batch.batchUpdate("delete from product_items where store_id = ? and product_id = ?",
                    updated.stream().map(s -> new Object[] {storeId, s.productId}).toList());
        }
        List<Object[]> items = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (List<Stored> list : List.of(created, updated)) {
            for (Stored s : list) {
                changed.add(s.productId);
                for (String retailerId : s.retailerIds) {
                    items.add(new Object[] {storeId, s.productId, retailerId});
                }
            }
        }
        if (!items.isEmpty()) {
            batch.batchUpdate("insert into product_items (store_id, product_id, retailer_id) values (?, ?, ?)", items);
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new ProductsChanged(storeId, changed));
        }
        return new UpsertResult(created.size(), updated.size(), byId.size() - created.size() - updated.size(),
                changed);
    }

    /**
     * Deletes a product and its items. Publishes {@link ProductsChanged} when it existed.
     *
     * @param storeId the store
     * @param productId the product
     * @return whether the store had it
     */
    @Transactional
    public boolean delete(long storeId, String productId) {
        boolean deleted = jdbc.sql("delete from products where store_id = ? and product_id = ?")
                .params(storeId, productId).update() > 0;
        if (deleted) {
            events.publishEvent(new ProductsChanged(storeId, Set.of(productId)));
        }
        return deleted;
    }

    /**
     * Reads one product.
     *
     * @param storeId the store
     * @param productId the product
     * @return the product, empty when the store has none with this id
     */
    public Optional<Product> find(long storeId, String productId) {
        return jdbc.sql("select document from products where store_id = ? and product_id = ?")
                .params(storeId, productId).query(String.class).optional().map(ProductDocument::read);
    }

    /**
     * Reads products lazily, in pages of {@value #PAGE_SIZE} ordered by product id: all of the store's (keyset
     * pages, {@code product_id > last}, in the database's order), or those of {@code productIds} that exist
     * (sorted, 500 ids per query). Only the current page is held, so a million products never sit in memory; each
     * page is its own query, so a product written while the stream is read shows up when its page comes. Close
     * the stream when done (it holds no connection between pages).
     *
     * @param storeId the store
     * @param productIds the products to read; empty for all
     * @return the products
     */
    public Stream<Product> stream(long storeId, Collection<String> productIds) {
        Iterator<List<Product>> pages = productIds.isEmpty() ? new AllPages(storeId) : new SubsetPages(storeId,
                productIds);
        Iterator<Product> products = new Iterator<>() {
            private Iterator<Product> page = List.<Product>of().iterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && pages.hasNext()) {
                    page = pages.next().iterator();
                }
                return page.hasNext();
            }

            @Override
            public Product next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(products,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Counts products.
     *
     * @param storeId the store
     * @param productIds the products to count (those that exist); empty for all
     * @return the number
     */
    public long count(long storeId, Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return jdbc.sql("select count(*) from products where store_id = ?").param(storeId).query(Long.class)
                    .single();
        }
        long n = 0;
        for (List<String> chunk : chunks(new ArrayList<>(new TreeSet<>(productIds)))) {
            n += jdbc.sql("select count(*) from products where " + KEY_IN)
                    .param("keys", keys(storeId, chunk)).query(Long.class).single();
        }
        return n;
    }

    /**
     * Finds the products that retailer ids (SKUs as sent to Meta, of products or variants) belong to, for
     * attaching Meta's answers to products.
     *
     * @param storeId the store
     * @param retailerIds the retailer ids
     * @return retailer id to product id, for those that are known; when two products share a retailer id, the one
     *     with the lower product id
     */
    public Map<String, String> productIdsOfRetailerIds(long storeId, Collection<String> retailerIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(new TreeSet<>(retailerIds)))) {
            // a row-value IN list, so that H2 looks each one up in product_items_retailer_idx (see KEY_IN)
            jdbc.sql("select retailer_id, product_id from product_items where (store_id, retailer_id) in (:keys) "
                            + "order by retailer_id, product_id")
                    .param("keys", keys(storeId, chunk))
                    .query(rs -> {
                        out.putIfAbsent(rs.getString("retailer_id"), rs.getString("product_id"));
                    });
        }
        return out;
    }

    /**
     * One page of the product list, ordered by product id.
     *
     * @param storeId the store
     * @param q text searched (case-insensitive, anywhere) in the product id, SKU, variant SKUs and name; blank for
     *     all
     * @param status only products with this status, when given
     * @param page the page, from 0
     * @param size products per page
     * @return the page and the total matching
     */
    /**
     * The condition of a product search on {@code products p} with the pattern {@code :q}
     * ({@link Db#containsPattern(String)}): product id, SKU, name or a variant's SKU.
     */
    public static final String SEARCH = "(lower(p.product_id) like :q" + Db.LIKE_ESCAPE + " or lower(p.sku) like :q"
            + Db.LIKE_ESCAPE + " or lower(p.name) like :q" + Db.LIKE_ESCAPE + " or exists (select 1 from "
            + "product_items i where i.store_id = p.store_id and i.product_id = p.product_id and lower(i.retailer_id) "
            + "like :q" + Db.LIKE_ESCAPE + "))";

    Page page(long storeId, String q, Optional<ProductStatus> status, int page, int size) {
        StringBuilder where = new StringBuilder("p.store_id = :store");
        Map<String, Object> params = new HashMap<>();
        params.put("store", storeId);
        if (!q.isBlank()) {
            where.append(" and ").append(SEARCH);
            params.put("q", Db.containsPattern(q));
        }
        status.ifPresent(s -> {
            where.append(" and p.status = :status");
            params.put("status", s.name().toLowerCase(Locale.ROOT));
        });
        long total = jdbc.sql("select count(*) from products p where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> rows = jdbc.sql("select p.product_id, p.sku, p.name, p.status, p.in_stock, p.variant_count, "
                        + "p.updated_at, p.last_synced_at from products p where " + where
                        + " order by p.product_id limit :limit offset :offset")
                .params(params).query((rs, n) -> summary(rs)).list();
        return new Page(rows, total);
    }

    /**
     * Why a product cannot be stored, for an import to list it as a problem instead of failing.
     *
     * @param product the product
     * @return the reason, empty when it can be stored
     */
    static Optional<String> refusal(Product product) {
        if (product.productId().isBlank()) {
            return Optional.of("the product has no productId");
        }
        if (product.productId().length() > MAX_PRODUCT_ID) {
            return Optional.of("the productId has " + product.productId().length() + " characters; at most "
                    + MAX_PRODUCT_ID + " are allowed");
        }
        return Optional.empty();
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getString("product_id"), rs.getString("sku"), rs.getString("name"),
                rs.getString("status"), rs.getBoolean("in_stock"), rs.getInt("variant_count"),
                Db.instant(rs, "updated_at").orElseThrow(), Db.instant(rs, "last_synced_at"));
    }

    /**
     * Primary keys {@code (store_id, product_id)} as a row-value IN list, bound with {@link #keys}: H2 looks each up in
     * the primary key, where {@code store_id = ? and product_id in (...)} made it read every product of the store
     * (about 0.4 s a chunk of 500 in a store of 100,000, so an import or a subset sync slowed down as the store grew).
     */
    private static final String KEY_IN = "(store_id, product_id) in (:keys)";

    private static List<Object[]> keys(long storeId, List<String> ids) {
        return ids.stream().map(id -> new Object[] {storeId, id}).toList();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += PAGE_SIZE) {
            out.add(all.subList(i, Math.min(all.size(), i + PAGE_SIZE)));
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** What a product becomes in its row. */
    private static final class Stored {
        final String productId;
        final String sku;
        final String name;
        final String status;
        final boolean inStock;
        final int variantCount;
        final String document;
        final Set<String> retailerIds;

        private Stored(Product p, String document) {
            this.productId = p.productId();
            this.sku = cut(p.sku(), MAX_SKU);
            this.name = cut(p.name(), MAX_NAME);
            this.status = p.status().name().toLowerCase(Locale.ROOT);
            this.inStock = p.hasVariants() ? p.variants().stream().anyMatch(Stored::available) : available(p);
            this.variantCount = p.variants().size();
            this.document = document;
            this.retailerIds = new LinkedHashSet<>();
            for (Product item : p.hasVariants() ? p.variants() : List.of(p)) {
                String id = item.sku().strip();
                if (!id.isEmpty() && id.length() <= MAX_RETAILER_ID) {
                    retailerIds.add(id);
                }
            }
        }

        static Stored of(Product p) {
            Optional<String> refused = refusal(p);
            if (refused.isPresent()) {
                throw new IllegalArgumentException(refused.get() + " (product " + cut(p.productId(), 60) + ")");
            }
            String document = ProductDocument.write(p);
            if (document.length() > MAX_DOCUMENT) {
                throw new IllegalArgumentException("product " + p.productId() + " is " + document.length()
                        + " characters as JSON; at most " + MAX_DOCUMENT + " can be stored");
            }
            return new Stored(p, document);
        }

        /** The SDK's availability: in stock unless a tracked quantity of 0 or less meets denied backorders. */
        private static boolean available(Product p) {
            return p.stockQuantity().isEmpty() || p.stockQuantity().get() > 0
                    || p.backorderPolicy() == BackorderPolicy.ALLOW;
        }
    }

    /** Keyset pages over all of a store's products, in primary-key order. */
    private final class AllPages implements Iterator<List<Product>> {
        private final long storeId;
        private String last = "";
        private boolean done;

        AllPages(long storeId) {
            this.storeId = storeId;
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public List<Product> next() {
            if (done) {
                throw new NoSuchElementException();
            }
            // "order by store_id, product_id" (not just product_id) is the primary key's order, so H2 reads the
            // next page from the index; ordered by product_id alone it sorted all the rest of the store each page
            List<String[]> rows = jdbc.sql("select product_id, document from products where store_id = ? "
                            + "and product_id > ? order by store_id, product_id limit " + PAGE_SIZE)
                    .params(storeId, last)
                    .query((rs, n) -> new String[] {rs.getString("product_id"), rs.getString("document")}).list();
            done = rows.size() < PAGE_SIZE;
            if (!rows.isEmpty()) {
                last = rows.get(rows.size() - 1)[0];
            }
            return rows.stream().map(r -> ProductDocument.read(r[1])).toList();
        }
    }

    /** Pages over the products of a list of ids, 500 sorted ids per query. */
    private final class SubsetPages implements Iterator<List<Product>> {
        private final long storeId;
        private final Iterator<List<String>> chunks;

        SubsetPages(long storeId, Collection<String> productIds) {
            this.storeId = storeId;
            this.chunks = chunks(new ArrayList<>(new TreeSet<>(productIds))).iterator();
        }

        @Override
        public boolean hasNext() {
            return chunks.hasNext();
        }

        @Override
        public List<Product> next() {
            List<String> chunk = chunks.next();
            return jdbc.sql("select document from products where " + KEY_IN)
                    .param("keys", keys(storeId, chunk)).query(String.class).list().stream()
                    .map(ProductDocument::read).sorted(Comparator.comparing(Product::productId)).toList();
        }
    }
}
