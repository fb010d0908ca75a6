package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.BatchMessage;
import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.product.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms the batches sent: polls each batch's status on its own schedule, counted from when it was sent, and
 * applies each as soon as Meta finishes it: Meta's errors and warnings go to the tally, the confirmed items to the
 * ledger at once (so after a crash the ledger lags the catalog by no more than the batches still open), then
 * their translations are sent. The first poll of a batch comes after about as long as Meta took for the earlier
 * batches of this run (or, for the first batch, of the last run of the same {@link CatalogSync}; else after
 * {@code statusPollInitial}), from 50 ms up to {@code statusPollMax}; then the wait doubles up to
 * {@code statusPollMax}. A batch not finished within {@code statusTimeout} of being sent, an answer that does not
 * fit its request, and every batch still open when the run stops or is cancelled are unconfirmed: sent, not
 * failed, and sent again next time. Used on the sync's thread.
 */
final class Confirmer {
    private static final Logger log = LoggerFactory.getLogger(Confirmer.class);
    /** Status answers that do not fit before a batch is given up as unconfirmed. */
    private static final int MAX_UNREADABLE = 3;

    /** A batch sent and awaiting confirmation: the items still open, and every request as sent (for lines). */
    static final class Sent {
        final String handle;
        final List<Pending> items;
        final List<Pending> sentInOrder;
        final Instant sentAt;
        final Instant deadline;
        Instant nextPoll;
        Duration lastWait;
        int polls;
        int unreadable;

        Sent(String handle, List<Pending> items, List<Pending> sentInOrder, Instant sentAt, Instant deadline) {
            this.handle = handle;
            this.items = items;
            this.sentInOrder = sentInOrder;
            this.sentAt = sentAt;
            this.deadline = deadline;
        }
    }

    private final RunState run;
    private final Tally tally;
    private final Sender sender;
    private final TranslationSender translations;
    private final List<Sent> open = new ArrayList<>();
    /** The batch being applied, so an unexpected failure can still account for what it left open. */
    Settling settling;
    /** How long the first poll of the next batch waits: adapted to how long Meta took for earlier ones. */
    private Duration firstWait;

    Confirmer(RunState run, Tally tally, Sender sender, TranslationSender translations) {
        this.run = run;
        this.tally = tally;
        this.sender = sender;
        this.translations = translations;
        // a later run of the same sync starts from what the last one learnt of Meta's pace
        this.firstWait = run.sync.learnedFirstPoll().orElse(run.options.statusPollInitial());
    }

    int size() {
        return open.size();
    }

    /** Starts confirming a batch Meta took at {@code sentAt}. */
    void track(String handle, List<Pending> items, List<Pending> sentInOrder, Instant sentAt) {
        Sent s = new Sent(handle, items, sentInOrder, sentAt, sentAt.plus(run.options.statusTimeout()));
        s.lastWait = firstWait;
        s.nextPoll = sentAt.plus(firstWait);
        open.add(s);
    }

    /** Polls every batch whose poll is due, without waiting. */
    void pollDue() {
        if (open.isEmpty()) {
            return;
        }
        if (!run.pollingAllowed()) {
            abandon(run.whyNotPolled());
            return;
        }
        Instant now = run.now();
        for (Sent s : new ArrayList<>(open)) {
            if (!run.pollingAllowed()) {
                abandon(run.whyNotPolled());
                return;
            }
            if (!now.isBefore(s.nextPoll)) {
                poll(s);
                now = run.now();
            }
            if (open.contains(s) && !now.isBefore(s.deadline)) {
                open.remove(s);
                unconfirm(s, ErrorCategory.UNKNOWN, "Meta did not finish it within " + run.options.statusTimeout());
            }
        }
    }

    /** Waits for the next poll that is due, then polls what is due. */
    void awaitOne() {
        if (open.isEmpty()) {
            return;
        }
        Instant next = open.get(0).nextPoll;
        for (Sent s : open) {
            Instant due = s.nextPoll.isAfter(s.deadline) ? s.deadline : s.nextPoll;
            if (due.isBefore(next)) {
                next = due;
            }
        }
        run.progress(SyncStage.CONFIRMING, tally.itemsSeen);
        Duration wait = Duration.between(run.now(), next);
        if (!wait.isNegative() && !wait.isZero() && !run.waitFor(wait, false) && !run.pollingAllowed()) {
            abandon(run.whyNotPolled());
            return;
        }
        pollDue();
    }

