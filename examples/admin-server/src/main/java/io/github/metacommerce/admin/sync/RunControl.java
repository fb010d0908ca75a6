package io.github.metacommerce.admin.sync;

import io.github.metacommerce.Sleeper;
import io.github.metacommerce.sync.SyncCancellation;
import io.github.metacommerce.sync.SyncListener;
import io.github.metacommerce.sync.SyncProgress;
import io.github.metacommerce.sync.SyncStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link between one running sync and its {@code sync_runs} row. The SDK hands progress to
 * {@link #onProgress} on the sync's thread, often; this only keeps the latest event. A tick about once a second,
 * on another thread, writes the latest progress (stage, percent, ETA, throttled-until) and reads whether cancel
 * was asked for; a cancel also ends a wait for Meta's rate limit at once ({@link #SLEEPER}).
 */
final class RunControl implements SyncListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunControl.class);
    /** Inherited, so that the SDK's send thread (started by the sync's thread) waits through this run too. */
    private static final ThreadLocal<RunControl> CURRENT = new InheritableThreadLocal<>();
    /**
     * The bar's share for reading and checking the products; the rest fills as the items seen so far are settled
     * (on the way in a big run, batches go out while reading goes on), so that it moves while Meta works.
     */
    private static final int READ_SHARE = 50;

    /**
     * The SDK's sleeper for the admin server: waits like {@link Sleeper#system()}, except that on a thread running
     * a sync it wakes up as soon as the run is cancelled.
     */
    static final Sleeper SLEEPER = d -> {
        RunControl control = CURRENT.get();
        if (control == null) {
            Sleeper.system().sleep(d);
        } else {
            control.await(d);
        }
    };

    private final String jobId;
    private final SyncRuns runs;
    private final Clock clock;
    private final SyncCancellation cancellation = SyncCancellation.create();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Instant started;
    private final long total;
    private volatile SyncProgress latest;
    private volatile Instant waitingUntil;
    private SyncProgress written;
    private int lastPercent;
    private volatile long productsRead;
    private volatile long itemsSeen;
    /** Items the sync has settled (synced, unchanged, failed, ...), from its progress events. */
    private volatile long settled;
    private ScheduledFuture<?> ticks;

    RunControl(String jobId, SyncRuns runs, Clock clock, long total) {
        this.jobId = jobId;
        this.runs = runs;
        this.clock = clock;
        this.total = total;
        this.started = clock.instant();
    }

    /** Starts ticking and binds the calling thread (the one that runs the sync) to this run. */
    RunControl start(ScheduledExecutorService ticker, Duration every) {
        CURRENT.set(this);
        ticks = ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    SyncCancellation cancellation() {
        return cancellation;
    }

    /** @return until when the run last waited for Meta's rate limit, if it did */
    Optional<Instant> lastWaitingUntil() {
        return Optional.ofNullable(waitingUntil);
    }

    @Override
    public void onProgress(SyncProgress progress) {
        latest = progress;
        progress.waitingUntil().ifPresent(until -> waitingUntil = until);
    }

    void tick() {
        try {
            if (!cancellation.isCancelled() && runs.cancelRequested(jobId)) {
                log.info("Sync run {}: cancel requested", jobId);
                cancel();
            }
            SyncProgress p = latest;
            if (p != null && p != written) {
                runs.progress(jobId, snapshot(p));
                written = p;
            }
        } catch (RuntimeException e) {
            // a database hiccup must not end the run; the next tick tries again
            log.warn("Sync run {}: progress not written: {}", jobId, e.toString());
        }
    }

    void cancel() {
        cancellation.cancel();
        cancelled.countDown();
    }

    private void await(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) {
            cancelled.await(d.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    SyncRuns.Progress snapshot(SyncProgress p) {
        Instant now = clock.instant();
        int percent = percent(p);
        Optional<Instant> until = p.stage() == SyncStage.WAITING_FOR_RATE_LIMIT ? p.waitingUntil() : Optional.empty();
        Optional<Instant> eta = Optional.empty();
        if (percent >= 2 && percent < 100) {
            long elapsed = Duration.between(started, now).toMillis();
            eta = Optional.of(now.plusMillis(elapsed * (100 - percent) / percent));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("productsTotal", total);
        counts.put("done", p.done());
        return new SyncRuns.Progress(p.stage().name().toLowerCase(Locale.ROOT), percent, message(p, until), counts,
                until, eta);
    }

    private int percent(SyncProgress p) {
        switch (p.stage()) {
            case TRANSFORMING -> productsRead = p.done();
            case UPLOADING, CONFIRMING -> itemsSeen = p.done();
            default -> {
            }
        }
        settled = Math.max(settled, p.settled());
        int computed;
        if (p.stage() == SyncStage.DONE) {
            computed = 100;
        } else {
            double read = total <= 0 ? (itemsSeen > 0 ? 1 : 0) : Math.min(1.0, (double) productsRead / total);
            double done = itemsSeen <= 0 ? 0 : Math.min(1.0, (double) settled / itemsSeen);
            computed = (int) Math.min(99, READ_SHARE * read + (99 - READ_SHARE) * done);
        }
        lastPercent = Math.max(lastPercent, computed);
        return lastPercent;
    }

    private String message(SyncProgress p, Optional<Instant> until) {
        switch (p.stage()) {
            case READING:
                return "Reading products";
            case TRANSFORMING:
                return "Checked " + p.done() + " of " + total + " products";
            case UPLOADING:
                return "Sending changes to Meta";
            case CONFIRMING:
                return "Waiting for Meta to confirm the items sent (" + settled + " of " + itemsSeen
                        + " items done so far)";
            case WAITING_FOR_RATE_LIMIT:
                return "Waiting for Meta's rate limit" + until.map(u -> " until " + u).orElse("");
            default:
                return "Finishing";
        }
    }

    @Override
    public void close() {
        CURRENT.remove();
        if (ticks != null) {
            ticks.cancel(false);
        }
    }
}
