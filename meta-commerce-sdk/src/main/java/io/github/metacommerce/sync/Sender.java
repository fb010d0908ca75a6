package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.BatchStatus;
import io.github.metacommerce.catalog.ItemsBatchResponse;
import io.github.metacommerce.exception.CatalogAccessException;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphApiException;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.OAuthException;
import io.github.metacommerce.exception.PermissionException;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.BusinessUseCaseUsage;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes the run's batch calls: within the catalog's budget (the shared rate limiter), spread out as Meta's usage
 * nears 100 %, waiting out throttles Meta states, and retrying transient failures. It counts nothing itself: each
 * call ends in an {@link Outcome} that the caller accounts for. Calls run on send threads, one per {@link Lane},
 * so the sync's thread packs the next batch and polls statuses while calls are in flight: at most one items_batch
 * call and one localized_items_batch call at a time.
 */
final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofMinutes(1);

    /** How a call ended. */
    enum Kind {
        /** Meta answered; {@link Outcome#result()} holds it. */
        OK,
        /** The call failed for good; its items failed with the outcome's category, code and message. */
        FAILED,
        /** Never sent (the run stopped or was cancelled first). */
        NOT_SENT,
        /** Sent, but Meta's answer could not be read even when asked again: its items' fate is unknown. */
        UNKNOWN
    }

    /** How a call ended, with what its items need to be accounted for. */
    record Outcome<T>(Kind kind, T result, ErrorCategory category, String code, String message,
            java.time.Instant sentAt) {
        Outcome(Kind kind, T result, ErrorCategory category, String code, String message) {
            this(kind, result, category, code, message, null);
        }

        static <T> Outcome<T> notSent(String why) {
            return new Outcome<>(Kind.NOT_SENT, null, null, "", why, null);
        }
    }

    private final RunState run;
    private final Retry retry;
    private final AtomicReference<Duration> extraWait = new AtomicReference<>(Duration.ZERO);
    /** The two kinds of call, each on a send thread of its own. */
    enum Lane {
        /** items_batch calls. */
        ITEMS,
        /** localized_items_batch calls. */
        TRANSLATIONS
    }

    private final ExecutorService[] threads = new ExecutorService[Lane.values().length];
    /** The send threads, so that an interrupt of the sync's thread reaches a wait or call on them. */
    private final List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();

    Sender(RunState run) {
        this.run = run;
        var r = run.options.retry();
        // an answer that could not be read is asked again too: Meta may have taken the call, and an UPDATE (upsert)
        // or DELETE per retailer id is safe to repeat
        this.retry = Retry.of("sync-" + run.catalogId, RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(r.initialBackoff(), r.multiplier(),
                        r.jitter(), r.maxBackoff()))
                .retryOnException(t -> t instanceof MetaCommerceException m && (m.isRetryable() || unread(t)))
                .failAfterMaxAttempts(false)
                .build());
    }

    /** Runs a call on the lane's send thread. */
    <T> CompletableFuture<Outcome<T>> submit(Lane lane, Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> call(call), lane(lane));
    }

    /** Runs a task of calls (each made with {@link #call}) on the lane's send thread. */
    <T> CompletableFuture<T> run(Lane lane, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, lane(lane));
    }

    private ExecutorService lane(Lane lane) {
        int i = lane.ordinal();
        if (threads[i] == null) {
            java.util.Map<String, String> context = MDC.getCopyOfContextMap();
            String name = "catalog-sync-" + run.catalogId + "-" + lane.name().toLowerCase(Locale.ROOT);
            threads[i] = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(() -> {
                    if (context != null) {
                        MDC.setContextMap(context);
                    }
                    task.run();
                }, name);
                t.setDaemon(true);
                workers.add(t);
                return t;
            });
        }
        return threads[i];
    }

    /**
     * Makes a call on the current thread, with pacing, throttle waits and retries. Once an attempt got an answer
     * that could not be read, Meta may have taken the call: however the later attempts end, the outcome is then
     * {@link Kind#UNKNOWN} (never failed or not sent), with the last attempt's reason.
     */
    <T> Outcome<T> call(Supplier<T> call) {
        Retry.AsyncContext<Object> context = retry.asyncContext();
        Duration throttled = Duration.ZERO;
        boolean mayHaveLanded = false;
        String landedWhy = "";
        while (true) {
            Outcome<T> end = null;
            if (!run.running() || !pace()) {
                end = Outcome.notSent("");
            } else {
                try {
                    run.countCall();
                    java.time.Instant at = run.now();
                    T result = call.get();
                    context.onComplete();
                    adapt(result);
                    return new Outcome<>(Kind.OK, result, null, "", "", at);
                } catch (RateLimitException e) {
                    Duration wait = e.retryAfter().orElse(DEFAULT_THROTTLE_WAIT);
                    throttled = throttled.plus(wait);
                    if (throttled.compareTo(run.options.maxRateLimitWait()) > 0) {
                        run.stop(ErrorCategory.RATE_LIMIT, "Meta asks to wait " + wait + ", longer than the "
                                + "configured maximum " + run.options.maxRateLimitWait() + ": " + e.getMessage());
                        end = Outcome.notSent(e.getMessage());
                    } else {
                        log.warn("Sync {}: throttled by Meta (code {}); waiting {}", run.syncId, e.code(), wait);
                        if (!run.waitFor(wait, true)) {
                            end = Outcome.notSent(e.getMessage());
                        }
                    }
                } catch (OAuthException | PermissionException | CatalogAccessException e) {
                    run.stop(e.category(), e.getMessage());
                    end = new Outcome<>(Kind.FAILED, null, e.category(), codeOf(e), e.getMessage(), null);
                } catch (MetaCommerceException e) {
                    if (e instanceof GraphTransportException g && g.isInterrupted()) {
                        if (Thread.currentThread().isInterrupted() || !run.running()) {
                            run.cancel();
                        }
                        return new Outcome<>(Kind.UNKNOWN, null, ErrorCategory.UNKNOWN, "INTERRUPTED",
                                "the call was interrupted before Meta answered", null);
                    }
                    if (unread(e)) {
                        mayHaveLanded = true;
                        landedWhy = e.getMessage();
                    }
                    long delay = context.onError(e);
                    if (delay < 0) {
                        log.warn("Sync {}: a call failed for good ({}): {}", run.syncId, e.category(),
                                e.getMessage());
                        end = new Outcome<>(Kind.FAILED, null, e.category(), codeOf(e), e.getMessage(), null);
                    } else {
                        log.warn("Sync {}: a call failed ({}), retrying in {} ms: {}", run.syncId, e.category(),
                                delay, e.getMessage());
                        if (!run.waitFor(Duration.ofMillis(delay), false)) {
                            end = Outcome.notSent(e.getMessage());
                        }
                    }
                }
            }
            if (end != null) {
                if (mayHaveLanded) {
                    String why = end.message().isEmpty() || end.message().equals(landedWhy) ? landedWhy
                            : landedWhy + "; then " + end.message();
                    return new Outcome<>(Kind.UNKNOWN, null, end.category() != null ? end.category()
                            : ErrorCategory.UNKNOWN, "UNREADABLE_ANSWER", why, null);
                }
                return end;
            }
        }
    }

    /** Waits for the catalog's budget; false when the run must not call (stopped, cancelled). */
    private boolean pace() {
        Duration extra = extraWait.getAndSet(Duration.ZERO);
        if (!extra.isZero() && !run.waitFor(extra, true)) {
            return false;
        }
        long nanos = run.sync.rateLimiter().reservePermission();
        if (nanos < 0) {
            run.stop(ErrorCategory.RATE_LIMIT, "The catalog's batch budget would need a wait longer than "
                    + run.options.maxRateLimitWait());
            return false;
        }
        return nanos == 0 || run.waitFor(Duration.ofNanos(nanos), true);
    }

    /** Slows down as Meta's usage for this catalog nears 100 %, and honours a stated wait. */
    void adapt(Object result) {
        ApiUsage usage = result instanceof ItemsBatchResponse r ? r.usage()
                : result instanceof BatchStatus s ? s.usage() : ApiUsage.none();
        List<BusinessUseCaseUsage> entries = usage.forObject(run.catalogId);
        int percent = 0;
        Duration regain = Duration.ZERO;
        for (BusinessUseCaseUsage u : entries) {
            percent = Math.max(percent, u.maxPercent());
            if (u.estimatedTimeToRegainAccess().compareTo(regain) > 0) {
                regain = u.estimatedTimeToRegainAccess();
            }
        }
        SyncOptions options = run.options;
        if (!regain.isZero()) {
            extraWait.set(regain.compareTo(options.maxRateLimitWait()) > 0 ? options.maxRateLimitWait() : regain);
        } else if (percent >= options.slowdownThreshold()) {
            long perCall = Duration.ofMinutes(1).toMillis() / options.batchCallsPerMinute();
            double factor = 1.0 + (percent - options.slowdownThreshold()) * 4.0
                    / Math.max(1, 100 - options.slowdownThreshold());
            Duration spread = Duration.ofMillis((long) (perCall * factor));
            extraWait.set(spread);
            log.debug("Sync {}: catalog usage at {} %, spreading calls by {}", run.syncId, percent, spread);
        }
    }

    /**
     * Whether Meta took the call but its answer could not be read: HTTP 2xx with an empty, truncated or HTML body.
     * Meta may have ingested the batch, so its items' fate is unknown, not failed.
     */
    private static boolean unread(Throwable t) {
        return t instanceof GraphResponseParseException p && p.httpStatus() >= 200 && p.httpStatus() < 300;
    }

    static String codeOf(MetaCommerceException e) {
        if (e instanceof GraphApiException g) {
            return "GRAPH_" + g.code();
        }
        return e.getClass().getSimpleName().replace("Exception", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Waits on the sync's thread for a task of the send threads, running {@code meanwhile} every 20 ms while the
     * run goes on (polls that are due, answers that have come). An interrupt cancels the run and ends what the
     * send threads wait for, so the task ends soon; the interrupt stays visible to the caller.
     *
     * @throws java.util.concurrent.CompletionException if the task failed unexpectedly
     */
    <T> T await(CompletableFuture<T> task, Runnable meanwhile) {
        boolean interrupted = false;
        try {
            while (true) {
                run.reportSendThreadWait();
                try {
                    return task.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // running() also notices a cancel, which ends the send threads' waits (RunState.cancel)
                    if (run.running()) {
                        meanwhile.run();
                    }
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        run.cancel();
                        interrupt();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new java.util.concurrent.CompletionException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Interrupts what the send threads are doing (a wait ends at once; the run is cancelled by its caller). */
    void interrupt() {
        workers.forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        for (ExecutorService t : threads) {
            if (t != null) {
                t.shutdownNow();
            }
        }
    }
}