    /** Confirms every batch still open. */
    void drain() {
        while (!open.isEmpty()) {
            awaitOne();
        }
    }

    /** Every batch still open is unconfirmed, for the reason given. */
    void abandon(String why) {
        ErrorCategory c = run.stopCategory() != null ? run.stopCategory() : ErrorCategory.UNKNOWN;
        List<Sent> all = new ArrayList<>(open);
        open.clear();
        for (Sent s : all) {
            unconfirm(s, c, why);
        }
    }

    private void unconfirm(Sent s, ErrorCategory category, String why) {
        s.items.forEach(p -> tally.unconfirmed(p, category, "Sent in batch " + s.handle + " but not confirmed "
                + "because " + why + "; it will be sent again next time."));
    }

    /**
     * Reads a batch's status once. The Graph client already retries the GET on transient failures, so a failure
     * here just means "ask again at the next poll"; auth, permission and catalog errors stop the sync.
     */
    private void poll(Sent s) {
        s.polls++;
        BatchStatus status = null;
        run.countCall();
        try {
            status = run.sync.graph().batchStatus(run.catalogId, s.handle);
            sender.adapt(status);
        } catch (OAuthException | PermissionException | CatalogAccessException e) {
            run.stop(e.category(), e.getMessage());
            return;
        } catch (RateLimitException e) {
            Duration wait = e.retryAfter().orElse(Duration.ofMinutes(1));
            Duration capped = wait.compareTo(run.options.maxRateLimitWait()) > 0 ? run.options.maxRateLimitWait()
                    : wait;
            s.nextPoll = run.now().plus(capped);
            return;
        } catch (GraphResponseParseException e) {
            log.warn("Sync {}: Meta's status answer for batch {} does not fit ({})", run.syncId, s.handle,
                    e.getMessage());
            if (++s.unreadable >= MAX_UNREADABLE) {
                open.remove(s);
                unconfirm(s, ErrorCategory.UNKNOWN, "Meta's status answers for it could not be read ("
                        + e.getMessage() + ")");
                return;
            }
        } catch (MetaCommerceException e) {
            if (e instanceof GraphTransportException g && g.isInterrupted()) {
                run.cancel();
                return;
            }
            log.warn("Sync {}: reading the status of batch {} failed ({}); asking again later", run.syncId,
                    s.handle, e.getMessage());
        }
        if (status != null && !status.handle().equals(s.handle)) {
            log.warn("Sync {}: Meta answered the status of batch {} with that of batch {}; its items are "
                    + "unconfirmed", run.syncId, s.handle, status.handle());
            open.remove(s);
            unconfirm(s, ErrorCategory.UNKNOWN, "Meta's status answer named another batch (" + status.handle() + ")");
            return;
        }
        if (status != null && status.isFinished()) {
            open.remove(s);
            learn(s);
            settling = new Settling(s.items, false, "Sent in batch " + s.handle
                    + " and confirmed, but the sync failed before recording it; it will be sent again next time.");
            apply(s, status);
            settling = null;
            return;
        }
        Duration doubled = s.lastWait.multipliedBy(2);
        s.lastWait = doubled.compareTo(run.options.statusPollMax()) > 0 ? run.options.statusPollMax() : doubled;
        s.nextPoll = run.now().plus(s.lastWait);
    }

    /**
     * Adapts the first wait to how long Meta took for this batch: found finished at its first poll, Meta may have
     * been faster, so the next batch is asked sooner (half the wait); otherwise about as long as this one took.
     */
    private void learn(Sent s) {
        Duration took = Duration.between(s.sentAt, run.now());
        Duration next = s.polls == 1 ? firstWait.dividedBy(2) : took;
        Duration min = run.options.statusPollInitial().compareTo(Duration.ofMillis(50)) < 0
                ? run.options.statusPollInitial() : Duration.ofMillis(50);
        if (next.compareTo(min) < 0) {
            next = min;
        }
        firstWait = next.compareTo(run.options.statusPollMax()) > 0 ? run.options.statusPollMax() : next;
        run.sync.learnedFirstPoll(firstWait);
    }

    private static Pending attribute(BatchMessage m, List<Pending> items) {
        if (!m.retailerId().isEmpty()) {
            for (Pending p : items) {
                if (p.retailerId().equals(m.retailerId())) {
                    return p;
                }
            }
        }
        return m.line() >= 1 && m.line() <= items.size() ? items.get(m.line() - 1) : null;
    }

