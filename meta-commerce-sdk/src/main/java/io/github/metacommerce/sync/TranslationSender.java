package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemValidation;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends translations ({@code localized_items_batch}, one call per language and pack, packed like items by count
 * and bytes) for items the ledger already has: items whose translations alone changed, and items Meta has just
 * confirmed, once their records are written. Only translations whose own hash changed are sent. The calls run on
 * their own send thread while the sync goes on; their answers are applied, and the translations Meta accepted
 * recorded, on the sync's thread when they have come. Used on the sync's thread.
 */
final class TranslationSender {
    /** One call: a language and its requests, with the translations they carry. */
    private record Pack(String language, List<ItemRequest> requests, List<LocalizedItem> chunk) {
    }

    /** An item queued with its translations' requests, serialised once, and their size. */
    private record Queued(Pending item, List<ItemRequest> requests, long bytes) {
        static Queued of(Pending p) {
            List<ItemRequest> requests = new ArrayList<>(p.localized().size());
            long bytes = 0;
            for (LocalizedItem l : p.localized()) {
                ItemRequest r = ItemRequest.update(l.toData());
                requests.add(r);
                bytes += r.sizeInBytes() + 1;
            }
            return new Queued(p, requests, bytes);
        }
    }

    /** Translations whose calls are in flight. */
    private record InFlight(List<Pending> items, List<Pack> packs,
            CompletableFuture<List<Sender.Outcome<ItemsBatchResponse>>> outcomes) {
    }

    private final RunState run;
    private final Tally tally;
    private final Sender sender;
    private final boolean translationHashesKept;
    /** Items Meta has whose translations are to be sent. */
    private final java.util.ArrayDeque<Queued> queued = new java.util.ArrayDeque<>();
    private long queuedBytes;
    private InFlight inFlight;
    /** The translations being recorded, so an unexpected failure can still account for what it left open. */
    Settling settling;

    TranslationSender(RunState run, Tally tally, Sender sender) {
        this.run = run;
        this.tally = tally;
        this.sender = sender;
        this.translationHashesKept = run.sync.stateStore().keepsTranslationHashes();
    }

    /**
     * Queues the translations of an item the ledger has ({@link Pending#known()}); they go out once a call's worth
     * is waiting. In a dry run they are counted as would send.
     */
    void queue(Pending p) {
        if (run.request.dryRun()) {
            tally.translationsWouldSend += p.localized().size();
            return;
        }
        Queued q = Queued.of(p);
        // send a full call's worth before adding: should sending fail unexpectedly, this item is not yet counted
        if (!queued.isEmpty() && (queued.size() >= run.options.maxRequestsPerCall()
                || queuedBytes + q.bytes() > run.options.maxBytesPerCall())) {
            flush();
        }
        add(q);
    }

    /**
     * Queues the translations of items just recorded, all of them before any is sent: should sending the ones
     * queued earlier fail unexpectedly, these are still queued, and {@link #abandon()} counts each once.
     */
    void queueAll(List<Pending> items) {
        for (Pending p : items) {
            add(Queued.of(p));
        }
        // only full calls now; the rest waits for the next items
        while (queued.size() >= run.options.maxRequestsPerCall() || queuedBytes > run.options.maxBytesPerCall()) {
            flush();
        }
    }

    private void add(Queued q) {
        queued.addLast(q);
        queuedBytes += q.bytes();
    }

    /** Sends a call's worth of what is queued (by count and bytes), once the calls in flight are answered. */
    void flush() {
        if (queued.isEmpty()) {
            return;
        }
        awaitInFlight();
        List<Queued> taken = new ArrayList<>();
        long bytes = 0;
        while (!queued.isEmpty() && taken.size() < run.options.maxRequestsPerCall()
                && (taken.isEmpty() || bytes + queued.peekFirst().bytes() <= run.options.maxBytesPerCall())) {
            Queued q = queued.removeFirst();
            bytes += q.bytes();
            queuedBytes -= q.bytes();
            taken.add(q);
        }
        List<Pending> items = new ArrayList<>(taken.size());
        taken.forEach(q -> items.add(q.item()));
        List<Pack> packs = packs(taken);
        CompletableFuture<List<Sender.Outcome<ItemsBatchResponse>>> outcomes = sender.run(Sender.Lane.TRANSLATIONS,
                () -> {
                    List<Sender.Outcome<ItemsBatchResponse>> out = new ArrayList<>(packs.size());
                    for (Pack pack : packs) {
                        out.add(run.running() ? sender.call(() -> run.sync.graph().localizedItemsBatch(
                                run.catalogId, pack.language(), pack.requests())) : Sender.Outcome.notSent(""));
                    }
                    return out;
                });
        inFlight = new InFlight(items, packs, outcomes);
    }

