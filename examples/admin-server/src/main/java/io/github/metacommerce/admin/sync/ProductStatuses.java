package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Each product (matching {@code search}) with its error and warning counts and its status. */
    private static String stateSql(OutOfStockPolicy policy, String search) {
        String hidden = policy == OutOfStockPolicy.KEEP_VISIBLE ? "" : " or not c.in_stock";
        return "select c.*, case when c.status <> 'active'" + hidden + " then 'excluded' "
                + "when c.errors > 0 then 'error' "
                + "when c.last_synced_at is null then 'not_synced' "
                + "when c.updated_at > c.last_synced_at then 'pending' else 'synced' end as sync_status from ("
                + "select p.product_id, p.sku, p.name, p.status, p.in_stock, p.variant_count, p.updated_at, "
                + "p.last_synced_at, "
                + "(select count(*) from product_errors e where e.store_id = p.store_id and e.product_id = p.product_id "
                + "and e.severity = 'error') as errors, "
                + "(select count(*) from product_errors e where e.store_id = p.store_id and e.product_id = p.product_id "
                + "and e.severity = 'warning') as warnings "
                + "from products p where p.store_id = :store" + search + ") c";
    }

    List<Row> page(long storeId, OutOfStockPolicy policy, Optional<String> status, Optional<String> query, int page,
            int size) {
        Filter f = filter(storeId, policy, status, query);
        JdbcClient.StatementSpec spec = jdbc.sql("select * from (" + f.inner + ") s" + f.outer
                + " order by product_id limit :limit offset :offset");
        f.params.forEach(spec::param);
        return spec.param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getString("product_id"), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("variant_count"), rs.getString("sync_status"), Db.instant(rs, "last_synced_at"),
                        Db.instant(rs, "updated_at").orElseThrow(), rs.getLong("errors"), rs.getLong("warnings")))
                .list();
    }

    long count(long storeId, OutOfStockPolicy policy, Optional<String> status, Optional<String> query) {
        Filter f = filter(storeId, policy, status, query);
        JdbcClient.StatementSpec spec = jdbc.sql("select count(*) from (" + f.inner + ") s" + f.outer);
        f.params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    /** How many products have each status. */
    Map<String, Long> summary(long storeId, OutOfStockPolicy policy) {
        Map<String, Long> out = new LinkedHashMap<>();
        ALL.forEach(s -> out.put(s, 0L));
        jdbc.sql("select sync_status, count(*) as n from (" + stateSql(policy, "") + ") s group by "
                        + "sync_status")
                .param("store", storeId)
                .query((rs, n) -> out.put(rs.getString("sync_status"), rs.getLong("n"))).list();
        return out;
    }

    private record Filter(String inner, String outer, Map<String, Object> params) {
    }

    private static Filter filter(long storeId, OutOfStockPolicy policy, Optional<String> status,
            Optional<String> query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", storeId);
        String search = "";
        if (query.isPresent()) {
            params.put("q", Db.containsPattern(query.get()));
            search = " and " + Products.SEARCH;
        }
        String inner = stateSql(policy, search);
        List<String> outer = new ArrayList<>();
        status.ifPresent(s -> {
            params.put("status", s);
            outer.add("sync_status = :status");
        });
        return new Filter(inner, outer.isEmpty() ? "" : " where " + String.join(" and ", outer), params);
    }
}
