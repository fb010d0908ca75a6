package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.internal.AppSecretProofs;
import io.github.metacommerce.internal.Json;
import io.github.metacommerce.internal.LongHashSet;
import io.github.metacommerce.product.IssueCode;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.Severity;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.product.ValidationIssue;
import io.github.metacommerce.product.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans what each product needs: a product whose fingerprint matches the one recorded for each of its items is
 * counted unchanged without being mapped; any other is transformed and validated, and each valid item is compared
 * with the ledger by its payload hash and the hashes of its translations. Changed items go to the
 * {@link Uploader}, items with only changed translations to the {@link TranslationSender}; a FULL sync then
 * deletes what the ledger has and the store no longer has. Products and items are looked up in the ledger in
 * chunks, in the order they came. Used on the sync's thread.
 */
final class Planner {
    private static final Logger log = LoggerFactory.getLogger(Planner.class);
    private static final int LOOKUP_CHUNK = 500;

    /** A product waiting for the ledger lookup of its fingerprint. */
    private record Queued(Product product, String fingerprint, List<String> retailerIds) {
    }

    /**
     * A product mapped ahead, off the sync's thread: its items, each validated and, when valid, serialised (null
     * where that failed, to be done again on the sync's thread, which reports the failure), or why mapping failed.
     */
    private record Mapped(List<TransformedItem> items, ValidationResult[] validations, ItemRequest[] requests,
            RuntimeException failure) {
    }

    /** Products are mapped ahead in parallel when there are cores to spare and enough of them queued. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    private static final int PARALLEL_FROM = 64;

    private final RunState run;
    private final Tally tally;
    private final Uploader uploader;
    private final TranslationSender translations;
    private final boolean translationHashesKept;
    private final Fingerprints fingerprints;
    private final MessageDigest sha256;
    /** Retailer ids queued for Meta or counted unchanged in this run (one request per id). */
    private final LongHashSet seen = new LongHashSet();
    /** Retailer ids the store still has, valid or not: a FULL sync deletes only ids outside this set. */
    private final LongHashSet present = new LongHashSet();
    /** Set when a product could not be read or mapped: then nobody knows what the store has, so nothing is deleted. */
    private boolean incomplete;
    private final List<Queued> queued = new ArrayList<>();
    private int queuedIds;
    /** How far {@link #resolveQueued()} got, so an unexpected failure counts only the rest. */
    private int queuedIndex;
    /** The ledger's records for the ids looked up with the queued products (absent: not in the ledger). */
    private final Map<String, SyncRecord> prefetched = new HashMap<>();
    private final Set<String> prefetchedIds = new HashSet<>();
    private final List<Pending> lookups = new ArrayList<>();
    /** How far {@link #resolveLookups()} got, so an unexpected failure counts only the rest. */
    private int lookupIndex;
    /** Unchanged items whose record gets the product's current fingerprint. */
    private final List<SyncRecord> refreshed = new ArrayList<>();

