package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.ItemValidation;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Packs items into items_batch calls by count and bytes and sends each as soon as it is full, while at most
 * {@code maxOutstandingBatches} batches are unconfirmed. The call runs on the send thread, so the next batch is
 * packed meanwhile; its answer ({@code validation_status} and the batch handle) is applied before the next call
 * goes out, and the batch then goes to the {@link Confirmer}. Used on the sync's thread.
 */
final class Uploader {
    private final RunState run;
    private final Tally tally;
    private final Sender sender;
    private final Confirmer confirmer;
    private final TranslationSender translations;
    private final List<Pending> current = new ArrayList<>();
    private long currentBytes;
    /** The batch whose call is in flight, or null. */
    private List<Pending> inFlight;
    private CompletableFuture<Sender.Outcome<ItemsBatchResponse>> call;
    private Instant callStarted;

    Uploader(RunState run, Tally tally, Sender sender, Confirmer confirmer, TranslationSender translations) {
        this.run = run;
        this.tally = tally;
        this.sender = sender;
        this.confirmer = confirmer;
        this.translations = translations;
    }

    /** Queues an item to send (in a dry run, counts it as would send). */
    void enqueue(Pending p) {
        if (run.request.dryRun()) {
            tally.wouldSend++;
            tally.translationsWouldSend += p.localized().size();
            return;
        }
        if (!current.isEmpty() && (current.size() + 1 > run.options.maxRequestsPerCall()
                || currentBytes + p.request().sizeInBytes() + 1 > run.options.maxBytesPerCall())) {
            flush();
        }
        if (!run.running()) {
            awaitCall(); // the batch in flight is accounted for first, so the report lists items in order
            tally.notAttempted(p);
            return;
        }
        current.add(p);
        currentBytes += p.request().sizeInBytes() + 1;
    }

    /** Applies the answer of the call in flight if it has come, and polls the batches that are due; no wait. */
    void tick() {
        if (call != null && call.isDone()) {
            awaitCall();
        }
        confirmer.pollDue();
        translations.tick();
    }

    /** Sends what is packed: once the call in flight is answered and the window has room. */
    void flush() {
        if (current.isEmpty()) {
            return;
        }
        // the previous call's answer first: should that fail unexpectedly, this batch is still in current
        awaitCall();
        confirmer.pollDue();
        while (confirmer.size() >= run.options.maxOutstandingBatches() && run.pollingAllowed()) {
            confirmer.awaitOne();
        }
        List<Pending> batch = new ArrayList<>(current);
        current.clear();
        currentBytes = 0;
        if (!run.running()) {
            batch.forEach(tally::notAttempted);
            return;
        }
        List<ItemRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request()));
        run.progress(SyncStage.UPLOADING, tally.itemsSeen);
        inFlight = batch;
        callStarted = run.now();
        call = sender.submit(Sender.Lane.ITEMS, () -> run.sync.graph().itemsBatch(run.catalogId, requests, true));
    }

    /** Sends what is left and applies the last answer. */
    void finish() {
        flush();
        awaitCall();
    }

    /** What was packed but not sent is not attempted; the call in flight is awaited (or cancelled). */
    void abandon() {
        current.forEach(tally::notAttempted);
        current.clear();
        currentBytes = 0;
        if (call != null) {
            awaitCall();
        }
    }

    /** Waits for the call in flight, polling due batches meanwhile, and applies its answer. */
    private void awaitCall() {
        if (call == null) {
            return;
        }
        Sender.Outcome<ItemsBatchResponse> outcome;
        try {
            outcome = sender.await(call, () -> {
                confirmer.pollDue();
                translations.tick();
            });
        } catch (CompletionException e) {
            // a bug or a broken client: the run stops; the batch may have reached Meta, so it is unconfirmed
            org.slf4j.LoggerFactory.getLogger(Uploader.class).warn("Sync {}: a call failed unexpectedly",
                    run.syncId, e.getCause());
            run.stop(ErrorCategory.UNKNOWN, "Unexpected failure: " + e.getCause());
            outcome = new Sender.Outcome<>(Sender.Kind.UNKNOWN, null, ErrorCategory.UNKNOWN, "INTERNAL_ERROR",
                    "the call failed unexpectedly: " + e.getCause());
        }
        List<Pending> batch = inFlight;
        // the deadline and Meta's pace count from the attempt Meta took, not from a wait for the budget before it
        Instant sentAt = outcome.sentAt() != null ? outcome.sentAt() : callStarted;
        call = null;
        inFlight = null;
        apply(batch, outcome, sentAt);
    }

    private void apply(List<Pending> batch, Sender.Outcome<ItemsBatchResponse> outcome, Instant sentAt) {
        switch (outcome.kind()) {
            case NOT_SENT -> {
                batch.forEach(tally::notAttempted);
                return;
            }
            case FAILED -> {
                batch.forEach(p -> tally.fail(p, outcome.category(), outcome.code(), "", outcome.message(),
                        IssueSource.API));
                return;
            }
            case UNKNOWN -> {
                batch.forEach(p -> tally.unconfirmed(p, outcome.category(), "Sent, but Meta's answer could not be "
                        + "read (" + outcome.message() + "); it will be sent again next time."));
                return;
            }
            default -> {
            }
        }
        ItemsBatchResponse response = outcome.result();
        Map<String, Pending> byId = new LinkedHashMap<>();
        batch.forEach(p -> byId.put(p.retailerId(), p));
        for (ItemValidation v : response.validationStatus()) {
            Pending p = byId.get(v.retailerId());
            if (p == null) {
                continue;
            }
            for (String w : v.warnings()) {
                if (!p.alreadyWarned(w)) {
                    tally.warnings.add(tally.metaIssue(p, Severity.WARNING, "META_WARNING", w, w));
                }
            }
            if (!v.errors().isEmpty() && byId.remove(v.retailerId()) != null) {
                tally.rejected(p, "META_VALIDATION", v.errors());
            }
        }
        Optional<String> handle = response.handle();
        if (!byId.isEmpty() && handle.isEmpty()) {
            byId.values().forEach(p -> tally.fail(p, ErrorCategory.UNKNOWN, "NOT_INGESTED", "",
                    "Meta accepted the call but ingested nothing (no batch handle).", IssueSource.META));
        } else if (!byId.isEmpty()) {
            tally.handles.add(handle.get());
            confirmer.track(handle.get(), new ArrayList<>(byId.values()), batch, sentAt);
        }
    }
}
