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

/**
 * Sends translations ({@code localized_items_batch}, one call per language and pack) and records the ones Meta
 * accepted: those of items Meta just confirmed, and, for items Meta already has, only the translations whose own
 * hash changed. Packs like items, by count and by bytes. Used on the sync's thread; the calls go through the
 * send thread.
 */
final class TranslationSender {
    private final RunState run;
    private final Tally tally;
    private final Sender sender;
    private final boolean translationHashesKept;
    /** Items Meta already has whose translations changed: only the translations are sent. */
    private final List<Pending> translationOnly = new ArrayList<>();
    private long translationOnlyBytes;
    /** The batch being settled, so an unexpected failure can still account for what it left open. */
    Settling settling;

    TranslationSender(RunState run, Tally tally, Sender sender) {
        this.run = run;
        this.tally = tally;
        this.sender = sender;
        this.translationHashesKept = run.sync.stateStore().keepsTranslationHashes();
    }

    /** Holds an item Meta already has whose translations changed; sends them once a call's worth is waiting. */
    void queueTranslationOnly(Pending p) {
        if (run.request.dryRun()) {
            tally.translationsWouldSend += p.localized().size();
            return;
        }
        long bytes = bytesOf(p);
        // send a full call's worth before adding: should sending fail unexpectedly, this item is not yet counted
        if (!translationOnly.isEmpty() && (translationOnly.size() >= run.options.maxRequestsPerCall()
                || translationOnlyBytes + bytes > run.options.maxBytesPerCall())) {
            flushTranslationOnly();
        }
        translationOnly.add(p);
        translationOnlyBytes += bytes;
    }

    private static long bytesOf(Pending p) {
        long n = 0;
        for (LocalizedItem l : p.localized()) {
            n += ItemRequest.update(l.toData()).sizeInBytes() + 1;
        }
        return n;
    }

    /** Sends the changed translations of items Meta already has, and records those Meta accepted. */
    void flushTranslationOnly() {
        if (translationOnly.isEmpty()) {
            return;
        }
        List<Pending> items = new ArrayList<>(translationOnly);
        translationOnly.clear();
        translationOnlyBytes = 0;
        Settling s = settling = new Settling(items, true, "");
        send(items, s);
        Instant at = run.now();
        List<SyncRecord> saved = new ArrayList<>(items.size());
        for (Pending p : items) {
            saved.add(record(p, p.known().warnings(), at, s));
        }
        run.sync.stateStore().saveAll(run.catalogId, saved);
        for (Pending p : items) {
            tally.translationsSent += s.accepted(p);
            s.settled.add(p.retailerId());
        }
        settling = null;
    }

    /** What a stop or an unexpected failure left queued is not attempted. */
    void abandonQueued() {
        translationOnly.forEach(p -> tally.translationsNotAttempted += p.localized().size());
        translationOnly.clear();
        translationOnlyBytes = 0;
    }

    /**
     * The ledger record of an item Meta has: its payload hash, its product's fingerprint, and the hash of each
     * translation Meta has. A translation not accepted this time keeps the hash the ledger had (Meta still has
     * that version), so it is sent again next time; languages the item no longer has are dropped. For a ledger
     * without translation hashes the record then holds the payload's hash alone, which differs from the one with
     * the translations folded in, so the item is sent again with its translations next time. A record with a
     * translation not accepted keeps no fingerprint, so its product is mapped again next time.
     */
    SyncRecord record(Pending p, int warningCount, Instant at, Settling s) {
        boolean allAccepted = p.localized().stream()
                .noneMatch(l -> s.translationsCounted.contains(Settling.key(p.retailerId(), l.languageValue())));
        SyncRecord.Builder b = SyncRecord.builder().retailerId(p.retailerId()).productId(p.productId())
                .contentHash(translationHashesKept || allAccepted ? p.hash() : p.itemHash()).syncedAt(at)
                .warnings(warningCount).fingerprint(allAccepted ? p.fingerprint() : "");
        for (Map.Entry<String, String> e : p.translationHashes().entrySet()) {
            if (!s.translationsCounted.contains(Settling.key(p.retailerId(), e.getKey()))) {
                b.translationHash(e.getKey(), e.getValue());
            } else if (p.known() != null && p.known().translationHashes().containsKey(e.getKey())) {
                b.translationHash(e.getKey(), p.known().translationHashes().get(e.getKey()));
            }
        }
        return b.build();
    }

    /**
     * Sends per-language overrides (the items' {@code localized} lists), one call per language and pack. A
     * refused or unsent translation is a translation error (the item itself is synced); Meta's warnings on them
     * are warnings. Checks the immediate validation only: localized batches are not polled.
     *
     * <p>Refused and unsent translations are counted at once and noted in {@code s.translationsCounted}; accepted
     * ones go to {@code s.translationsAccepted} and are counted sent by the caller once the ledger has them.
     */
    void send(List<Pending> items, Settling s) {
        Map<String, List<LocalizedItem>> byLanguage = new LinkedHashMap<>();
        Map<String, Pending> byId = new HashMap<>();
        for (Pending p : items) {
            byId.put(p.retailerId(), p);
            for (LocalizedItem l : p.localized()) {
                byLanguage.computeIfAbsent(l.languageValue(), k -> new ArrayList<>()).add(l);
            }
        }
        for (Map.Entry<String, List<LocalizedItem>> e : byLanguage.entrySet()) {
            String language = e.getKey();
            List<ItemRequest> pack = new ArrayList<>();
            List<LocalizedItem> packed = new ArrayList<>();
            long bytes = 0;
            for (LocalizedItem l : e.getValue()) {
                ItemRequest r = ItemRequest.update(l.toData());
                if (!pack.isEmpty() && (pack.size() >= run.options.maxRequestsPerCall()
                        || bytes + r.sizeInBytes() + 1 > run.options.maxBytesPerCall())) {
                    sendPack(language, pack, packed, byId, s);
                    pack = new ArrayList<>();
                    packed = new ArrayList<>();
                    bytes = 0;
                }
                pack.add(r);
                packed.add(l);
                bytes += r.sizeInBytes() + 1;
            }
            if (!pack.isEmpty()) {
                sendPack(language, pack, packed, byId, s);
            }
        }
    }

    private void sendPack(String language, List<ItemRequest> requests, List<LocalizedItem> chunk,
            Map<String, Pending> byId, Settling s) {
        Set<String> notSent = s.translationsCounted;
        Sender.Outcome<ItemsBatchResponse> outcome = run.running()
                ? sender.submit(() -> run.sync.graph().localizedItemsBatch(run.catalogId, language, requests)).join()
                : Sender.Outcome.notSent("");
        ItemsBatchResponse r = outcome.result();
        if (r == null || r.handle().isEmpty() && r.validationStatus().isEmpty()) {
            boolean attempted = r != null || outcome.kind() != Sender.Kind.NOT_SENT || !outcome.message().isEmpty();
            String why = r != null ? "Meta accepted the call but ingested nothing (no batch handle)"
                    : outcome.message();
            for (LocalizedItem l : chunk) {
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
        for (LocalizedItem l : chunk) {
            if (rejected.contains(l.retailerId())) {
                tally.translationsFailed++;
                notSent.add(Settling.key(l.retailerId(), language));
            } else {
                s.translationsAccepted.add(Settling.key(l.retailerId(), language));
            }
        }
    }
}
