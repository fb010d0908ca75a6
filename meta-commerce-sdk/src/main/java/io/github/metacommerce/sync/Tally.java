package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts of one run: every item and translation lands in exactly one count, and every item that is not
 * synced or unchanged is listed with its error, its reason for being unconfirmed, or its id as not attempted.
 * Used on the sync's thread only.
 */
final class Tally {
    private final RunState run;
    final List<SyncIssue> errors = new ArrayList<>();
    final List<SyncIssue> warnings = new ArrayList<>();
    final List<SyncIssue> translationErrors = new ArrayList<>();
    final List<SyncIssue> unconfirmedIssues = new ArrayList<>();
    final Set<String> notAttemptedIds = new LinkedHashSet<>();
    final List<String> handles = new ArrayList<>();
    long productsSeen;
    /** Products transformed and validated; the others were recognised unchanged by their fingerprint. */
    long productsMapped;
    long itemsSeen;
    long created;
    long updated;
    long unchanged;
    long deleted;
    long failed;
    long notAttempted;
    long unconfirmed;
    long wouldSend;
    long translationsSeen;
    long translationsSent;
    long translationsUnchanged;
    long translationsFailed;
    long translationsNotAttempted;
    long translationsWouldSend;

    Tally(RunState run) {
        this.run = run;
        run.settledBy(this::settled);
    }

    /** Items counted in a final count so far. */
    long settled() {
        return created + updated + unchanged + deleted + failed + notAttempted + unconfirmed + wouldSend;
    }

    /** Counts one more item seen, and tells the progress events. */
    void seeItem() {
        itemsSeen++;
        run.itemsSeen(itemsSeen);
    }

    /** An item that failed for good, with its error; its translations are not attempted. */
    void fail(Pending p, ErrorCategory category, String code, String field, String message, IssueSource source) {
        failed++;
        translationsNotAttempted += p.localized().size();
        errors.add(issue(p.retailerId(), p.productId(), category, Severity.ERROR, code, field, message, source));
    }

    /** An item Meta refused, with Meta's messages; its translations are not attempted. */
    void rejected(Pending p, String code, List<String> metaMessages) {
        failed++;
        translationsNotAttempted += p.localized().size();
        for (String m : metaMessages) {
            errors.add(metaIssue(p, Severity.ERROR, code, m, m));
        }
    }

    /** An item not sent because the run stopped or was cancelled. */
    void notAttempted(Pending p) {
        notAttempted++;
        translationsNotAttempted += p.localized().size();
        listNotAttempted(p.listedId());
    }

    /**
     * An item sent whose fate is unknown: Meta most likely has it, so it is not failed; it is not recorded
     * either, so it is sent again next time. Its translations (sent only after their item is confirmed) are not
     * attempted.
     */
    void unconfirmed(Pending p, ErrorCategory category, String why) {
        unconfirmedItem(p, category, why);
        translationsNotAttempted += p.localized().size();
    }

    /** The item of {@link #unconfirmed}, for a caller that accounts for its translations one by one. */
    void unconfirmedItem(Pending p, ErrorCategory category, String why) {
        unconfirmed++;
        unconfirmedIssues.add(issue(p.retailerId(), p.productId(), category, Severity.WARNING, "UNCONFIRMED", "",
                why, IssueSource.API));
    }

    void listNotAttempted(String id) {
        if (notAttemptedIds.size() < run.options.maxListedNotAttempted() && id != null) {
            notAttemptedIds.add(id);
        }
    }

    SyncIssue issue(String retailerId, String productId, ErrorCategory category, Severity severity, String code,
            String field, String message, IssueSource source) {
        return SyncIssue.builder().retailerId(retailerId).productId(productId).category(category).severity(severity)
                .code(code).field(field).message(message).source(source).time(run.now()).build();
    }

    /** An issue Meta reported about an item, with the field read from Meta's wording where it names one. */
    SyncIssue metaIssue(Pending p, Severity severity, String code, String message, String metaWording) {
        return issue(p == null ? "" : p.retailerId(), p == null ? "" : p.productId(), ErrorCategory.PRODUCT,
                severity, code, MetaMessageFields.fieldOf(metaWording), message, IssueSource.META);
    }

    SyncCounts counts() {
        return SyncCounts.builder().productsSeen(productsSeen).itemsSeen(itemsSeen).created(created)
                .updated(updated).unchanged(unchanged).deleted(deleted).failed(failed).notAttempted(notAttempted)
                .unconfirmed(unconfirmed).wouldSend(wouldSend).translationsSeen(translationsSeen)
                .translationsSent(translationsSent).translationsUnchanged(translationsUnchanged)
                .translationsFailed(translationsFailed).translationsNotAttempted(translationsNotAttempted)
                .translationsWouldSend(translationsWouldSend).build();
    }
}