    private void apply(Sent sent, BatchStatus status) {
        Settling s = settling;
        Map<String, Pending> open = new LinkedHashMap<>();
        sent.items.forEach(p -> open.put(p.retailerId(), p));
        boolean unattributed = false;
        for (BatchMessage m : status.errors()) {
            Pending p = attribute(m, sent.sentInOrder);
            if (p == null) {
                unattributed = true;
                tally.errors.add(tally.issue("", "", ErrorCategory.UNKNOWN, Severity.ERROR, "META_BATCH_ERROR",
                        MetaMessageFields.fieldOf(m.message()), m.message(), IssueSource.META));
                continue;
            }
            if (open.remove(p.retailerId()) != null) {
                tally.rejected(p, "META_ERROR", List.of(m.message()));
                s.settled.add(p.retailerId());
            }
        }
        for (String id : status.idsOfInvalidRequests()) {
            Pending p = open.remove(id);
            if (p != null) {
                tally.fail(p, ErrorCategory.PRODUCT, "META_INVALID", "", "Meta rejected this item.",
                        IssueSource.META);
                s.settled.add(p.retailerId());
            }
        }
        Map<String, Integer> warningCounts = new HashMap<>();
        for (BatchMessage m : status.warnings()) {
            Pending p = attribute(m, sent.sentInOrder);
            if (p != null) {
                warningCounts.merge(p.retailerId(), 1, Integer::sum);
                if (!p.alreadyWarned(m.message())) {
                    tally.warnings.add(tally.metaIssue(p, Severity.WARNING, "META_WARNING", m.message(),
                            m.message()));
                }
            }
        }
        long rejectedHere = sent.items.size() - open.size();
        if (status.errorsTotalCount() > status.errors().size() && status.errorsTotalCount() > rejectedHere) {
            unattributed = true;
            log.warn("Sync {}: batch {} reports {} errors but lists {}; its other items are treated as unconfirmed",
                    run.syncId, sent.handle, status.errorsTotalCount(), status.errors().size());
        }
        if (unattributed) {
            for (Pending p : open.values()) {
                tally.unconfirmed(p, ErrorCategory.UNKNOWN, "Meta reported a batch error it did not attribute to an "
                        + "item; this item will be sent again next time.");
                s.settled.add(p.retailerId());
            }
            open.clear();
        }
        List<String> removed = new ArrayList<>();
        List<String> thoughtNew = new ArrayList<>();
        for (Pending p : open.values()) {
            if (p.action() == ItemAction.DELETE) {
                removed.add(p.retailerId());
            } else if (p.known() == null) {
                thoughtNew.add(p.retailerId());
            }
        }
        // another sync of this catalog may have recorded some of the items meanwhile: those are updates
        Map<String, SyncRecord> recordedMeanwhile = thoughtNew.isEmpty() ? Map.of()
                : run.sync.stateStore().find(run.catalogId, thoughtNew);
        Instant at = run.now();
        List<SyncRecord> saved = new ArrayList<>();
        List<Pending> translated = new ArrayList<>();
        for (Pending p : open.values()) {
            if (p.action() != ItemAction.DELETE) {
                // recorded at once; the translations to send keep the hashes Meta had until it accepts the new ones
                java.util.Set<String> pending = new java.util.HashSet<>();
                p.localized().forEach(l -> pending.add(l.languageValue()));
                SyncRecord r = translations.record(p, warningCounts.getOrDefault(p.retailerId(), 0), at, pending);
                saved.add(r);
                if (!p.localized().isEmpty()) {
                    translated.add(p.withKnown(r));
                }
            }
        }
        // counted only once the ledger has them: a ledger that throws leaves them to settleRest
        if (!saved.isEmpty()) {
            run.sync.stateStore().saveAll(run.catalogId, saved);
            for (Pending p : open.values()) {
                if (p.action() != ItemAction.DELETE) {
                    if (p.known() != null || recordedMeanwhile.containsKey(p.retailerId())) {
                        tally.updated++;
                    } else {
                        tally.created++;
                    }
                    s.settled.add(p.retailerId());
                }
            }
        }
        // the items are counted; their translations go out now, on their own send thread
        translations.queueAll(translated);
        if (!removed.isEmpty()) {
            run.sync.stateStore().removeAll(run.catalogId, removed);
            tally.deleted += removed.size();
            s.settled.addAll(removed);
        }
    }
}