    Planner(RunState run, Tally tally, Uploader uploader, TranslationSender translations) {
        this.run = run;
        this.tally = tally;
        this.uploader = uploader;
        this.translations = translations;
        this.translationHashesKept = run.sync.stateStore().keepsTranslationHashes();
        this.fingerprints = new Fingerprints(run.sync.transformer().settings() + "\n" + run.sync.validator()
                + "\ntranslation hashes kept: " + translationHashesKept, run.sync.mappingVersion());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Plans one product in scope (counted seen by the caller). */
    void product(Product p) {
        if (p == null) {
            tally.seeItem();
            tally.failed++;
            incomplete = true;
            tally.errors.add(tally.issue("", "", ErrorCategory.PRODUCT, Severity.ERROR, "NULL_PRODUCT", "",
                    "The store handed in an empty product.", IssueSource.LOCAL));
            return;
        }
        String fingerprint;
        List<String> ids;
        try {
            fingerprint = fingerprints.of(p);
            ids = Fingerprints.retailerIds(p);
        } catch (RuntimeException e) {
            fingerprint = "";
            ids = List.of();
        }
        queued.add(new Queued(p, fingerprint, ids));
        queuedIds += Math.max(1, ids.size());
        if (queuedIds >= LOOKUP_CHUNK) {
            resolveQueued();
        }
    }

    /** Plans everything still queued. */
    void finish() {
        resolveQueued();
        resolveLookups();
    }

    /** In a FULL sync of the whole store: queues deletes for what the ledger has and the store no longer has. */
    void deleteOrphans() {
        if (incomplete) {
            log.warn("Sync {}: some products could not be read or mapped, so no item is deleted this time",
                    run.syncId);
            tally.warnings.add(tally.issue("", "", ErrorCategory.PRODUCT, Severity.WARNING, "DELETES_SKIPPED", "",
                    "Some products could not be read or mapped, so items missing from the store were not deleted "
                            + "this time.", IssueSource.LOCAL));
            return;
        }
        List<String> orphans = new ArrayList<>();
        run.sync.stateStore().forEachRetailerId(run.catalogId, id -> {
            if (!present.contains(LongHashSet.hash64(id))) {
                orphans.add(id);
            }
        });
        log.info("Sync {}: {} items in the ledger are no longer in the store and will be deleted", run.syncId,
                orphans.size());
        for (String id : orphans) {
            tally.seeItem();
            if (!run.running()) {
                tally.notAttempted++;
                continue;
            }
            seen.add(LongHashSet.hash64(id));
            uploader.enqueue(new Pending("", id, ItemAction.DELETE, ItemRequest.delete(id), null, null, List.of(),
                    Map.of(), SyncRecord.builder().retailerId(id).contentHash("").syncedAt(run.now()).build(), false,
                    ""));
        }
        resolveLookups();
    }

    /** Counts a product read after the run stopped: each of its items is not attempted. */
    void skip(Product p) {
        if (p == null) {
            tally.seeItem();
            tally.notAttempted++;
            return;
        }
        List<TransformedItem> items;
        try {
            items = run.sync.transformer().transform(p);
        } catch (RuntimeException e) {
            items = List.of();
        }
        if (items.isEmpty()) {
            tally.seeItem();
            tally.notAttempted++;
            tally.listNotAttempted(p.productId());
            return;
        }
        for (TransformedItem t : items) {
            tally.seeItem();
            tally.notAttempted++;
            tally.listNotAttempted(t.productId());
        }
    }

    /** After an unexpected failure: what is still queued or unresolved is not attempted. */
    void abandon() {
        for (int i = Math.min(queuedIndex, queued.size()); i < queued.size(); i++) {
            skip(queued.get(i).product());
        }
        queued.clear();
        queuedIds = 0;
        queuedIndex = 0;
        lookups.subList(Math.min(lookupIndex, lookups.size()), lookups.size()).forEach(tally::notAttempted);
        lookups.clear();
        lookupIndex = 0;
    }

    /** Looks up the queued products' fingerprints, then counts each unchanged or maps it, in order. */
    private void resolveQueued() {
        if (queued.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(queuedIds);
        for (Queued q : queued) {
            if (!q.fingerprint().isEmpty()) {
                ids.addAll(q.retailerIds());
            }
        }
        prefetched.clear();
        prefetchedIds.clear();
        if (!ids.isEmpty()) {
            prefetched.putAll(run.sync.stateStore().find(run.catalogId, ids));
            prefetchedIds.addAll(ids);
        }
        Mapped[] ahead = mapAhead();
        for (queuedIndex = 0; queuedIndex < queued.size(); queuedIndex++) {
            Queued q = queued.get(queuedIndex);
            // between products, so that an unexpected failure here leaves this product wholly unplanned
            if (lookups.size() >= LOOKUP_CHUNK) {
                resolveLookups();
            }
            if ((queuedIndex & 63) == 63) {
                uploader.tick();
            }
            if (!run.running()) {
                break;
            }
            if (unchanged(q)) {
                for (String id : q.retailerIds()) {
                    SyncRecord rec = prefetched.get(id);
                    tally.seeItem();
                    tally.unchanged++;
                    present.add(LongHashSet.hash64(id));
                    seen.add(LongHashSet.hash64(id));
                    int t = rec.translationHashes().size();
                    tally.translationsSeen += t;
                    tally.translationsUnchanged += t;
                }
            } else {
                map(q.product(), q.fingerprint(), ahead[queuedIndex]);
            }
        }
        // what a stop or cancel left unplanned is not attempted
        for (int i = queuedIndex; i < queued.size(); i++) {
            skip(queued.get(i).product());
        }
        queued.clear();
        queuedIds = 0;
        queuedIndex = 0;
        resolveLookups();
        prefetched.clear();
        prefetchedIds.clear();
    }

    /**
     * Maps the queued products whose fingerprint does not match ahead, in parallel: transforming, validating and
     * serialising a product depend on the product alone; what follows (duplicates, counts, the ledger) is done in
     * order on the sync's thread.
     */
    private Mapped[] mapAhead() {
        Mapped[] ahead = new Mapped[queued.size()];
        if (PARALLEL && queued.size() >= PARALLEL_FROM) {
            CatalogSync sync = run.sync;
            java.util.stream.IntStream.range(0, queued.size()).parallel().forEach(i -> {
                Queued q = queued.get(i);
                if (!fingerprintMatches(q)) {
                    ahead[i] = premap(sync, q.product());
                }
            });
        }
        return ahead;
    }

    private static Mapped premap(CatalogSync sync, Product p) {
        List<TransformedItem> items;
        try {
            items = sync.transformer().transform(p);
        } catch (RuntimeException e) {
            return new Mapped(null, null, null, e);
        }
        ValidationResult[] validations = new ValidationResult[items.size()];
        ItemRequest[] requests = new ItemRequest[items.size()];
        for (int i = 0; i < items.size(); i++) {
            TransformedItem t = items.get(i);
            try {
                ValidationResult v = sync.validator().validate(t);
                if (v.isValid() && t.action() == ItemAction.UPSERT && t.item().isPresent()) {
                    ItemRequest r = ItemRequest.of(t.item().get());
                    r.contentHash();
                    requests[i] = r;
                }
                validations[i] = v;
            } catch (RuntimeException e) {
                validations[i] = null; // done again on the sync's thread, which reports it for this item
                requests[i] = null;
            }
        }
        return new Mapped(items, validations, requests, null);
    }

    /** Whether every item of the product is recorded with its current fingerprint (the ledger's view alone). */
    private boolean fingerprintMatches(Queued q) {
        if (q.fingerprint().isEmpty() || q.retailerIds().isEmpty()) {
            return false;
        }
        for (String id : q.retailerIds()) {
            SyncRecord rec = prefetched.get(id);
            if (rec == null || !q.fingerprint().equals(rec.fingerprint().orElse(null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the product counts unchanged: every item recorded with its current fingerprint, and none of its
     * retailer ids repeated or seen already in this run (those go through mapping, which reports the duplicate).
     */
    private boolean unchanged(Queued q) {
        if (!fingerprintMatches(q)) {
            return false;
        }
        Set<String> distinct = new HashSet<>();
        for (String id : q.retailerIds()) {
            if (!distinct.add(id) || seen.contains(LongHashSet.hash64(id))) {
                return false;
            }
        }
        return true;
    }

    private void map(Product p, String fingerprint, Mapped ahead) {
        tally.productsMapped++;
        List<TransformedItem> items;
        try {
            if (ahead != null && ahead.failure() != null) {
                throw ahead.failure();
            }
            items = ahead != null ? ahead.items() : run.sync.transformer().transform(p);
        } catch (RuntimeException e) {
            tally.seeItem();
            tally.failed++;
            incomplete = true;
            tally.errors.add(tally.issue(p.sku(), p.productId(), ErrorCategory.PRODUCT, Severity.ERROR,
                    "TRANSFORM_FAILED", "", "The product could not be mapped: " + e.getMessage(), IssueSource.LOCAL));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            TransformedItem t = items.get(i);
            tally.seeItem();
            if (!t.retailerId().isEmpty()) {
                present.add(LongHashSet.hash64(t.retailerId()));
            }
            try {
                item(t, fingerprint, ahead == null ? null : ahead.validations()[i],
                        ahead == null ? null : ahead.requests()[i]);
            } catch (RuntimeException e) {
                log.warn("Sync {}: unexpected failure on item {}", run.syncId, t.retailerId(), e);
                tally.failed++;
                tally.errors.add(tally.issue(t.retailerId(), t.productId(), ErrorCategory.UNKNOWN, Severity.ERROR,
                        "INTERNAL_ERROR", "", "The item could not be processed: " + e, IssueSource.LOCAL));
            }
        }
    }

    private void item(TransformedItem t, String fingerprint, ValidationResult validated, ItemRequest serialised) {
        ValidationResult v = validated != null ? validated : run.sync.validator().validate(t);
        boolean warnedMissingCategory = false;
        for (ValidationIssue w : v.warnings()) {
            warnedMissingCategory |= w.code() == IssueCode.MISSING_CATEGORY;
            tally.warnings.add(tally.issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.WARNING,
                    w.code().name(), w.field(), w.message(), IssueSource.LOCAL));
        }
        if (!v.isValid()) {
            tally.failed++;
            for (ValidationIssue e : v.errors()) {
                tally.errors.add(tally.issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.ERROR,
                        e.code().name(), e.field(), e.message(), IssueSource.LOCAL));
            }
            return;
        }
        if (!seen.add(LongHashSet.hash64(t.retailerId()))) {
            tally.failed++;
            tally.errors.add(tally.issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.ERROR,
                    "DUPLICATE_RETAILER_ID", "id", "Another product in this sync has the same SKU '"
                            + t.retailerId() + "'; only the first was sent. Give every product its own SKU.",
                    IssueSource.LOCAL));
            return;
        }
        // an item with local warnings keeps no fingerprint: its product is mapped again next time, so the
        // warnings are reported again
        Pending p = pending(t, warnedMissingCategory, v.warnings().isEmpty() ? fingerprint : "", serialised);
        tally.translationsSeen += p.localized().size();
        lookups.add(p);
    }

    private Pending pending(TransformedItem t, boolean warnedMissingCategory, String fingerprint,
            ItemRequest serialised) {
        if (t.action() == ItemAction.DELETE) {
            return new Pending(t.productId(), t.retailerId(), ItemAction.DELETE, ItemRequest.delete(t.retailerId()),
                    null, null, List.of(), Map.of(), null, false, "");
        }
        CatalogItem item = t.item().orElseThrow();
        ItemRequest req = serialised != null ? serialised : ItemRequest.of(item);
        String itemHash = req.contentHash();
        // Meta keeps one translation per language value; a transformer that hands in two keeps the first
        Map<String, LocalizedItem> byLanguage = new LinkedHashMap<>();
        for (LocalizedItem l : t.localizedItems()) {
            if (byLanguage.putIfAbsent(l.languageValue(), l) != null) {
                tally.warnings.add(tally.issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT,
                        Severity.WARNING, IssueCode.DROPPED.name(), "translations", "A second " + l.languageValue()
                                + " translation (" + l.locale().toLanguageTag() + ") was not sent: Meta takes one per "
                                + "language.", IssueSource.LOCAL));
                fingerprint = "";
            }
        }
        List<LocalizedItem> localized = new ArrayList<>(byLanguage.values());
        localized.sort(Comparator.comparing(LocalizedItem::languageValue));
        Map<String, String> translationHashes = new LinkedHashMap<>();
        for (LocalizedItem l : localized) {
            translationHashes.put(l.languageValue(), sha256(l.languageValue() + "\n" + Json.write(l.toData())));
        }
        String hash = itemHash;
        if (!translationHashesKept && !localized.isEmpty()) {
            // the ledger has no per-translation hashes: a translation change then changes the item's hash, so the
            // item is sent again with its translations, and an unchanged item sends nothing
            StringBuilder all = new StringBuilder(req.json());
            translationHashes.forEach((language, h) -> all.append('\n').append(language).append('=').append(h));
            hash = sha256(all.toString());
        }
        return new Pending(t.productId(), t.retailerId(), ItemAction.UPSERT, req, hash, itemHash,
                List.copyOf(localized), Collections.unmodifiableMap(translationHashes), null, warnedMissingCategory,
                fingerprint);
    }

    private String sha256(String text) {
        sha256.reset();
        return AppSecretProofs.hex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares the planned items with the ledger: unchanged ones are counted, changed ones queued to send. */
    private void resolveLookups() {
        if (lookups.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(lookups.size());
        for (Pending p : lookups) {
            if (!prefetchedIds.contains(p.retailerId())) {
                ids.add(p.retailerId());
            }
        }
        Map<String, SyncRecord> known = ids.isEmpty() ? Map.of() : run.sync.stateStore().find(run.catalogId, ids);
        for (lookupIndex = 0; lookupIndex < lookups.size(); lookupIndex++) {
            Pending p = lookups.get(lookupIndex);
            if (!run.running()) {
                break;
            }
            SyncRecord rec = prefetchedIds.contains(p.retailerId()) ? prefetched.get(p.retailerId())
                    : known.get(p.retailerId());
            if (p.action() == ItemAction.DELETE) {
                if (rec == null) {
                    tally.unchanged++;
                } else {
                    uploader.enqueue(p.withLookup(List.of(), rec));
                }
                continue;
            }
            boolean itemUnchanged = rec != null && rec.contentHash().equals(p.hash());
            // a translation is sent when it changed since Meta accepted it, or when the item is new to the ledger;
            // a ledger without translation hashes folds them into the item's hash, so they go with their item
            List<LocalizedItem> toSend = new ArrayList<>();
            for (LocalizedItem l : p.localized()) {
                String was = !translationHashesKept ? (itemUnchanged ? p.translationHashes().get(l.languageValue())
                        : null) : rec == null ? null : rec.translationHashes().get(l.languageValue());
                if (p.translationHashes().get(l.languageValue()).equals(was)) {
                    tally.translationsUnchanged++;
                } else {
                    toSend.add(l);
                }
            }
            Pending resolved = p.withLookup(List.copyOf(toSend), rec);
            // from here an unexpected failure counts the resolved item (its unchanged translations are counted)
            lookups.set(lookupIndex, resolved);
            if (itemUnchanged) {
                if (!toSend.isEmpty()) {
                    translations.queue(resolved);
                } else if (!p.fingerprint().isEmpty() && !p.fingerprint().equals(rec.fingerprint().orElse(""))
                        && !run.request.dryRun()) {
                    // with the translations the product has now (a language it dropped is forgotten)
                    refreshed.add(rec.toBuilder().translationHashes(translationHashesKept ? p.translationHashes()
                            : rec.translationHashes()).fingerprint(p.fingerprint()).build());
                }
                tally.unchanged++;
            } else {
                uploader.enqueue(resolved);
            }
        }
        // what a stop or cancel left unresolved is not attempted
        for (int i = lookupIndex; i < lookups.size(); i++) {
            tally.notAttempted(lookups.get(i));
        }
        lookups.clear();
        lookupIndex = 0;
        if (!refreshed.isEmpty()) {
            // unchanged items learn their product's fingerprint, so next time their product is not mapped at all
            List<SyncRecord> batch = new ArrayList<>(refreshed);
            refreshed.clear();
            run.sync.stateStore().saveAll(run.catalogId, batch);
        }
    }
}