    /** Applies the answers of the calls in flight if they have come; no wait. */
    void tick() {
        if (inFlight != null && inFlight.outcomes().isDone()) {
            awaitInFlight();
        }
    }

    /** Sends what is queued and applies every answer. */
    void finish() {
        while (!queued.isEmpty()) {
            flush();
        }
        awaitInFlight();
    }

    /**
     * After an unexpected failure: translations still queued are not attempted; those in flight are accounted
     * for from their answers without being recorded (one Meta accepted is a translation error, sent again next
     * time).
     */
    void abandon() {
        queued.forEach(q -> tally.translationsNotAttempted += q.item().localized().size());
        queued.clear();
        queuedBytes = 0;
        if (inFlight != null) {
            InFlight f = inFlight;
            inFlight = null;
            Settling s = new Settling(f.items(), true, "");
            apply(f, outcomesOf(f), s);
            s.settleRest(tally);
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        InFlight f = inFlight;
        inFlight = null;
        List<Sender.Outcome<ItemsBatchResponse>> outcomes = outcomesOf(f);
        Settling s = settling = new Settling(f.items(), true, "");
        apply(f, outcomes, s);
        Instant at = run.now();
        List<SyncRecord> saved = new ArrayList<>(f.items().size());
        for (Pending p : f.items()) {
            saved.add(record(p, p.known().warnings(), at, notAccepted(p, s)));
        }
        run.sync.stateStore().saveAll(run.catalogId, saved);
        for (Pending p : f.items()) {
            tally.translationsSent += s.accepted(p);
            s.settled.add(p.retailerId());
        }
        settling = null;
    }

    private List<Sender.Outcome<ItemsBatchResponse>> outcomesOf(InFlight f) {
        try {
            return sender.await(f.outcomes(), () -> { });
        } catch (CompletionException e) {
            run.stop(ErrorCategory.UNKNOWN, "Unexpected failure: " + e.getCause());
            List<Sender.Outcome<ItemsBatchResponse>> unknown = new ArrayList<>();
            f.packs().forEach(p -> unknown.add(new Sender.Outcome<>(Sender.Kind.UNKNOWN, null,
                    ErrorCategory.UNKNOWN, "INTERNAL_ERROR", "the call failed unexpectedly: " + e.getCause())));
            return unknown;
        }
    }

    /** The queued translations by language, packed into calls by count and bytes. */
    private List<Pack> packs(List<Queued> taken) {
        Map<String, List<LocalizedItem>> byLanguage = new LinkedHashMap<>();
        Map<LocalizedItem, ItemRequest> requestOf = new java.util.IdentityHashMap<>();
        for (Queued q : taken) {
            List<LocalizedItem> localized = q.item().localized();
            for (int i = 0; i < localized.size(); i++) {
                LocalizedItem l = localized.get(i);
                byLanguage.computeIfAbsent(l.languageValue(), k -> new ArrayList<>()).add(l);
                requestOf.put(l, q.requests().get(i));
            }
        }
        List<Pack> packs = new ArrayList<>();
        for (Map.Entry<String, List<LocalizedItem>> e : byLanguage.entrySet()) {
            List<ItemRequest> requests = new ArrayList<>();
            List<LocalizedItem> chunk = new ArrayList<>();
            long bytes = 0;
            for (LocalizedItem l : e.getValue()) {
                ItemRequest r = requestOf.get(l);
                if (!requests.isEmpty() && (requests.size() >= run.options.maxRequestsPerCall()
                        || bytes + r.sizeInBytes() + 1 > run.options.maxBytesPerCall())) {
                    packs.add(new Pack(e.getKey(), requests, chunk));
                    requests = new ArrayList<>();
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                requests.add(r);
                chunk.add(l);
                bytes += r.sizeInBytes() + 1;
            }
            if (!requests.isEmpty()) {
                packs.add(new Pack(e.getKey(), requests, chunk));
            }
        }
        return packs;
    }

    /** The languages of an item Meta did not accept this time (refused or not sent). */
    private static Set<String> notAccepted(Pending p, Settling s) {
        Set<String> out = new HashSet<>();
        for (LocalizedItem l : p.localized()) {
            if (s.translationsCounted.contains(Settling.key(p.retailerId(), l.languageValue()))) {
                out.add(l.languageValue());
            }
        }
        return out;
    }

    /**
     * The ledger record of an item Meta has: its payload hash, its product's fingerprint, and the hash of each
     * translation Meta has. A translation not accepted (or not yet sent: {@code notAccepted}) keeps the hash the
     * ledger had (Meta still has that version), so it is sent again next time; languages the item no longer has
     * are dropped. For a ledger without translation hashes the record then holds the payload's hash alone, which
     * differs from the one with the translations folded in, so the item is sent again with its translations next
     * time. A record with a translation not accepted keeps no fingerprint, so its product is mapped again.
     */
    SyncRecord record(Pending p, int warningCount, Instant at, Set<String> notAccepted) {
        boolean allAccepted = notAccepted.isEmpty();
        SyncRecord.Builder b = SyncRecord.builder().retailerId(p.retailerId()).productId(p.productId())
                .contentHash(translationHashesKept || allAccepted ? p.hash() : p.itemHash()).syncedAt(at)
                .warnings(warningCount).fingerprint(allAccepted ? p.fingerprint() : "");
        for (Map.Entry<String, String> e : p.translationHashes().entrySet()) {
            if (!notAccepted.contains(e.getKey())) {
                b.translationHash(e.getKey(), e.getValue());
            } else if (p.known() != null && p.known().translationHashes().containsKey(e.getKey())) {
                b.translationHash(e.getKey(), p.known().translationHashes().get(e.getKey()));
            }
        }
        return b.build();
    }

    /**
     * Applies the answers: a refused or unsent translation is a translation error (the item itself is synced);
     * Meta's warnings on them are warnings. Checks the immediate validation only: localized batches are not
     * polled. Refused and unsent translations are counted at once and noted in {@code s.translationsCounted};
     * accepted ones go to {@code s.translationsAccepted} and are counted sent once the ledger has them.
     */
    private void apply(InFlight f, List<Sender.Outcome<ItemsBatchResponse>> outcomes, Settling s) {
        Map<String, Pending> byId = new HashMap<>();
        f.items().forEach(p -> byId.put(p.retailerId(), p));
        for (int i = 0; i < f.packs().size(); i++) {
            applyPack(f.packs().get(i), outcomes.get(i), byId, s);
        }
    }

    private void applyPack(Pack pack, Sender.Outcome<ItemsBatchResponse> outcome, Map<String, Pending> byId,
            Settling s) {
        String language = pack.language();
        Set<String> notSent = s.translationsCounted;
        ItemsBatchResponse r = outcome.result();
        if (r == null || r.handle().isEmpty() && r.validationStatus().isEmpty()) {
            boolean attempted = r != null || outcome.kind() != Sender.Kind.NOT_SENT || !outcome.message().isEmpty();
            String why = r != null ? "Meta accepted the call but ingested nothing (no batch handle)"
                    : outcome.message();
            for (LocalizedItem l : pack.chunk()) {
                notSent.add(Settling.key(l.retailerId(), language));
                if (attempted) {
                    tally.translationsFailed++;
                    tally.translationErrors.add(tally.issue(l.retailerId(), byId.get(l.retailerId()).productId(),
                            ErrorCategory.PRODUCT, Severity.ERROR, "TRANSLATION_NOT_SENT", "",
                            "The " + language + " translation could not be sent (" + why + "); it will be "
                                    + "sent again next time.", IssueSource.API));
                } else {
                    tally.translationsNotAttempted++;
                }
            }
            return;
        }
        r.handle().ifPresent(tally.handles::add);
        Set<String> rejected = new HashSet<>();
        for (ItemValidation v : r.validationStatus()) {
            Pending p = byId.get(v.retailerId());
            if (p == null) {
                continue;
            }
            for (String w : v.warnings()) {
                tally.warnings.add(tally.metaIssue(p, Severity.WARNING, "META_WARNING", language + ": " + w, w));
            }
            if (!v.errors().isEmpty()) {
                rejected.add(v.retailerId());
                for (String msg : v.errors()) {
                    tally.translationErrors.add(tally.metaIssue(p, Severity.ERROR, "TRANSLATION_REJECTED",
                            language + ": " + msg, msg));
                }
            }
        }
        for (LocalizedItem l : pack.chunk()) {
            if (rejected.contains(l.retailerId())) {
                tally.translationsFailed++;
                notSent.add(Settling.key(l.retailerId(), language));
            } else {
                s.translationsAccepted.add(Settling.key(l.retailerId(), language));
            }
        }
    }
}
