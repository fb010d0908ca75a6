package io.github.metacommerce.sync;

import io.github.metacommerce.exception.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage of one run shares: the sync and its request, whether the run may go on (cancelled, or stopped
 * with a category and reason), waits through the sleeper, and the progress events. Thread-safe: the sync's thread
 * and its send thread both read and write it. Progress is reported on the sync's thread only.
 */
final class RunState {
    private static final Logger log = LoggerFactory.getLogger(RunState.class);

    final CatalogSync sync;
    final SyncRequest request;
    final SyncOptions options;
    final String catalogId;
    final String syncId = UUID.randomUUID().toString();
    /** The thread the sync runs on: its interrupt cancels the run. */
    private final Thread owner = Thread.currentThread();
    private volatile boolean cancelled;
    private ErrorCategory stopCategory;
    private String stopReason;
    private final AtomicLong apiCalls = new AtomicLong();
    private long rateLimitWaitNanos;
    /** The send threads inside a wait, so that a cancel ends the wait. */
    private final java.util.Set<Thread> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Until when the send thread waits for the rate limit, for the sync's thread to report. */
    private volatile Instant waitingUntil;
    /** How many items are settled so far, from the run's tally. */
    private java.util.function.LongSupplier settled = () -> 0;
    /** Items seen so far, the total of the upload and confirm stages' progress. */
    private volatile long itemsSeen;

    RunState(CatalogSync sync, SyncRequest request) {
        this.sync = sync;
        this.request = request;
        this.options = sync.options();
        this.catalogId = sync.catalogId();
    }

    /** Whether the run goes on: not cancelled (by its cancellation or an interrupt) and not stopped. */
    boolean running() {
        if (!cancelled && (request.cancellation().isCancelled() || owner.isInterrupted())) {
            cancel();
        }
        return !cancelled && stopCategory() == null;
    }

    void cancel() {
        if (!cancelled) {
            cancelled = true;
            log.info("Sync {} cancelled", syncId);
            // a wait on a send thread (a throttle or the budget) ends now, not when it is over
            waiting.forEach(Thread::interrupt);
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    synchronized ErrorCategory stopCategory() {
        return stopCategory;
    }

    synchronized String stopReason() {
        return stopReason;
    }

    /** Stops the run; the first reason given is kept. */
    synchronized void stop(ErrorCategory category, String reason) {
        if (stopCategory == null) {
            stopCategory = category;
            stopReason = reason;
            log.warn("Sync {} stopped ({}): {}", syncId, category, reason);
        }
    }

    /**
     * Whether batches already sent may still be polled: yes unless cancelled, or stopped for a reason that makes
     * polls fail too (auth, permission, catalog).
     */
    boolean pollingAllowed() {
        ErrorCategory c = stopCategory();
        return !cancelled && (c == null || c == ErrorCategory.RATE_LIMIT);
    }

    /** Why batches still open are not confirmed, once polling is no longer allowed. */
    String whyNotPolled() {
        return cancelled ? "the sync was cancelled" : "the sync stopped (" + stopReason() + ")";
    }

    /**
     * Waits through the sleeper; returns whether the run goes on. An interrupt of the sync's thread cancels the
     * run; one of the send thread (the run is closing) just ends the wait.
     *
     * @param rateLimit whether the wait counts as rate-limit time
     */
    boolean waitFor(Duration d, boolean rateLimit) {
        if (d.isZero() || d.isNegative()) {
            return running();
        }
        if (rateLimit) {
            synchronized (this) {
                rateLimitWaitNanos += d.toNanos();
            }
            Instant until = now().plus(d);
            if (Thread.currentThread() == owner) {
                progress(SyncStage.WAITING_FOR_RATE_LIMIT, itemsSeen, until);
            } else {
                waitingUntil = until;
            }
        }
        Thread self = Thread.currentThread();
        boolean sendThread = self != owner;
        try {
            if (sendThread) {
                waiting.add(self);
                if (cancelled) {
                    return false;
                }
            }
            sync.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (Thread.currentThread() == owner) {
                cancel();
            }
            return false;
        } finally {
            if (sendThread) {
                waiting.remove(self);
            }
        }
        return running();
    }

    /** Reports a rate-limit wait of the send thread, once, on the sync's thread. */
    void reportSendThreadWait() {
        Instant until = waitingUntil;
        if (until != null) {
            waitingUntil = null;
            if (until.isAfter(now())) {
                progress(SyncStage.WAITING_FOR_RATE_LIMIT, itemsSeen, until);
            }
        }
    }

    long countCall() {
        return apiCalls.incrementAndGet();
    }

    long apiCalls() {
        return apiCalls.get();
    }

    synchronized Duration rateLimitWait() {
        return Duration.ofNanos(rateLimitWaitNanos);
    }

    void settledBy(java.util.function.LongSupplier settled) {
        this.settled = settled;
    }

    void itemsSeen(long n) {
        itemsSeen = n;
    }

    Instant now() {
        return sync.clock().instant();
    }

    void progress(SyncStage stage, long done) {
        progress(stage, done, null);
    }

    /** Reports progress to the request's listener; on the sync's thread only. */
    void progress(SyncStage stage, long done, Instant until) {
        if (Thread.currentThread() != owner) {
            return;
        }
        try {
            request.listener().onProgress(SyncProgress.builder().syncId(syncId).stage(stage).done(done)
                    .total(stage == SyncStage.TRANSFORMING || stage == SyncStage.READING ? request.expectedTotal()
                            : Optional.of(itemsSeen)).waitingUntil(Optional.ofNullable(until))
                    .settled(settled.getAsLong()).build());
        } catch (RuntimeException e) {
            log.warn("SyncListener threw {}; ignored", e.getClass().getName());
        }
    }
}
