package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each product's sync status, from the products, their errors and the sync times the runs wrote:
 * <ul>
 *   <li>{@code excluded}: draft or archived, or out of stock while the store hides or deletes such products;</li>
 *   <li>{@code error}: the last run that processed it found an error;</li>
 *   <li>{@code not_synced}: no run has synced it yet;</li>
 *   <li>{@code pending}: changed since it was last synced;</li>
 *   <li>{@code synced}: Meta has it as the store has it.</li>
 * </ul>
 */
@Repository
class ProductStatuses {
    /** The statuses, in the order the summary lists them. */
    static final List<String> ALL = List.of("synced", "pending", "error", "excluded", "not_synced");

    private final JdbcClient jdbc;

    ProductStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One product's status.
     *
     * @param productId the product
     * @param sku its SKU (the retailer id of a product without variants)
     * @param name its name
     * @param variantCount how many variants it has
     * @param status the sync status
     * @param lastSyncedAt when a run last synced it
     * @param updatedAt when it last changed
     * @param errors how many errors the last run found
     * @param warnings how many warnings the last run found
     */
    record Row(String productId, String sku, String name, int variantCount, String status,
            Optional<Instant> lastSyncedAt, Instant updatedAt, long errors, long warnings) {
    }

    private static final String HAS_ERROR = "exists (select 1 from product_errors e where e.store_id = p.store_id "
            + "and e.product_id = p.product_id and e.severity = 'error')";

    /** The condition of each status on a product {@code p}; exactly one holds for every product. */
    private static Map<String, String> conditions(OutOfStockPolicy policy) {
        // lower(..): a condition no index serves, so that H2 keeps reading in primary-key order for the page
        // instead of picking the (store, status) index and sorting every active product
        String excluded = policy == OutOfStockPolicy.KEEP_VISIBLE ? "(lower(p.status) <> 'active')"
                : "(lower(p.status) <> 'active' or not p.in_stock)";
        String kept = "not " + excluded;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("synced", kept + " and not " + HAS_ERROR + " and p.last_synced_at is not null "
                + "and p.updated_at <= p.last_synced_at");
        c.put("pending", kept + " and not " + HAS_ERROR + " and p.last_synced_at is not null "
                + "and p.updated_at > p.last_synced_at");
        c.put("error", kept + " and " + HAS_ERROR);
        c.put("excluded", excluded);
        c.put("not_synced", kept + " and not " + HAS_ERROR + " and p.last_synced_at is null");
        return c;
    }

    /** The status of a product {@code p} as an expression. */
    private static String statusCase(OutOfStockPolicy policy) {
        StringBuilder sql = new StringBuilder("case");
        conditions(policy).forEach((status, condition) -> {
            if (!status.equals("not_synced")) {
                sql.append(" when ").append(condition).append(" then '").append(status).append("'");
            }
        });
        return sql.append(" else 'not_synced' end").toString();
    }

    /**
     * One page in product id order. The status is a condition in the {@code where} clause and the counts are
     * computed for the page's rows only, so a page reads the products up to it on the primary key instead of
     * working out the status of every product of the store first.
     */
    List<Row> page(long storeId, OutOfStockPolicy policy, Optional<String> status, Optional<String> query, int page,
            int size) {
        Filter f = filter(storeId, policy, status, query);
        JdbcClient.StatementSpec spec = jdbc.sql("select p.product_id, p.sku, p.name, p.variant_count, p.updated_at, "
                + "p.last_synced_at, " + statusCase(policy) + " as sync_status, "
                + "(select count(*) from product_errors e where e.store_id = p.store_id and e.product_id = p.product_id "
                + "and e.severity = 'error') as errors, "
                + "(select count(*) from product_errors e where e.store_id = p.store_id and e.product_id = p.product_id "
                + "and e.severity = 'warning') as warnings "
                + "from products p " + f.where + " order by p.store_id, p.product_id limit :limit offset :offset");
        f.params.forEach(spec::param);
        return spec.param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getString("product_id"), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("variant_count"), rs.getString("sync_status"), Db.instant(rs, "last_synced_at"),
                        Db.instant(rs, "updated_at").orElseThrow(), rs.getLong("errors"), rs.getLong("warnings")))
                .list();
    }

    long count(long storeId, OutOfStockPolicy policy, Optional<String> status, Optional<String> query) {
        Filter f = filter(storeId, policy, status, query);
        JdbcClient.StatementSpec spec = jdbc.sql("select count(*) from products p " + f.where);
        f.params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    /**
     * How many products match, given the store's summary: without a search the summary already holds it (one pass
     * over the store's products, not two); a search counts.
     */
    long total(long storeId, OutOfStockPolicy policy, Optional<String> status, Optional<String> query,
            Map<String, Long> summary) {
        if (query.isPresent()) {
            return count(storeId, policy, status, query);
        }
        return status.map(s -> summary.getOrDefault(s, 0L))
                .orElse(summary.values().stream().mapToLong(Long::longValue).sum());
    }

    /** How many products have each status. */
    Map<String, Long> summary(long storeId, OutOfStockPolicy policy) {
        Map<String, Long> out = new LinkedHashMap<>();
        ALL.forEach(s -> out.put(s, 0L));
        jdbc.sql("select sync_status, count(*) as n from (select " + statusCase(policy) + " as sync_status from "
                        + "products p where p.store_id = :store) s group by sync_status")
                .param("store", storeId)
                .query((rs, n) -> out.put(rs.getString("sync_status"), rs.getLong("n"))).list();
        return out;
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(long storeId, OutOfStockPolicy policy, Optional<String> status,
            Optional<String> query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", storeId);
        StringBuilder where = new StringBuilder("where p.store_id = :store");
        if (query.isPresent()) {
            params.put("q", Db.containsPattern(query.get()));
            where.append(" and ").append(Products.SEARCH);
        }
        status.ifPresent(s -> where.append(" and (").append(conditions(policy).get(s)).append(")"));
        return new Filter(where.toString(), params);
    }
}
