package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.admin.system.Words;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.sync.IssueSource;
import io.github.metacommerce.sync.SyncCounts;
import io.github.metacommerce.sync.SyncIssue;
import io.github.metacommerce.sync.SyncMode;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a run did, in one transaction: the product errors of the products it processed are replaced by the
 * ones it found, the products it synced get their sync time, the run's row gets its outcome and frees the catalog,
 * and the connection gets the sync status, time and statistics. An AUTH stop marks the connection "reconnect
 * required"; a RATE_LIMIT stop queues the rest for when Meta allows it.
 */
@Component
class RunRecorder {
    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);
    private static final int IN_CHUNK = 500;
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    /** When Meta's rate limit stops a run and names no time, the rest is tried again after this. */
    static final Duration DEFAULT_RESUME_DELAY = Duration.ofMinutes(10);

    private final SyncRuns runs;
    private final ProductErrors errors;
    private final Products products;
    private final MetaConnections connections;
    private final SyncQueue queue;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String ledgerTable;

    RunRecorder(SyncRuns runs, ProductErrors errors, Products products, MetaConnections connections, SyncQueue queue,
            JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${meta.commerce.sync.jdbc-ledger.table:meta_commerce_ledger}") String ledgerTable) {
        this.runs = runs;
        this.errors = errors;
        this.products = products;
        this.connections = connections;
        this.queue = queue;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.ledgerTable = checkedTable(ledgerTable);
    }

    /** The ledger table's name from the settings, refused unless it is a plain (optionally qualified) name. */
    static String checkedTable(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("meta.commerce.sync.jdbc-ledger.table is not a table name: " + table);
        }
        return table;
    }

    /** Ends a run that could not start or broke, with its reason. */
    void failed(SyncJob job, String category, String message) {
        tx.executeWithoutResult(s -> {
            runs.finish(job.id(), new SyncRuns.Outcome("failed", message, job.counts(), job.apiCalls(),
                    job.rateLimitWaitMillis(), Optional.empty(), Optional.of(category), Optional.of(message)));
            connections.recordSync(job.storeId(), "failed", clock.instant(), Optional.of(message),
                    SyncRuns.JSON.writeValueAsString(job.counts()));
        });
        log.warn("Sync run {} failed: {}", job.id(), message);
    }

    /**
     * Records a finished report.
     *
     * @param job the run
     * @param report the SDK's report
     * @param started when the run began reading products (products changed after it stay pending)
     * @param lastWait until when the run last waited for Meta's rate limit
     */
    void finished(SyncJob job, SyncReport report, Instant started, Optional<Instant> lastWait) {
        String status = status(report);
        Map<String, Long> counts = counts(report);
        Optional<String> category = report.stopCategory().map(ApiException::categoryOf);
        Optional<String> reason = report.stopCategory().map(c -> stopMessage(c, report.stopReason().orElse("")));
        Optional<Instant> resumeAt = Optional.empty();
        if (report.stopCategory().orElse(null) == ErrorCategory.RATE_LIMIT && !job.dryRun()) {
            Instant now = clock.instant();
            resumeAt = Optional.of(lastWait.filter(t -> t.isAfter(now)).orElse(now.plus(DEFAULT_RESUME_DELAY)));
            reason = Optional.of(reason.orElse("") + " It resumes on its own at " + resumeAt.get() + ".");
        }
        String message = message(report, status, reason);
        Optional<Instant> throttledUntil = resumeAt;
        Optional<String> errorMessage = reason;
        tx.executeWithoutResult(s -> {
            if (!job.dryRun()) {
                replaceErrors(job, report, started);
            }
            runs.finish(job.id(), new SyncRuns.Outcome(status, message, counts, report.apiCalls(),
                    report.rateLimitWait().toMillis(), throttledUntil, category, errorMessage));
            connections.recordSync(job.storeId(), status, report.finishedAt(), errorMessage,
                    SyncRuns.JSON.writeValueAsString(counts));
        });
        if (report.stopCategory().orElse(null) == ErrorCategory.AUTH) {
            connections.markReconnectRequired(job.storeId(), "Meta refused the token during a sync: "
                    + report.stopReason().orElse("token invalid"));
        }
        log.info("Sync run {} {}: {}", job.id(), status, message);
        resumeAt.ifPresent(at -> resume(job, at));
    }

    private void resume(SyncJob job, Instant at) {
        try {
            SyncQueue.Enqueued next = queue.enqueueAt(job.storeId(), new SyncQueue.Request("scheduled",
                    SyncMode.valueOf(job.mode()), job.productIds(), false, job.requestedBy()), at,
                    "Resumes at " + at + " after Meta's rate limit stopped run " + job.id());
            log.info("Sync run {} resumes as run {} at {}", job.id(), next.job().id(), at);
        } catch (ApiException e) {
            log.warn("Sync run {} cannot be resumed: {}", job.id(), e.getMessage());
        }
    }

    /** Replaces the errors of the products the run processed and stamps the products it synced. */
    private void replaceErrors(SyncJob job, SyncReport report, Instant started) {
        List<SyncIssue> issues = new ArrayList<>(report.errors().size() + report.warnings().size());
        issues.addAll(report.errors());
        issues.addAll(report.translationErrors());
        issues.addAll(report.unconfirmed());
        issues.addAll(report.warnings());
        Set<String> retailerIds = new LinkedHashSet<>();
        issues.forEach(i -> {
            if (!i.retailerId().isEmpty()) {
                retailerIds.add(i.retailerId());
            }
        });
        Map<String, String> parents = products.productIdsOfRetailerIds(job.storeId(), retailerIds);
        List<ProductErrors.ErrorRow> rows = new ArrayList<>(issues.size());
        Set<String> touched = new LinkedHashSet<>();
        for (SyncIssue i : issues) {
            if (i.retailerId().isEmpty() && i.productId().isEmpty()) {
                continue; // about the run, not a product: it is in the run's message
            }
            String productId = parents.getOrDefault(i.retailerId(), i.productId());
            touched.add(productId);
            rows.add(new ProductErrors.ErrorRow(0L, productId, i.retailerId(), ApiException.categoryOf(i.category()),
                    i.source() == IssueSource.LOCAL ? "local" : "meta", i.severity().name().toLowerCase(Locale.ROOT),
                    i.code(), i.field(), i.message(), job.id(), i.time()));
        }
        boolean completed = report.outcome() == SyncOutcome.COMPLETED;
        if (completed && job.productIds().isEmpty()) {
            errors.deleteAll(job.storeId());
        } else if (completed) {
            errors.deleteFor(job.storeId(), job.productIds());
            errors.deleteFor(job.storeId(), touched);
        } else {
            errors.deleteFor(job.storeId(), touched);
        }
        errors.insert(job.storeId(), rows);
        markSynced(job, completed, started);
        if (!completed) {
            // the products this partial run synced are fine now: their older errors go
            jdbc.sql("delete from product_errors where store_id = :store and run_id <> :run and product_id in "
                            + "(select product_id from products where store_id = :store and last_synced_at = :at)")
                    .param("store", job.storeId()).param("run", job.id()).param("at", Db.ts(started)).update();
        }
        errors.refreshGroups(job.storeId());
    }

    /**
     * Stamps {@code last_synced_at} on the products the run brought in line with Meta: after a completed run every
     * product in scope that did not change meanwhile and has no error; after a stopped or cancelled one only those
     * whose every item Meta confirmed in this run (from the ledger).
     */
    private void markSynced(SyncJob job, boolean completed, Instant started) {
        String noError = " and not exists (select 1 from product_errors e where e.store_id = products.store_id "
                + "and e.product_id = products.product_id and e.severity = 'error' and e.run_id = :run)";
        String confirmed = completed ? "" : " and exists (select 1 from product_items i where i.store_id = "
                + "products.store_id and i.product_id = products.product_id) and not exists (select 1 from "
                + "product_items i left join " + ledgerTable + " l on l.catalog_id = :catalog and l.retailer_id = "
                + "i.retailer_id where i.store_id = products.store_id and i.product_id = products.product_id and "
                + "(l.retailer_id is null or l.synced_at < :at))";
        // only products not yet stamped since they last changed: an incremental run over 100,000 products of which
        // 1,000 changed writes 1,000 rows, not 100,000 (an unchanged product keeps the time it was brought in line)
        String sql = "update products set last_synced_at = :at where store_id = :store and updated_at <= :at"
                + " and (last_synced_at is null or last_synced_at < updated_at)" + noError + confirmed;
        if (job.productIds().isEmpty()) {
            bind(jdbc.sql(sql), job, started).update();
            return;
        }
        List<String> ids = job.productIds();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            bind(jdbc.sql(sql + " and product_id in (:ids)"), job, started)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK))).update();
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SyncJob job, Instant started) {
        return spec.param("at", Db.ts(started)).param("store", job.storeId()).param("run", job.id())
                .param("catalog", job.catalogId());
    }

    static String status(SyncReport report) {
        SyncCounts c = report.counts();
        return switch (report.outcome()) {
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            default -> c.created() + c.updated() + c.deleted() + c.unchanged() > 0 ? "partial" : "failed";
        };
    }

    static Map<String, Long> counts(SyncReport r) {
        SyncCounts c = r.counts();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("products", c.productsSeen());
        m.put("items", c.itemsSeen());
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("unchanged", c.unchanged());
        m.put("deleted", c.deleted());
        m.put("failed", c.failed());
        m.put("notAttempted", c.notAttempted());
        m.put("unconfirmed", c.unconfirmed());
        m.put("wouldSend", c.wouldSend());
        m.put("translationsSent", c.translationsSent());
        m.put("translationsUnchanged", c.translationsUnchanged());
        m.put("translationsFailed", c.translationsFailed());
        m.put("errors", (long) r.errors().size() + r.translationErrors().size());
        m.put("warnings", (long) r.warnings().size());
        return m;
    }

    private static String stopMessage(ErrorCategory category, String reason) {
        return switch (category) {
            case AUTH -> "Meta no longer accepts this store's connection: reconnect with Facebook, then sync again ("
                    + reason + ").";
            case PERMISSION -> "The connected Facebook account lacks a permission the sync needs (" + reason + ").";
            case CATALOG -> "Meta refused access to the catalog (" + reason + "). Check the catalog selection.";
            case RATE_LIMIT -> "Meta's rate limit stopped the run (" + reason + ").";
            case NETWORK -> "Meta could not be reached (" + reason + "). The next run sends the rest.";
            default -> "The run stopped: " + reason;
        };
    }

    private static String message(SyncReport r, String status, Optional<String> reason) {
        SyncCounts c = r.counts();
        long errorCount = r.errors().size() + r.translationErrors().size();
        String text;
        if (r.dryRun()) {
            text = "Dry run: " + c.wouldSend() + " of " + c.itemsSeen() + " items would be sent, " + c.unchanged()
                    + " are unchanged, " + c.failed() + " have errors";
        } else {
            text = Words.count(c.productsSeen(), "product") + " (" + Words.count(c.itemsSeen(), "item") + "): " + c.created()
                    + " created, "
                    + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.deleted() + " deleted, "
                    + c.failed() + " failed, " + c.notAttempted() + " not attempted";
            if (c.unconfirmed() > 0) {
                text += ", " + c.unconfirmed() + " sent but not confirmed by Meta (sent again next run)";
            }
        }
        if (errorCount > 0 || !r.warnings().isEmpty()) {
            text += "; " + Words.count(errorCount, "error") + " and " + Words.count(r.warnings().size(), "warning")
                    + " in the errors view";
        }
        return switch (status) {
            case "completed" -> "Completed. " + text + ".";
            case "cancelled" -> "Cancelled. " + text + ".";
            default -> (status.equals("partial") ? "Stopped early. " : "Failed. ") + reason.orElse("") + " " + text
                    + ".";
        };
    }
}
