package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.system.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code product_errors} table: what the last run that processed a product found wrong with it. Reads are
 * keyed by store and served from indexes, paged; the CSV export streams rows without holding them.
 */
@Repository
class ProductErrors {
    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ProductErrors(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * One stored error or warning.
     *
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
    record ErrorRow(String productId, String retailerId, String category, String source, String severity,
            String code, String field, String message, String runId, Instant time) {
    }

    /**
     * A filter of the errors view; every part optional.
     *
     * @param category a category
     * @param source {@code local} or {@code meta}
     * @param severity {@code error} or {@code warning}
     * @param query text searched in product id, SKU, code and message
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
            template.batchUpdate("insert into product_errors (store_id, product_id, retailer_id, category, source, "
                            + "severity, code, field, message, run_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk, chunk.size(), (ps, r) -> {
                        ps.setLong(1, storeId);
                        ps.setString(2, cut(r.productId(), 255));
                        ps.setString(3, cut(r.retailerId(), 255));
                        ps.setString(4, r.category());
                        ps.setString(5, r.source());
                        ps.setString(6, r.severity());
                        ps.setString(7, cut(r.code(), 100));
                        ps.setString(8, cut(r.field(), 200));
                        ps.setString(9, cut(r.message(), 4000));
                        ps.setString(10, r.runId());
                        ps.setObject(11, Db.ts(r.time()));
                    });
        }
    }

    List<ErrorRow> page(long storeId, Filter filter, int page, int size) {
        Where w = where(storeId, filter);
        return jdbc.sql("select product_id, retailer_id, category, source, severity, code, field, message, run_id, "
                        + "created_at from product_errors " + w.sql + " order by created_at desc, id desc limit ? offset ?")
                .params(w.params).param(size).param((long) page * size).query(ProductErrors::row).list();
    }

    long count(long storeId, Filter filter) {
        Where w = where(storeId, filter);
        return jdbc.sql("select count(*) from product_errors " + w.sql).params(w.params).query(Long.class).single();
    }

    /**
     * One kind of problem and how many products have it.
     *
     * @param code the code
     * @param category the category
     * @param source local or meta
     * @param severity error or warning
     * @param field the field
     * @param count how many rows
     * @param example one message
     */
    record Group(String code, String category, String source, String severity, String field, long count,
            String example) {
    }

    /** The errors grouped by problem, most frequent first (the top of the errors view). */
    List<Group> summary(long storeId, int limit) {
        return jdbc.sql("select code, category, source, severity, field, count(*) as n, min(message) as example "
                        + "from product_errors where store_id = ? group by code, category, source, severity, field "
                        + "order by n desc, code limit ?")
                .params(storeId, limit)
                .query((rs, n) -> new Group(rs.getString("code"), rs.getString("category"), rs.getString("source"),
                        rs.getString("severity"), rs.getString("field"), rs.getLong("n"), rs.getString("example")))
                .list();
    }

    /** Writes the filtered errors as CSV, row by row. */
    void csv(long storeId, Filter filter, Writer out) {
        Where w = where(storeId, filter);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("sku", "product_id",
                    "severity", "category", "source", "field", "code", "error", "time").get());
            template.query(con -> {
                var ps = con.prepareStatement("select product_id, retailer_id, category, source, severity, code, "
                        + "field, message, run_id, created_at from product_errors " + w.sql
                        + " order by created_at desc, id desc");
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
            String like = Db.containsPattern(q);
            sql.append(" and (lower(retailer_id) like ?" + Db.LIKE_ESCAPE + " or lower(product_id) like ?"
                    + Db.LIKE_ESCAPE + " or lower(code) like ?" + Db.LIKE_ESCAPE + " or lower(message) like ?"
                    + Db.LIKE_ESCAPE + ")");
            params.add(like);
            params.add(like);
            params.add(like);
            params.add(like);
        });
        return new Where(sql.toString(), params);
    }

    private static ErrorRow row(ResultSet rs, int n) throws SQLException {
        return new ErrorRow(rs.getString("product_id"), rs.getString("retailer_id"), rs.getString("category"),
                rs.getString("source"), rs.getString("severity"), rs.getString("code"), rs.getString("field"),
                rs.getString("message"), rs.getString("run_id"), Db.instant(rs, "created_at").orElseThrow());
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
