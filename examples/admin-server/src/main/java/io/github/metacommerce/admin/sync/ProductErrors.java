package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.system.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code product_errors} table: what the last run that processed a product found wrong with it, and
 * {@code product_error_groups}, its per-store summary. Reads are keyed by store and served from indexes: a page
 * takes its ids from an index in {@code id desc} order (newest first) and then reads those rows by key, so a deep
 * page neither sorts nor reads the rows before it; totals come from the summary, not from counting rows. The CSV
 * export streams rows without holding them.
 */
@Repository
class ProductErrors {
    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 500;
    /** Searches count their matches up to this many; a total above it is given as a lower bound. */
    static final int COUNT_CAP = 10_000;
    /** How many bytes of a SKU its search key holds: sku_key is varchar(510), two hex digits a byte. */
    private static final int SKU_KEY_BYTES = 255;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ProductErrors(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * One stored error or warning.
     *
     * @param id the row's key (0 before it is stored), the cursor of the next page
     * @param productId the store's product (the parent of a variant), empty when the store no longer has it
     * @param retailerId the catalog item (the SKU)
     * @param category the contract's category, such as {@code product_error}
     * @param source {@code local} or {@code meta}
     * @param severity {@code error} or {@code warning}
     * @param code a stable code, such as {@code MISSING_PRICE}
     * @param field the product field at fault, empty when unknown
     * @param message what is wrong and how to fix it
     * @param runId the run that found it
     * @param time when it was found
     */
    record ErrorRow(long id, String productId, String retailerId, String category, String source, String severity,
            String code, String field, String message, String runId, Instant time) {
    }

    /**
     * A filter of the errors view; every part optional.
     *
     * @param category a category
     * @param source {@code local} or {@code meta}
     * @param severity {@code error} or {@code warning}
     * @param query the start of a SKU, in any case
     * @param productId one product
     */
    record Filter(Optional<String> category, Optional<String> source, Optional<String> severity,
            Optional<String> query, Optional<String> productId) {
        static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /** Deletes every error of a store (a run that processed all its products replaces them all). */
    void deleteAll(long storeId) {
        jdbc.sql("delete from product_errors where store_id = ?").param(storeId).update();
    }

    /**
     * Rewrites the store's summary from its rows; called in the transaction that changed them, after the change,
     * so that totals and the summary never disagree with the list.
     */
    void refreshGroups(long storeId) {
        jdbc.sql("delete from product_error_groups where store_id = ?").param(storeId).update();
        jdbc.sql("insert into product_error_groups (store_id, category, source, severity, code, field, row_count, "
                        + "product_count, example) select store_id, category, source, severity, code, field, count(*), "
                        + "count(distinct product_id), min(message) from product_errors where store_id = ? "
                        + "group by store_id, category, source, severity, code, field")
                .param(storeId).update();
    }

    /** Deletes the errors of some products. */
    void deleteFor(long storeId, Collection<String> productIds) {
        List<String> ids = new ArrayList<>(productIds);
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            jdbc.sql("delete from product_errors where store_id = :store and product_id in (:ids)")
                    .param("store", storeId).param("ids", chunk).update();
        }
    }

    /** Inserts rows in JDBC batches. */
    void insert(long storeId, List<ErrorRow> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<ErrorRow> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            template.batchUpdate("insert into product_errors (store_id, product_id, retailer_id, sku_key, category, "
                            + "source, severity, code, field, message, run_id, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk, chunk.size(), (ps, r) -> {
                        ps.setLong(1, storeId);
                        ps.setString(2, cut(r.productId(), 255));
                        String sku = cut(r.retailerId(), 255);
                        ps.setString(3, sku);
                        ps.setString(4, skuKey(sku));
                        ps.setString(5, r.category());
                        ps.setString(6, r.source());
                        ps.setString(7, r.severity());
                        ps.setString(8, cut(r.code(), 100));
                        ps.setString(9, cut(r.field(), 200));
                        ps.setString(10, cut(r.message(), 4000));
                        ps.setString(11, r.runId());
                        ps.setObject(12, Db.ts(r.time()));
                    });
        }
    }

    /**
     * One page, newest first.
     *
     * @param storeId the store
     * @param filter the filter
     * @param page the page number, used when {@code before} is empty
     * @param size the page size
     * @param before a cursor: the {@link ErrorRow#id()} of the last row of the previous page, which makes the page
     *     start right after it, however deep
     * @return the rows
     */
    List<ErrorRow> page(long storeId, Filter filter, int page, int size, Optional<Long> before) {
        Where w = where(storeId, filter);
        List<Object> params = new ArrayList<>(w.params);
        // without a cursor the bound is still there (except for a search, served by its own index): it makes the
        // index that ends in id the cheapest for H2's planner, ahead of the foreign key's index on store_id alone,
        // from which it would sort every row
        String ids = "select id from product_errors " + w.sql;
        if (before.isPresent() || !searches(filter)) {
            ids += " and id < ?";
            params.add(before.orElse(Long.MAX_VALUE));
        }
        ids += " order by " + indexOrder(filter) + " limit ? offset ?";
        params.add(size);
        params.add(before.isPresent() ? 0L : (long) page * size);
        // the ids from the index alone (no row is read for the rows skipped), then the page's rows by key
        return jdbc.sql("select e.id, e.product_id, e.retailer_id, e.category, e.source, e.severity, e.code, e.field, "
                        + "e.message, e.run_id, e.created_at from product_errors e join (" + ids + ") k on e.id = k.id "
                        + "order by e.id desc")
                .params(params).query(ProductErrors::row).list();
    }

    /**
     * Newest first, spelt as the columns of the index that serves the filter: the filter fixes every column before
     * {@code id}, so the order is the same as {@code id desc}, but H2 reads an order from an index only when the
     * {@code order by} names the index's columns from the first (else it sorts all the store's rows).
     */
    private static String indexOrder(Filter f) {
        if (searches(f)) {
            return "id desc"; // few rows: a prefix or one product, found on their own index
        }
        if (f.category().isPresent()) {
            return "store_id, category, id desc";
        }
        if (f.source().isPresent()) {
            return "store_id, source, id desc";
        }
        if (f.severity().isPresent()) {
            return "store_id, severity, id desc";
        }
        return "store_id, id desc";
    }

    private static boolean searches(Filter f) {
        return f.query().isPresent() || f.productId().isPresent();
    }

    /**
     * How many rows match a filter.
     *
     * @param value the count, at most {@link #COUNT_CAP} plus one for a search
     * @param exact false when a search matched more than {@link #COUNT_CAP} rows and counting stopped
     */
    record Total(long value, boolean exact) {
    }

    /** The filter's total: from the summary for the view's filters, by counting (capped) for a search. */
    Total count(long storeId, Filter filter) {
        if (!searches(filter)) {
            Where w = where(storeId, filter);
            return new Total(jdbc.sql("select coalesce(sum(row_count), 0) from product_error_groups " + w.sql)
                    .params(w.params).query(Long.class).single(), true);
        }
        Where w = where(storeId, filter);
        long n = jdbc.sql("select count(*) from (select 1 from product_errors " + w.sql + " limit " + (COUNT_CAP + 1)
                + ") m").params(w.params).query(Long.class).single();
        return new Total(n, n <= COUNT_CAP);
    }

    /**
     * One kind of problem and how many products have it.
     *
     * @param code the code
     * @param category the category
     * @param source local or meta
     * @param severity error or warning
     * @param field the field
     * @param count how many errors (a product with several variants can have one a variant)
     * @param products how many products
     * @param example one message
     */
    record Group(String code, String category, String source, String severity, String field, long count,
            long products, String example) {
    }

    /** The errors grouped by problem, most frequent first (the top of the errors view). */
    List<Group> summary(long storeId, int limit) {
        return jdbc.sql("select code, category, source, severity, field, row_count, product_count, example "
                        + "from product_error_groups where store_id = ? order by product_count desc, row_count desc, "
                        + "code, field limit ?")
                .params(storeId, limit)
                .query((rs, n) -> new Group(rs.getString("code"), rs.getString("category"), rs.getString("source"),
                        rs.getString("severity"), rs.getString("field"), rs.getLong("row_count"),
                        rs.getLong("product_count"), rs.getString("example")))
                .list();
    }

    /** Writes the filtered errors as CSV, row by row. */
    void csv(long storeId, Filter filter, Writer out) {
        Where w = where(storeId, filter);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("sku", "product_id",
                    "severity", "category", "source", "field", "code", "error", "time").get());
            template.query(con -> {
                var ps = con.prepareStatement("select id, product_id, retailer_id, category, source, severity, code, "
                        + "field, message, run_id, created_at from product_errors " + w.sql
                        + " order by id desc");
                ps.setFetchSize(500);
                for (int i = 0; i < w.params.size(); i++) {
                    ps.setObject(i + 1, w.params.get(i));
                }
                return ps;
            }, rs -> {
                ErrorRow r = row(rs, 0);
                try {
                    csv.printRecord(r.retailerId(), r.productId(), r.severity(), r.category(), r.source(),
                            r.field(), r.code(), r.message(), r.time());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(long storeId, Filter f) {
        StringBuilder sql = new StringBuilder("where store_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(storeId);
        f.category().ifPresent(c -> {
            sql.append(" and category = ?");
            params.add(c);
        });
        f.source().ifPresent(s -> {
            sql.append(" and source = ?");
            params.add(s);
        });
        f.severity().ifPresent(s -> {
            sql.append(" and severity = ?");
            params.add(s);
        });
        f.productId().ifPresent(p -> {
            sql.append(" and product_id = ?");
            params.add(p);
        });
        f.query().ifPresent(q -> {
            // "search by SKU": the keys that start with the text's key, a range on the index
            String from = skuKey(q.strip());
            sql.append(" and sku_key >= ? and sku_key < ?");
            params.add(from);
            params.add(from + "g");
        });
        return new Where(sql.toString(), params);
    }

    /**
     * The search key of a SKU: the hex digits of its lower-cased UTF-8 bytes. Every SKU that starts with a text has
     * a key that starts with the text's key, and is below that key followed by {@code g} (above every hex digit),
     * in any collation. Keys stop after {@value #SKU_KEY_BYTES} bytes (the column's width), a SKU's and a search's
     * alike, so a longer search still finds its SKU.
     */
    static String skuKey(String sku) {
        byte[] bytes = sku.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, SKU_KEY_BYTES));
    }


    private static ErrorRow row(ResultSet rs, int n) throws SQLException {
        return new ErrorRow(rs.getLong("id"), rs.getString("product_id"), rs.getString("retailer_id"), rs.getString("category"),
                rs.getString("source"), rs.getString("severity"), rs.getString("code"), rs.getString("field"),
                rs.getString("message"), rs.getString("run_id"), Db.instant(rs, "created_at").orElseThrow());
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
