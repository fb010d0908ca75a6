package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.BatchMessage;
import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemValidation;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.BusinessUseCaseUsage;
import io.github.metacommerce.internal.AppSecretProofs;
import io.github.metacommerce.internal.LongHashSet;
import io.github.metacommerce.product.IssueCode;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.Severity;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.product.ValidationIssue;
import io.github.metacommerce.product.ValidationResult;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One run of a {@link CatalogSync}: single-threaded, all state local. */
final class SyncRun {
    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);
    private static final int LOOKUP_CHUNK = 500;
    private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofMinutes(1);
    /** The log shows this many kinds of warning, one line each; the report keeps all. */
    private static final int MAX_LOGGED_WARNING_GROUPS = 20;

    /**
     * An item on its way to Meta. {@code localized} holds the translations still to account for: all of them until
     * the ledger lookup, then only those to send. {@code translationHashes} holds the hash of every current
     * translation by language; {@code known} is the ledger's record, or null for an item new to it. {@code hash}
     * is what the ledger compares: the payload's hash, with a digest of the translations folded in when the store
     * keeps no translation hashes; {@code itemHash} is the payload's hash alone.
     */
    private record Pending(String productId, String retailerId, ItemAction action, ItemRequest request, String hash,
            String itemHash, List<LocalizedItem> localized, Map<String, String> translationHashes, SyncRecord known,
            boolean warnedMissingCategory) {

        Pending withLookup(List<LocalizedItem> toSend, SyncRecord rec) {
            return new Pending(productId, retailerId, action, request, hash, itemHash, toSend, translationHashes, rec,
                    warnedMissingCategory);
        }

        /**
         * Whether Meta's warning only repeats one the local validator already reported for this item: only Meta's
         * missing-category warning, which the validator mirrors as {@link IssueCode#MISSING_CATEGORY}. Any other
         * warning from Meta is kept, even on a field that had a local warning.
         */
        boolean alreadyWarned(String metaWording) {
            return warnedMissingCategory && isMissingCategory(metaWording);
        }

        private static boolean isMissingCategory(String metaWording) {
            String field = MetaMessageFields.fieldOf(metaWording);
            return (field.equals("google_product_category") || field.equals("fb_product_category"))
                    && metaWording.toLowerCase(java.util.Locale.ROOT).contains("missing");
        }
    }

    /**
     * A batch being sent or settled, and what of it is counted already, so an unexpected failure (a ledger that
     * throws, say) counts only the rest, each item and translation exactly once.
     */
    private static final class Settling {
        final List<Pending> items;
        /** Translation-only: the items are counted unchanged already, only their translations are open. */
        final boolean translationsOnly;
        /** Why an item left open by an unexpected failure failed. */
        final String why;
        /** Retailer ids counted with all their translations. */
        final Set<String> settled = new java.util.HashSet<>();
        /** Translations ({@link #translationKey}) counted failed or not attempted. */
        final Set<String> translationsCounted = new java.util.HashSet<>();
        /** Translations Meta accepted: counted sent once the ledger has recorded them. */
        final Set<String> translationsAccepted = new java.util.HashSet<>();

        Settling(List<Pending> items, boolean translationsOnly, String why) {
            this.items = items;
            this.translationsOnly = translationsOnly;
            this.why = why;
        }

        long accepted(Pending p) {
            return p.localized().stream()
                    .filter(l -> translationsAccepted.contains(translationKey(p.retailerId(), l.languageValue())))
                    .count();
        }
    }

    /** A batch sent and awaiting confirmation: the items still open, and every request as sent (for lines). */
    private record Sent(String handle, List<Pending> items, List<Pending> sentInOrder) {
    }

    /** Thrown to unwind when the sync must stop or was cancelled inside a wait. */
    private static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Halt() {
            super(null, null, false, false);
        }
    }

    private final CatalogSync sync;
    private final SyncRequest request;
    private final SyncOptions options;
    private final String syncId = UUID.randomUUID().toString();
    private final String catalogId;
    private final Retry retry;
    private final MessageDigest sha256;
    /** Retailer ids queued for Meta in this run (one request per id). */
    private final LongHashSet seen = new LongHashSet();
    /** Retailer ids the store still has, valid or not: a FULL sync deletes only ids outside this set. */
    private final LongHashSet present = new LongHashSet();
    /** Set when a product could not be read or mapped: then nobody knows what the store has, so nothing is deleted. */
    private boolean incomplete;
    /** The batch being sent or settled, so an unexpected failure can still account for what it left open. */
    private Settling settling;
    /** Whether the ledger keeps translation hashes ({@link SyncStateStore#keepsTranslationHashes()}). */
    private final boolean translationHashesKept;
    private final List<Pending> lookups = new ArrayList<>();
    /** How far {@link #resolveLookups()} got, so an unexpected failure counts only the rest. */
    private int lookupIndex;
    private final List<Pending> current = new ArrayList<>();
    private long currentBytes;
    private final Deque<Sent> outstanding = new ArrayDeque<>();
    private final List<SyncIssue> errors = new ArrayList<>();
    private final List<SyncIssue> warnings = new ArrayList<>();
    private final Set<String> notAttemptedIds = new LinkedHashSet<>();
    private final List<String> handles = new ArrayList<>();
    private long productsSeen;
    private long itemsSeen;
    private long created;
    private long updated;
    private long unchanged;
    private long deleted;
    private long failed;
    private long notAttempted;
    private long wouldSend;
    private long translationsSeen;
    private long translationsSent;
    private long translationsUnchanged;
    private long translationsFailed;
    private long translationsNotAttempted;
    private long translationsWouldSend;
    private final List<SyncIssue> translationErrors = new ArrayList<>();
    /** Items Meta already has whose translations changed: only the translations are sent. */
    private final List<Pending> translationOnly = new ArrayList<>();
    /** Why the last call failed for good, for the errors of translations it carried. */
    private String lastCallFailure = "";
    private long apiCalls;
    private Duration rateLimitWait = Duration.ZERO;
    private Duration extraWait = Duration.ZERO;
    private ErrorCategory stopCategory;
    private String stopReason;
    private boolean cancelled;

    SyncRun(CatalogSync sync, SyncRequest request) {
        this.sync = sync;
        this.request = request;
        this.options = sync.options();
        this.catalogId = sync.catalogId();
        this.translationHashesKept = sync.stateStore().keepsTranslationHashes();
        var r = options.retry();
        this.retry = Retry.of("sync-" + catalogId, RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(r.initialBackoff(), r.multiplier(),
                        r.jitter(), r.maxBackoff()))
                .retryOnException(t -> t instanceof MetaCommerceException m && m.isRetryable())
                .failAfterMaxAttempts(false)
                .build());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    SyncReport execute(Stream<Product> products) {
        Instant started = now();
        MDC.put("syncId", syncId);
        MDC.put("catalogId", catalogId);
        request.storeId().ifPresent(id -> MDC.put("storeId", id));
        log.info("Sync {} of catalog {} started ({}{}{})", syncId, catalogId, request.mode(),
                request.dryRun() ? ", dry run" : "", request.productIds().isEmpty() ? ""
                        : ", " + request.productIds().size() + " products");
        Iterator<Product> it = java.util.Collections.emptyIterator();
        try (products) {
            it = products.iterator();
            progress(SyncStage.READING, 0);
            while (it.hasNext() && running()) {
                Product p = it.next();
                if (inScope(p)) {
                    productsSeen++;
                    handle(p);
                    progress(SyncStage.TRANSFORMING, productsSeen);
                }
            }
            if (running()) {
                resolveLookups();
                if (request.mode() == SyncMode.FULL && request.productIds().isEmpty() && running()) {
                    deleteOrphans();
                    resolveLookups();
                }
                flush();
                flushTranslationOnly();
            }
            while (it.hasNext()) {
                Product p = it.next();
                if (inScope(p)) {
                    productsSeen++;
                    skipProduct(p);
                }
            }
            lookups.forEach(this::notAttempted);
            lookups.clear();
            current.forEach(this::notAttempted);
            current.clear();
            while (!outstanding.isEmpty()) {
                confirm(outstanding.removeFirst());
            }
            flushTranslationOnly();
        } catch (RuntimeException e) {
            // a bug or a broken store or ledger: the trace is needed to find it; the report accounts for every item
            log.warn("Sync {} failed unexpectedly", syncId, e);
            stop(ErrorCategory.UNKNOWN, "Unexpected failure: " + e);
            lookups.subList(Math.min(lookupIndex, lookups.size()), lookups.size()).forEach(this::notAttempted);
            current.forEach(this::notAttempted);
            if (settling != null) {
                settleRest(settling);
                settling = null;
            }
            for (Sent s : outstanding) {
                s.items().forEach(p -> fail(p, ErrorCategory.UNKNOWN, "UNCONFIRMED", "",
                        "Sent but not confirmed; it will be sent again next time.", IssueSource.API));
            }
            outstanding.clear();
            translationOnly.forEach(p -> translationsNotAttempted += p.localized().size());
            translationOnly.clear();
            try {
                while (it.hasNext()) {
                    Product p = it.next();
                    if (inScope(p)) {
                        productsSeen++;
                        skipProduct(p);
                    }
                }
            } catch (RuntimeException again) {
                log.warn("Sync {}: the rest of the products could not be read: {}", syncId, again.toString());
            }
        } finally {
            MDC.remove("syncId");
            MDC.remove("catalogId");
            MDC.remove("storeId");
        }
        progress(SyncStage.DONE, itemsSeen);
        SyncOutcome outcome = stopCategory != null ? SyncOutcome.STOPPED
                : cancelled ? SyncOutcome.CANCELLED : SyncOutcome.COMPLETED;
        SyncCounts counts = SyncCounts.builder().productsSeen(productsSeen).itemsSeen(itemsSeen).created(created)
                .updated(updated).unchanged(unchanged).deleted(deleted).failed(failed).notAttempted(notAttempted)
                .wouldSend(wouldSend).translationsSeen(translationsSeen).translationsSent(translationsSent)
                .translationsUnchanged(translationsUnchanged).translationsFailed(translationsFailed)
                .translationsNotAttempted(translationsNotAttempted).translationsWouldSend(translationsWouldSend)
                .build();
        SyncReport report = SyncReport.builder().syncId(syncId).catalogId(catalogId).mode(request.mode())
                .dryRun(request.dryRun()).outcome(outcome).stopCategory(stopCategory).stopReason(stopReason)
                .counts(counts).errors(errors).warnings(warnings).translationErrors(translationErrors)
                .notAttemptedProductIds(new ArrayList<>(notAttemptedIds)).apiCalls(apiCalls)
                .rateLimitWait(rateLimitWait).startedAt(started).finishedAt(now()).handles(handles).build();
        List<SyncIssueGroup> summary = report.warningSummary();
        for (SyncIssueGroup g : summary.subList(0, Math.min(summary.size(), MAX_LOGGED_WARNING_GROUPS))) {
            // item warnings are advice about the data (Meta still accepted the items): INFO, one line per kind
            log.info("Sync {} warning: {}", syncId, g.describe());
        }
        if (summary.size() > MAX_LOGGED_WARNING_GROUPS) {
            log.info("Sync {}: {} more kinds of warning; see the report's warningSummary()", syncId,
                    summary.size() - MAX_LOGGED_WARNING_GROUPS);
        }
        log.info("Sync {} of catalog {} {}: {} items, {} created, {} updated, {} unchanged, {} deleted, {} failed, "
                + "{} not attempted; translations: {} sent, {} unchanged, {} failed, {} not attempted; {} warnings "
                + "({} kinds); {} calls", syncId, catalogId, outcome, itemsSeen, created, updated, unchanged,
                deleted, failed, notAttempted, translationsSent, translationsUnchanged, translationsFailed,
                translationsNotAttempted, warnings.size(), summary.size(), apiCalls);
        return report;
    }

    private boolean inScope(Product p) {
        return request.productIds().isEmpty() || (p != null && request.productIds().contains(p.productId()));
    }

    private boolean running() {
        if (!cancelled && (request.cancellation().isCancelled() || Thread.currentThread().isInterrupted())) {
            cancelled = true;
            log.info("Sync {} cancelled", syncId);
        }
        return !cancelled && stopCategory == null;
    }

    // ---- reading and transforming

    private void handle(Product p) {
        if (p == null) {
            itemsSeen++;
            failed++;
            incomplete = true;
            errors.add(issue("", "", ErrorCategory.PRODUCT, Severity.ERROR, "NULL_PRODUCT", "",
                    "The store handed in an empty product.", IssueSource.LOCAL));
            return;
        }
        List<TransformedItem> items;
        try {
            items = sync.transformer().transform(p);
        } catch (RuntimeException e) {
            itemsSeen++;
            failed++;
            incomplete = true;
            errors.add(issue(p.sku(), p.productId(), ErrorCategory.PRODUCT, Severity.ERROR, "TRANSFORM_FAILED", "",
                    "The product could not be mapped: " + e.getMessage(), IssueSource.LOCAL));
            return;
        }
        for (TransformedItem t : items) {
            itemsSeen++;
            if (!t.retailerId().isEmpty()) {
                present.add(LongHashSet.hash64(t.retailerId()));
            }
            try {
                handleItem(t);
            } catch (RuntimeException e) {
                log.warn("Sync {}: unexpected failure on item {}", syncId, t.retailerId(), e);
                failed++;
                errors.add(issue(t.retailerId(), t.productId(), ErrorCategory.UNKNOWN, Severity.ERROR,
                        "INTERNAL_ERROR", "", "The item could not be processed: " + e, IssueSource.LOCAL));
            }
        }
        if (lookups.size() >= LOOKUP_CHUNK) {
            resolveLookups();
        }
    }

    private void handleItem(TransformedItem t) {
        ValidationResult v = sync.validator().validate(t);
        boolean warnedMissingCategory = false;
        for (ValidationIssue w : v.warnings()) {
            warnedMissingCategory |= w.code() == IssueCode.MISSING_CATEGORY;
            warnings.add(issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.WARNING,
                    w.code().name(), w.field(), w.message(), IssueSource.LOCAL));
        }
        if (!v.isValid()) {
            failed++;
            for (ValidationIssue e : v.errors()) {
                errors.add(issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.ERROR,
                        e.code().name(), e.field(), e.message(), IssueSource.LOCAL));
            }
            return;
        }
        if (!seen.add(LongHashSet.hash64(t.retailerId()))) {
            failed++;
            errors.add(issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.ERROR,
                    "DUPLICATE_RETAILER_ID", "id", "Another product in this sync has the same SKU '"
                            + t.retailerId() + "'; only the first was sent. Give every product its own SKU.",
                    IssueSource.LOCAL));
            return;
        }
        Pending p = pending(t, warnedMissingCategory);
        translationsSeen += p.localized().size();
        lookups.add(p);
    }

    private Pending pending(TransformedItem t, boolean warnedMissingCategory) {
        if (t.action() == ItemAction.DELETE) {
            return new Pending(t.productId(), t.retailerId(), ItemAction.DELETE, ItemRequest.delete(t.retailerId()),
                    null, null, List.of(), Map.of(), null, false);
        }
        CatalogItem item = t.item().orElseThrow();
        ItemRequest req = ItemRequest.update(item.toData());
        String itemHash = sha256(req.json());
        // Meta keeps one translation per language value; a transformer that hands in two keeps the first
        Map<String, LocalizedItem> byLanguage = new LinkedHashMap<>();
        for (LocalizedItem l : t.localizedItems()) {
            if (byLanguage.putIfAbsent(l.languageValue(), l) != null) {
                warnings.add(issue(t.retailerId(), t.productId(), ErrorCategory.PRODUCT, Severity.WARNING,
                        IssueCode.DROPPED.name(), "translations", "A second " + l.languageValue() + " translation ("
                                + l.locale().toLanguageTag() + ") was not sent: Meta takes one per language.",
                        IssueSource.LOCAL));
            }
        }
        List<LocalizedItem> localized = new ArrayList<>(byLanguage.values());
        localized.sort(Comparator.comparing(LocalizedItem::languageValue));
        Map<String, String> translationHashes = new LinkedHashMap<>();
        for (LocalizedItem l : localized) {
            translationHashes.put(l.languageValue(), sha256(l.languageValue() + "\n"
                    + io.github.metacommerce.internal.Json.write(l.toData())));
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
                List.copyOf(localized), java.util.Collections.unmodifiableMap(translationHashes), null,
                warnedMissingCategory);
    }

    private String sha256(String text) {
        sha256.reset();
        return AppSecretProofs.hex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void skipProduct(Product p) {
        if (p == null) {
            itemsSeen++;
            notAttempted++;
            return;
        }
        List<TransformedItem> items;
        try {
            items = sync.transformer().transform(p);
        } catch (RuntimeException e) {
            items = List.of();
        }
        if (items.isEmpty()) {
            itemsSeen++;
            notAttempted++;
            listNotAttempted(p.productId());
            return;
        }
        for (TransformedItem t : items) {
            itemsSeen++;
            notAttempted++;
            listNotAttempted(t.productId());
        }
    }

    private void resolveLookups() {
        if (lookups.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(lookups.size());
        lookups.forEach(p -> ids.add(p.retailerId()));
        Map<String, SyncRecord> known = sync.stateStore().find(catalogId, ids);
        for (lookupIndex = 0; lookupIndex < lookups.size(); lookupIndex++) {
            Pending p = lookups.get(lookupIndex);
            if (!running()) {
                break;
            }
            SyncRecord rec = known.get(p.retailerId());
            if (p.action() == ItemAction.DELETE) {
                if (rec == null) {
                    unchanged++;
                } else {
                    enqueue(p.withLookup(List.of(), rec));
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
                    translationsUnchanged++;
                } else {
                    toSend.add(l);
                }
            }
            Pending resolved = p.withLookup(List.copyOf(toSend), rec);
            // from here an unexpected failure counts the resolved item (its unchanged translations are counted)
            lookups.set(lookupIndex, resolved);
            if (itemUnchanged) {
                if (!toSend.isEmpty()) {
                    queueTranslationOnly(resolved);
                }
                unchanged++;
            } else {
                enqueue(resolved);
            }
        }
        // what a stop or cancel left unresolved is not attempted
        for (int i = lookupIndex; i < lookups.size(); i++) {
            notAttempted(lookups.get(i));
        }
        lookups.clear();
        lookupIndex = 0;
    }

    private void deleteOrphans() {
        if (incomplete) {
            log.warn("Sync {}: some products could not be read or mapped, so no item is deleted this time", syncId);
            warnings.add(issue("", "", ErrorCategory.PRODUCT, Severity.WARNING, "DELETES_SKIPPED", "",
                    "Some products could not be read or mapped, so items missing from the store were not deleted "
                            + "this time.", IssueSource.LOCAL));
            return;
        }
        List<String> orphans = new ArrayList<>();
        sync.stateStore().forEachRetailerId(catalogId, id -> {
            if (!present.contains(LongHashSet.hash64(id))) {
                orphans.add(id);
            }
        });
        log.info("Sync {}: {} items in the ledger are no longer in the store and will be deleted", syncId,
                orphans.size());
        for (String id : orphans) {
            if (!running()) {
                itemsSeen++;
                notAttempted++;
                continue;
            }
            itemsSeen++;
            seen.add(LongHashSet.hash64(id));
            enqueue(new Pending("", id, ItemAction.DELETE, ItemRequest.delete(id), null, null, List.of(), Map.of(),
                    SyncRecord.builder().retailerId(id).contentHash("").syncedAt(now()).build(), false));
        }
    }

    // ---- uploading

    private void enqueue(Pending p) {
        if (request.dryRun()) {
            wouldSend++;
            translationsWouldSend += p.localized().size();
            return;
        }
        if (!current.isEmpty() && (current.size() + 1 > options.maxRequestsPerCall()
                || currentBytes + p.request().sizeInBytes() + 1 > options.maxBytesPerCall())) {
            flush();
        }
        if (!running()) {
            notAttempted(p);
            return;
        }
        current.add(p);
        currentBytes += p.request().sizeInBytes() + 1;
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        // confirm older batches first: should that fail unexpectedly, this batch is still in current
        while (outstanding.size() >= options.maxOutstandingBatches()) {
            confirm(outstanding.removeFirst());
        }
        List<Pending> batch = new ArrayList<>(current);
        current.clear();
        currentBytes = 0;
        if (!running()) {
            batch.forEach(this::notAttempted);
            return;
        }
        List<ItemRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request()));
        progress(SyncStage.UPLOADING, itemsSeen);
        Settling s = settling = new Settling(batch, false,
                "The sync failed while sending this item; it will be sent again next time.");
        ItemsBatchResponse response = call(batch,
                () -> sync.graph().itemsBatch(catalogId, requests, true));
        if (response == null) {
            settling = null;
            return;
        }
        Map<String, Pending> byId = new LinkedHashMap<>();
        batch.forEach(p -> byId.put(p.retailerId(), p));
        for (ItemValidation v : response.validationStatus()) {
            Pending p = byId.get(v.retailerId());
            if (p == null) {
                continue;
            }
            for (String w : v.warnings()) {
                if (!p.alreadyWarned(w)) {
                    warnings.add(metaIssue(p, Severity.WARNING, "META_WARNING", w, w));
                }
            }
            if (!v.errors().isEmpty() && byId.remove(v.retailerId()) != null) {
                failed++;
                translationsNotAttempted += p.localized().size();
                s.settled.add(p.retailerId());
                for (String e : v.errors()) {
                    errors.add(metaIssue(p, Severity.ERROR, "META_VALIDATION", e, e));
                }
            }
        }
        Optional<String> handle = response.handle();
        if (!byId.isEmpty() && handle.isEmpty()) {
            byId.values().forEach(p -> fail(p, ErrorCategory.UNKNOWN, "NOT_INGESTED", "",
                    "Meta accepted the call but ingested nothing (no batch handle).", IssueSource.META));
        } else if (!byId.isEmpty()) {
            handles.add(handle.get());
            outstanding.addLast(new Sent(handle.get(), new ArrayList<>(byId.values()), batch));
        }
        settling = null;
    }

    /**
     * Makes a batch call with pacing, throttle waits and retries of transient failures. Returns null when the call
     * failed for good: its items are then already failed or marked not attempted.
     */
    private <T> T call(List<Pending> items, Supplier<T> call) {
        Retry.AsyncContext<Object> context = retry.asyncContext();
        Duration throttled = Duration.ZERO;
        while (true) {
            if (!running()) {
                items.forEach(this::notAttempted);
                return null;
            }
            try {
                pace();
                apiCalls++;
                T result = call.get();
                context.onComplete();
                adapt(result);
                return result;
            } catch (Halt h) {
                items.forEach(this::notAttempted);
                return null;
            } catch (RateLimitException e) {
                Duration wait = e.retryAfter().orElse(DEFAULT_THROTTLE_WAIT);
                throttled = throttled.plus(wait);
                if (throttled.compareTo(options.maxRateLimitWait()) > 0) {
                    lastCallFailure = e.getMessage();
                    stop(ErrorCategory.RATE_LIMIT, "Meta asks to wait " + wait + ", longer than the configured "
                            + "maximum " + options.maxRateLimitWait() + ": " + e.getMessage());
                    items.forEach(this::notAttempted);
                    return null;
                }
                log.warn("Sync {}: throttled by Meta (code {}); waiting {}", syncId, e.code(), wait);
                if (!waitFor(wait, true)) {
                    items.forEach(this::notAttempted);
                    return null;
                }
            } catch (OAuthException | PermissionException | CatalogAccessException e) {
                lastCallFailure = e.getMessage();
                stop(e.category(), e.getMessage());
                items.forEach(p -> fail(p, e.category(), codeOf(e), "", e.getMessage(), IssueSource.API));
                return null;
            } catch (MetaCommerceException e) {
                if (e instanceof io.github.metacommerce.exception.GraphTransportException g && g.isInterrupted()) {
                    cancelled = true;
                    items.forEach(this::notAttempted);
                    return null;
                }
                long delay = context.onError(e);
                if (delay < 0) {
                    lastCallFailure = e.getMessage();
                    log.warn("Sync {}: a call failed for good ({}): {}", syncId, e.category(), e.getMessage());
                    items.forEach(p -> fail(p, e.category(), codeOf(e), "", e.getMessage(), IssueSource.API));
                    return null;
                }
                log.warn("Sync {}: a call failed ({}), retrying in {} ms: {}", syncId, e.category(), delay,
                        e.getMessage());
                if (!waitFor(Duration.ofMillis(delay), false)) {
                    items.forEach(this::notAttempted);
                    return null;
                }
            }
        }
    }

    private void pace() {
        Duration extra = extraWait;
        extraWait = Duration.ZERO;
        if (!extra.isZero() && !waitFor(extra, true)) {
            throw new Halt();
        }
        long nanos = sync.rateLimiter().reservePermission();
        if (nanos < 0) {
            stop(ErrorCategory.RATE_LIMIT, "The catalog's batch budget would need a wait longer than "
                    + options.maxRateLimitWait());
            throw new Halt();
        }
        if (nanos > 0 && !waitFor(Duration.ofNanos(nanos), true)) {
            throw new Halt();
        }
    }

    /** Slows down as Meta's usage for this catalog nears 100 %, and honours a stated wait. */
    private void adapt(Object result) {
        ApiUsage usage = result instanceof ItemsBatchResponse r ? r.usage()
                : result instanceof BatchStatus s ? s.usage() : ApiUsage.none();
        List<BusinessUseCaseUsage> entries = usage.forObject(catalogId);
        int percent = 0;
        Duration regain = Duration.ZERO;
        for (BusinessUseCaseUsage u : entries) {
            percent = Math.max(percent, u.maxPercent());
            if (u.estimatedTimeToRegainAccess().compareTo(regain) > 0) {
                regain = u.estimatedTimeToRegainAccess();
            }
        }
        if (!regain.isZero()) {
            extraWait = regain.compareTo(options.maxRateLimitWait()) > 0 ? options.maxRateLimitWait() : regain;
        } else if (percent >= options.slowdownThreshold()) {
            long perCall = Duration.ofMinutes(1).toMillis() / options.batchCallsPerMinute();
            double factor = 1.0 + (percent - options.slowdownThreshold()) * 4.0
                    / Math.max(1, 100 - options.slowdownThreshold());
            extraWait = Duration.ofMillis((long) (perCall * factor));
            log.debug("Sync {}: catalog usage at {} %, spreading calls by {}", syncId, percent, extraWait);
        }
    }

    // ---- confirming

    /** Polls a batch taken out of {@code outstanding} until Meta finishes it, and accounts for its items. */
    private void confirm(Sent sent) {
        settling = new Settling(sent.items(), false, "Sent in batch " + sent.handle()
                + " but not confirmed; it will be sent again next time.");
        settle(sent);
        settling = null;
    }

    private void settle(Sent sent) {
        progress(SyncStage.CONFIRMING, itemsSeen);
        Instant deadline = now().plus(options.statusTimeout());
        Duration delay = options.statusPollInitial();
        while (true) {
            boolean waited = waitFor(delay, false) || pollingAllowed();
            BatchStatus status = waited && pollingAllowed() ? poll(sent) : null;
            if (status != null && status.isFinished()) {
                apply(sent, status);
                return;
            }
            if (!pollingAllowed() || !now().isBefore(deadline)) {
                String why = cancelled ? "the sync was cancelled" : stopCategory != null
                        && stopCategory != ErrorCategory.RATE_LIMIT ? "the sync stopped (" + stopReason + ")"
                        : "Meta did not finish it within " + options.statusTimeout();
                ErrorCategory category = stopCategory != null ? stopCategory : ErrorCategory.UNKNOWN;
                sent.items().forEach(p -> fail(p, category, "UNCONFIRMED", "", "Sent in batch " + sent.handle()
                        + " but not confirmed because " + why + "; it will be sent again next time.",
                        IssueSource.API));
                return;
            }
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(options.statusPollMax()) > 0 ? options.statusPollMax() : doubled;
        }
    }

    /**
     * Reads a batch's status once. The Graph client already retries the GET on transient failures, so a failure
     * here just means "ask again at the next poll"; auth, permission and catalog errors stop the sync.
     */
    private BatchStatus poll(Sent sent) {
        apiCalls++;
        try {
            BatchStatus status = sync.graph().batchStatus(catalogId, sent.handle());
            adapt(status);
            return status;
        } catch (OAuthException | PermissionException | CatalogAccessException e) {
            stop(e.category(), e.getMessage());
            return null;
        } catch (RateLimitException e) {
            Duration wait = e.retryAfter().orElse(DEFAULT_THROTTLE_WAIT);
            waitFor(wait.compareTo(options.maxRateLimitWait()) > 0 ? options.maxRateLimitWait() : wait, true);
            return null;
        } catch (MetaCommerceException e) {
            if (e instanceof io.github.metacommerce.exception.GraphTransportException g && g.isInterrupted()) {
                cancelled = true;
            }
            log.warn("Sync {}: reading the status of batch {} failed ({}); asking again later", syncId,
                    sent.handle(), e.getMessage());
            return null;
        }
    }

    private void apply(Sent sent, BatchStatus status) {
        Settling s = settling;
        Map<String, Pending> open = new LinkedHashMap<>();
        sent.items().forEach(p -> open.put(p.retailerId(), p));
        boolean unattributed = false;
        for (BatchMessage m : status.errors()) {
            Pending p = attribute(m, sent.sentInOrder());
            if (p == null) {
                unattributed = true;
                errors.add(issue("", "", ErrorCategory.UNKNOWN, Severity.ERROR, "META_BATCH_ERROR",
                        MetaMessageFields.fieldOf(m.message()), m.message(), IssueSource.META));
                continue;
            }
            if (open.remove(p.retailerId()) != null) {
                failed++;
                translationsNotAttempted += p.localized().size();
                s.settled.add(p.retailerId());
                errors.add(metaIssue(p, Severity.ERROR, "META_ERROR", m.message(), m.message()));
            }
        }
        for (String id : status.idsOfInvalidRequests()) {
            Pending p = open.remove(id);
            if (p != null) {
                fail(p, ErrorCategory.PRODUCT, "META_INVALID", "", "Meta rejected this item.", IssueSource.META);
                s.settled.add(p.retailerId());
            }
        }
        Map<String, Integer> warningCounts = new HashMap<>();
        for (BatchMessage m : status.warnings()) {
            Pending p = attribute(m, sent.sentInOrder());
            if (p != null) {
                warningCounts.merge(p.retailerId(), 1, Integer::sum);
                if (!p.alreadyWarned(m.message())) {
                    warnings.add(metaIssue(p, Severity.WARNING, "META_WARNING", m.message(), m.message()));
                }
            }
        }
        long rejectedHere = sent.items().size() - open.size();
        if (status.errorsTotalCount() > status.errors().size() && status.errorsTotalCount() > rejectedHere) {
            unattributed = true;
            log.warn("Sync {}: batch {} reports {} errors but lists {}; its other items are treated as unconfirmed",
                    syncId, sent.handle(), status.errorsTotalCount(), status.errors().size());
        }
        if (unattributed) {
            for (Pending p : new ArrayList<>(open.values())) {
                fail(p, ErrorCategory.UNKNOWN, "UNCONFIRMED", "", "Meta reported a batch error it did not attribute"
                        + " to an item; this item will be sent again next time.", IssueSource.META);
                s.settled.add(p.retailerId());
            }
            open.clear();
        }
        List<SyncRecord> saved = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Pending> translated = new ArrayList<>();
        for (Pending p : open.values()) {
            if (p.action() == ItemAction.DELETE) {
                removed.add(p.retailerId());
            } else if (!p.localized().isEmpty()) {
                translated.add(p);
            }
        }
        sendTranslations(translated, s);
        Instant at = now();
        for (Pending p : open.values()) {
            if (p.action() != ItemAction.DELETE) {
                saved.add(record(p, warningCounts.getOrDefault(p.retailerId(), 0), at, s));
            }
        }
        // counted only once the ledger has them: a ledger that throws leaves them to settleRest
        if (!saved.isEmpty()) {
            sync.stateStore().saveAll(catalogId, saved);
            for (Pending p : open.values()) {
                if (p.action() != ItemAction.DELETE) {
                    if (p.known() != null) {
                        updated++;
                    } else {
                        created++;
                    }
                    translationsSent += s.accepted(p);
                    s.settled.add(p.retailerId());
                }
            }
        }
        if (!removed.isEmpty()) {
            sync.stateStore().removeAll(catalogId, removed);
            deleted += removed.size();
            s.settled.addAll(removed);
        }
    }

    /**
     * Counts what an unexpected failure left open in a batch: an item not yet counted failed (it is sent again
     * next time); a translation Meta accepted but the ledger did not record failed with a translation error; a
     * translation not yet sent not attempted.
     */
    private void settleRest(Settling s) {
        for (Pending p : s.items) {
            if (s.settled.contains(p.retailerId())) {
                continue;
            }
            if (!s.translationsOnly) {
                failed++;
                errors.add(issue(p.retailerId(), p.productId(), ErrorCategory.UNKNOWN, Severity.ERROR, "UNCONFIRMED",
                        "", s.why, IssueSource.API));
            }
            for (LocalizedItem l : p.localized()) {
                String key = translationKey(p.retailerId(), l.languageValue());
                if (s.translationsCounted.contains(key)) {
                    continue;
                }
                if (s.translationsAccepted.contains(key)) {
                    translationsFailed++;
                    translationErrors.add(issue(p.retailerId(), p.productId(), ErrorCategory.UNKNOWN, Severity.ERROR,
                            "TRANSLATION_UNCONFIRMED", "", "The " + l.languageValue() + " translation was sent but"
                                    + " the sync failed before recording it; it will be sent again next time.",
                            IssueSource.API));
                } else {
                    translationsNotAttempted++;
                }
            }
            s.settled.add(p.retailerId());
        }
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

    /** Holds an item Meta already has whose translations changed; sends them once a call's worth is waiting. */
    private void queueTranslationOnly(Pending p) {
        if (request.dryRun()) {
            translationsWouldSend += p.localized().size();
            return;
        }
        // send a full call's worth before adding: should sending fail unexpectedly, this item is not yet counted
        if (translationOnly.size() >= options.maxRequestsPerCall()) {
            flushTranslationOnly();
        }
        translationOnly.add(p);
    }

    /** Sends the changed translations of items Meta already has, and records those Meta accepted. */
    private void flushTranslationOnly() {
        if (translationOnly.isEmpty()) {
            return;
        }
        List<Pending> items = new ArrayList<>(translationOnly);
        translationOnly.clear();
        Settling s = settling = new Settling(items, true, "");
        sendTranslations(items, s);
        Instant at = now();
        List<SyncRecord> saved = new ArrayList<>(items.size());
        for (Pending p : items) {
            saved.add(record(p, p.known().warnings(), at, s));
        }
        sync.stateStore().saveAll(catalogId, saved);
        for (Pending p : items) {
            translationsSent += s.accepted(p);
            s.settled.add(p.retailerId());
        }
        settling = null;
    }

    /**
     * The ledger record of an item Meta has: its payload hash and the hash of each translation Meta has. A
     * translation not accepted this time keeps the hash the ledger had (Meta still has that version), so it is sent
     * again next time; languages the item no longer has are dropped. For a ledger without translation hashes the
     * record then holds the payload's hash alone, which differs from the one with the translations folded in, so
     * the item is sent again with its translations next time.
     */
    private SyncRecord record(Pending p, int warningCount, Instant at, Settling s) {
        boolean allAccepted = p.localized().stream()
                .noneMatch(l -> s.translationsCounted.contains(translationKey(p.retailerId(), l.languageValue())));
        SyncRecord.Builder b = SyncRecord.builder().retailerId(p.retailerId()).productId(p.productId())
                .contentHash(translationHashesKept || allAccepted ? p.hash() : p.itemHash()).syncedAt(at)
                .warnings(warningCount);
        for (Map.Entry<String, String> e : p.translationHashes().entrySet()) {
            if (!s.translationsCounted.contains(translationKey(p.retailerId(), e.getKey()))) {
                b.translationHash(e.getKey(), e.getValue());
            } else if (p.known() != null && p.known().translationHashes().containsKey(e.getKey())) {
                b.translationHash(e.getKey(), p.known().translationHashes().get(e.getKey()));
            }
        }
        return b.build();
    }

    private static String translationKey(String retailerId, String language) {
        return language + "\u0000" + retailerId;
    }

    /**
     * Sends per-language overrides (the items' {@code localized} lists), one call per language and chunk. A
     * refused or unsent translation is a translation error (the item itself is synced); Meta's warnings on them
     * are warnings. Checks the immediate validation only: localized batches are not polled.
     *
     * <p>Refused and unsent translations are counted at once and noted in {@code s.translationsCounted}; accepted
     * ones go to {@code s.translationsAccepted} and are counted sent by the caller once the ledger has them.
     */
    private void sendTranslations(List<Pending> items, Settling s) {
        Set<String> notSent = s.translationsCounted;
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
            List<LocalizedItem> all = e.getValue();
            for (int from = 0; from < all.size(); from += options.maxRequestsPerCall()) {
                List<LocalizedItem> chunk = all.subList(from, Math.min(all.size(),
                        from + options.maxRequestsPerCall()));
                List<ItemRequest> requests = new ArrayList<>(chunk.size());
                chunk.forEach(l -> requests.add(ItemRequest.update(l.toData())));
                lastCallFailure = "";
                ItemsBatchResponse r = running()
                        ? call(List.of(), () -> sync.graph().localizedItemsBatch(catalogId, language, requests))
                        : null;
                if (r == null || r.handle().isEmpty() && r.validationStatus().isEmpty()) {
                    boolean attempted = r != null || !lastCallFailure.isEmpty();
                    String why = r != null ? "Meta accepted the call but ingested nothing (no batch handle)"
                            : lastCallFailure;
                    for (LocalizedItem l : chunk) {
                        notSent.add(translationKey(l.retailerId(), language));
                        if (attempted) {
                            translationsFailed++;
                            translationErrors.add(issue(l.retailerId(), byId.get(l.retailerId()).productId(),
                                    ErrorCategory.PRODUCT, Severity.ERROR, "TRANSLATION_NOT_SENT", "",
                                    "The " + language + " translation could not be sent (" + why + "); it will be "
                                            + "sent again next time.", IssueSource.API));
                        } else {
                            translationsNotAttempted++;
                        }
                    }
                    continue;
                }
                r.handle().ifPresent(handles::add);
                Set<String> rejected = new java.util.HashSet<>();
                for (ItemValidation v : r.validationStatus()) {
                    Pending p = byId.get(v.retailerId());
                    if (p == null) {
                        continue;
                    }
                    for (String w : v.warnings()) {
                        warnings.add(metaIssue(p, Severity.WARNING, "META_WARNING", language + ": " + w, w));
                    }
                    if (!v.errors().isEmpty()) {
                        rejected.add(v.retailerId());
                        for (String msg : v.errors()) {
                            translationErrors.add(metaIssue(p, Severity.ERROR, "TRANSLATION_REJECTED",
                                    language + ": " + msg, msg));
                        }
                    }
                }
                for (LocalizedItem l : chunk) {
                    if (rejected.contains(l.retailerId())) {
                        translationsFailed++;
                        notSent.add(translationKey(l.retailerId(), language));
                    } else {
                        s.translationsAccepted.add(translationKey(l.retailerId(), language));
                    }
                }
            }
        }
    }

    // ---- bookkeeping

    private void fail(Pending p, ErrorCategory category, String code, String field, String message,
            IssueSource source) {
        failed++;
        translationsNotAttempted += p.localized().size();
        errors.add(issue(p.retailerId(), p.productId(), category, Severity.ERROR, code, field, message, source));
    }

    private void notAttempted(Pending p) {
        notAttempted++;
        translationsNotAttempted += p.localized().size();
        listNotAttempted(p.productId().isEmpty() ? p.retailerId() : p.productId());
    }

    private void listNotAttempted(String id) {
        if (notAttemptedIds.size() < options.maxListedNotAttempted() && id != null) {
            notAttemptedIds.add(id);
        }
    }

    /**
     * Whether batches already sent may still be polled: yes unless cancelled, or stopped for a reason that makes
     * polls fail too (auth, permission, catalog).
     */
    private boolean pollingAllowed() {
        return !cancelled && (stopCategory == null || stopCategory == ErrorCategory.RATE_LIMIT);
    }

    private void stop(ErrorCategory category, String reason) {
        if (stopCategory == null) {
            stopCategory = category;
            stopReason = reason;
            log.warn("Sync {} stopped ({}): {}", syncId, category, reason);
        }
    }

    /**
     * Waits through the sleeper; returns false (and marks the run cancelled) if interrupted or cancelled.
     *
     * @param rateLimit whether the wait counts as rate-limit time
     */
    private boolean waitFor(Duration d, boolean rateLimit) {
        if (d.isZero() || d.isNegative()) {
            return running();
        }
        if (rateLimit) {
            progress(SyncStage.WAITING_FOR_RATE_LIMIT, itemsSeen, now().plus(d));
            rateLimitWait = rateLimitWait.plus(d);
        }
        try {
            sync.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            return false;
        }
        return running();
    }

    private SyncIssue issue(String retailerId, String productId, ErrorCategory category, Severity severity,
            String code, String field, String message, IssueSource source) {
        return SyncIssue.builder().retailerId(retailerId).productId(productId).category(category).severity(severity)
                .code(code).field(field).message(message).source(source).time(now()).build();
    }

    /** An issue Meta reported about an item, with the field read from Meta's wording where it names one. */
    private SyncIssue metaIssue(Pending p, Severity severity, String code, String message, String metaWording) {
        return issue(p == null ? "" : p.retailerId(), p == null ? "" : p.productId(), ErrorCategory.PRODUCT,
                severity, code, MetaMessageFields.fieldOf(metaWording), message, IssueSource.META);
    }

    private static String codeOf(MetaCommerceException e) {
        if (e instanceof io.github.metacommerce.exception.GraphApiException g) {
            return "GRAPH_" + g.code();
        }
        return e.getClass().getSimpleName().replace("Exception", "").toUpperCase(java.util.Locale.ROOT);
    }

    private void progress(SyncStage stage, long done) {
        progress(stage, done, null);
    }

    private void progress(SyncStage stage, long done, Instant until) {
        try {
            request.listener().onProgress(SyncProgress.builder().syncId(syncId).stage(stage).done(done)
                    .total(stage == SyncStage.TRANSFORMING || stage == SyncStage.READING ? request.expectedTotal()
                            : Optional.of(itemsSeen)).waitingUntil(Optional.ofNullable(until)).build());
        } catch (RuntimeException e) {
            log.warn("SyncListener threw {}; ignored", e.getClass().getName());
        }
    }

    private Instant now() {
        return sync.clock().instant();
    }
}
