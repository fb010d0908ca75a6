package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of a {@link CatalogSync}: reads the products and hands them through its stages, each with one job:
 * the {@link Planner} (what each product needs, against the ledger), the {@link Uploader} (packing and sending
 * items_batch calls through the {@link Sender}, which paces and retries), the {@link Confirmer} (polling batch
 * statuses and recording what Meta confirmed), the {@link TranslationSender}, and the {@link Tally} that accounts
 * for every item and translation; then it writes the report. All state is local to the run; calls go out on one
 * send thread while the sync's thread plans the next batch and polls.
 */
final class SyncRun {
    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);
    /** The log shows this many kinds of warning, one line each; the report keeps all. */
    private static final int MAX_LOGGED_WARNING_GROUPS = 20;

    private final RunState run;
    private final Tally tally;
    private final Sender sender;
    private final TranslationSender translations;
    private final Confirmer confirmer;
    private final Uploader uploader;
    private final Planner planner;

    SyncRun(CatalogSync sync, SyncRequest request) {
        this.run = new RunState(sync, request);
        this.tally = new Tally(run);
        this.sender = new Sender(run);
        this.translations = new TranslationSender(run, tally, sender);
        this.confirmer = new Confirmer(run, tally, sender, translations);
        this.uploader = new Uploader(run, tally, sender, confirmer, translations);
        this.planner = new Planner(run, tally, uploader, translations);
    }

    SyncReport execute(Stream<Product> products) {
        Instant started = run.now();
        SyncRequest request = run.request;
        MDC.put("syncId", run.syncId);
        MDC.put("catalogId", run.catalogId);
        request.storeId().ifPresent(id -> MDC.put("storeId", id));
        log.info("Sync {} of catalog {} started ({}{}{})", run.syncId, run.catalogId, request.mode(),
                request.dryRun() ? ", dry run" : "", request.productIds().isEmpty() ? ""
                        : ", " + request.productIds().size() + " products");
        Iterator<Product> it = Collections.emptyIterator();
        try (products) {
            it = products.iterator();
            run.progress(SyncStage.READING, 0);
            while (it.hasNext() && run.running()) {
                Product p = it.next();
                if (inScope(p)) {
                    tally.productsSeen++;
                    planner.product(p);
                    run.progress(SyncStage.TRANSFORMING, tally.productsSeen);
                }
            }
            if (run.running()) {
                planner.finish();
                if (request.mode() == SyncMode.FULL && request.productIds().isEmpty() && run.running()) {
                    planner.deleteOrphans();
                }
            }
            planner.abandon();
            uploader.finish();
            skipRest(it);
            uploader.abandon();
            confirmer.drain();
            translations.finish();
        } catch (RuntimeException e) {
            // a bug or a broken store or ledger: the trace is needed to find it; the report accounts for every item
            log.warn("Sync {} failed unexpectedly", run.syncId, e);
            run.stop(ErrorCategory.UNKNOWN, "Unexpected failure: " + e);
            planner.abandon();
            uploader.abandon();
            for (Settling open : new Settling[] {confirmer.settling, translations.settling}) {
                if (open != null) {
                    open.settleRest(tally);
                }
            }
            confirmer.settling = null;
            translations.settling = null;
            confirmer.abandon("the sync failed unexpectedly (" + e + ")");
            translations.abandon();
            try {
                skipRest(it);
            } catch (RuntimeException again) {
                log.warn("Sync {}: the rest of the products could not be read: {}", run.syncId, again.toString());
            }
        } finally {
            sender.close();
            MDC.remove("syncId");
            MDC.remove("catalogId");
            MDC.remove("storeId");
        }
        run.progress(SyncStage.DONE, tally.itemsSeen);
        return report(started);
    }

    /** The run's accounts (for tests in this package). */
    Tally tally() {
        return tally;
    }

    private boolean inScope(Product p) {
        return run.request.productIds().isEmpty() || (p != null && run.request.productIds().contains(p.productId()));
    }

    /** Counts the products not read because the run stopped: each item is not attempted. */
    private void skipRest(Iterator<Product> it) {
        while (it.hasNext()) {
            Product p = it.next();
            if (inScope(p)) {
                tally.productsSeen++;
                planner.skip(p);
            }
        }
    }

    private SyncReport report(Instant started) {
        ErrorCategory stopCategory = run.stopCategory();
        SyncOutcome outcome = stopCategory != null ? SyncOutcome.STOPPED
                : run.cancelled() ? SyncOutcome.CANCELLED : SyncOutcome.COMPLETED;
        SyncCounts c = tally.counts();
        SyncReport report = SyncReport.builder().syncId(run.syncId).catalogId(run.catalogId)
                .mode(run.request.mode()).dryRun(run.request.dryRun()).outcome(outcome).stopCategory(stopCategory)
                .stopReason(run.stopReason()).counts(c).errors(tally.errors).warnings(tally.warnings)
                .translationErrors(tally.translationErrors).unconfirmed(tally.unconfirmedIssues)
                .notAttemptedProductIds(new ArrayList<>(tally.notAttemptedIds)).apiCalls(run.apiCalls())
                .rateLimitWait(run.rateLimitWait()).startedAt(started).finishedAt(run.now()).handles(tally.handles)
                .build();
        List<SyncIssueGroup> summary = report.warningSummary();
        for (SyncIssueGroup g : summary.subList(0, Math.min(summary.size(), MAX_LOGGED_WARNING_GROUPS))) {
            // item warnings are advice about the data (Meta still accepted the items): INFO, one line per kind
            log.info("Sync {} warning: {}", run.syncId, g.describe());
        }
        if (summary.size() > MAX_LOGGED_WARNING_GROUPS) {
            log.info("Sync {}: {} more kinds of warning; see the report's warningSummary()", run.syncId,
                    summary.size() - MAX_LOGGED_WARNING_GROUPS);
        }
        log.info("Sync {} of catalog {} {}: {} items, {} created, {} updated, {} unchanged, {} deleted, {} failed, "
                + "{} unconfirmed, {} not attempted; {} of {} products mapped, the others unchanged by fingerprint; "
                + "translations: {} sent, {} unchanged, {} failed, {} not attempted; {} warnings ({} kinds); {} "
                + "calls", run.syncId, run.catalogId, outcome, c.itemsSeen(), c.created(), c.updated(),
                c.unchanged(), c.deleted(), c.failed(), c.unconfirmed(), c.notAttempted(), tally.productsMapped,
                c.productsSeen(),
                c.translationsSent(), c.translationsUnchanged(), c.translationsFailed(),
                c.translationsNotAttempted(), tally.warnings.size(), summary.size(), run.apiCalls());
        return report;
    }
}
