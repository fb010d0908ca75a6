package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.Words;
import io.github.metacommerce.admin.web.InstagramPage;
import io.github.metacommerce.sync.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Sync tab: "Sync All Products", a dry run, the live progress of the latest run (a server-rendered fragment
 * htmx polls about every second while the run goes on), cancel, and the history with its chart.
 */
@Controller
class SyncPage {
    /** How many runs the history table and chart show. */
    static final int HISTORY = 30;
    private static final String BACK = "redirect:" + InstagramPage.PATH + "?tab=sync";

    private final InstagramPage page;
    private final SyncQueue queue;
    private final SyncRuns runs;
    private final Clock clock;

    SyncPage(InstagramPage page, SyncQueue queue, SyncRuns runs, Clock clock) {
        this.page = page;
        this.queue = queue;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * The live area's content.
     *
     * @param exists whether the store has any run
     * @param jobId the run
     * @param active whether it is queued or running (the area polls while it is)
     * @param state "Queued", "Running", "Completed", "Completed with errors", "Failed" or "Cancelled"
     * @param stateClass the state badge's Bootstrap class
     * @param stage the stage in plain words
     * @param percent 0 to 100
     * @param created items created at Meta
     * @param updated items updated
     * @param unchanged items already up to date
     * @param failed items refused
     * @param dryRun whether the run only counts
     * @param wouldSend for a dry run: how many items it would send
     * @param eta the estimated end, empty when unknown
     * @param throttled "Waiting for Meta's rate limit until HH:MM" while waiting
     * @param message the run's last line
     * @param error what stopped it
     * @param cancelRequested whether cancel was asked for
     */
    record Live(boolean exists, String jobId, boolean active, String state, String stateClass, String stage,
            int percent, long created, long updated, long unchanged, long failed, boolean dryRun, long wouldSend,
            String eta, String throttled, String message, String error, boolean cancelRequested) {
    }

    /** A row of the history table. */
    record HistoryRow(String queuedAt, String trigger, String kind, String state, String stateClass, long created,
            long updated, long unchanged, long failed, String duration, String error) {
    }

    @GetMapping(path = InstagramPage.PATH, params = "tab=sync")
    String tab(CurrentStore store, Model model) {
        InstagramPage.Status status = page.prepare(store, "sync", model);
        if (InstagramPage.enabled(status, "sync")) {
            model.addAttribute("live", live(store));
            history(store, model);
        }
        return InstagramPage.VIEW;
    }

    /**
     * The live area alone, for htmx; {@code watching} says the page saw a run going on, so when it has ended the
     * history comes along (swapped out of band) with the run in it.
     */
    @GetMapping(InstagramPage.PATH + "/sync/live")
    String live(CurrentStore store, Model model, @RequestParam(defaultValue = "false") boolean watching) {
        Live live = live(store);
        model.addAttribute("live", live);
        if (watching && !live.active()) {
            history(store, model);
        }
        return "instagram/sync :: update";
    }

    private void history(CurrentStore store, Model model) {
        List<SyncJob> history = runs.history(store.id(), 0, HISTORY);
        model.addAttribute("history", history.stream().map(this::row).toList());
        model.addAttribute("chart", SyncRuns.JSON.writeValueAsString(chart(history)));
    }

    @PostMapping(InstagramPage.PATH + "/sync")
    String start(CurrentStore store, @RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes flash) {
        try {
            SyncQueue.Enqueued e = queue.enqueue(store.id(), new SyncQueue.Request("manual", SyncMode.FULL, List.of(),
                    dryRun, Optional.of(store.userId())));
            if (e.created()) {
                flash.addFlashAttribute("flashSuccess", dryRun
                        ? "Dry run started: it checks every product and counts what it would send, sending nothing."
                        : "Sync of all products started. You can leave this page; it goes on in the background.");
            } else {
                flash.addFlashAttribute("flashWarning", "A sync of this catalog is already "
                        + e.job().status() + "; its progress is below.");
            }
        } catch (ApiException ex) {
            flash.addFlashAttribute("flashError", ex.getMessage());
        }
        return BACK;
    }

    @PostMapping(InstagramPage.PATH + "/sync/cancel")
    String cancel(CurrentStore store, @RequestParam String jobId, RedirectAttributes flash) {
        Optional<SyncJob> job = runs.find(store.id(), jobId);
        if (job.isEmpty() || !job.get().active()) {
            flash.addFlashAttribute("flashWarning", "That sync already ended; nothing to cancel.");
        } else {
            runs.requestCancel(store.id(), jobId);
            flash.addFlashAttribute("flashSuccess", "Cancelling the sync: it stops after the current batch. "
                    + "What Meta already confirmed stays in the catalog.");
        }
        return BACK;
    }

    /** "Sync this product again", from the Errors tab: a run of that one product, back to the same list. */
    @PostMapping(InstagramPage.PATH + "/errors/resync")
    String resync(CurrentStore store, @RequestParam String productId, @RequestParam(defaultValue = "") String sku,
            @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        String name = sku.isBlank() ? productId : sku;
        try {
            SyncQueue.Enqueued e = queue.enqueue(store.id(), new SyncQueue.Request("manual", SyncMode.INCREMENTAL,
                    List.of(productId), false, Optional.of(store.userId())));
            if (e.created()) {
                flash.addFlashAttribute("flashSuccess", "Sync of " + name + " started. Its errors are replaced by "
                        + "what this run finds; reload in a moment.");
            } else {
                flash.addFlashAttribute("flashError", "A sync of this catalog is already " + e.job().status()
                        + ": sync " + name + " again when it has finished.");
            }
        } catch (ApiException ex) {
            flash.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:" + (back.startsWith(InstagramPage.PATH + "?") ? back : InstagramPage.PATH + "?tab=errors");
    }

    private Live live(CurrentStore store) {
        Optional<SyncJob> latest = runs.latest(store.id());
        if (latest.isEmpty()) {
            return new Live(false, null, false, "Never synced", "text-bg-secondary", "—", 0, 0, 0, 0, 0, false, 0,
                    null, null, null, null, false);
        }
        SyncJob j = latest.get();
        Instant now = clock.instant();
        Map<String, Long> c = j.counts();
        String throttled = j.throttledUntil().filter(t -> j.active() && t.isAfter(now))
                .map(t -> "Waiting for Meta's rate limit until " + InstagramPage.timeOfDay(t) + " UTC").orElse(null);
        String eta = j.active() ? j.eta().filter(t -> t.isAfter(now)).map(t -> "about " + duration(now, t)
                + " left (done around " + InstagramPage.timeOfDay(t) + " UTC)").orElse("estimating…") : null;
        return new Live(true, j.id(), j.active(), stateLabel(j), stateClass(j),
                stage(j.stage()), Math.max(0, Math.min(100, j.percent())), n(c, "created"), n(c, "updated"),
                n(c, "unchanged"), n(c, "failed"), j.dryRun(), n(c, "wouldSend"), eta, throttled,
                j.message().orElse(null), j.errorMessage().orElse(null), j.cancelRequested());
    }

    private HistoryRow row(SyncJob j) {
        Map<String, Long> c = j.counts();
        String duration = j.startedAt().map(s -> duration(s, j.finishedAt().orElse(clock.instant()))).orElse("—");
        String kind = (j.productIds().isEmpty() ? "All products" : Words.count(j.productIds().size(), "product"))
                + (j.dryRun() ? " · dry run" : "");
        return new HistoryRow(InstagramPage.when(j.queuedAt()), trigger(j.trigger()), kind,
                stateLabel(j), stateClass(j), n(c, "created"), n(c, "updated"),
                n(c, "unchanged"), n(c, "failed"), duration, j.errorMessage().orElse(null));
    }

    /** The chart's data, oldest run first: items by outcome. */
    private static Map<String, Object> chart(List<SyncJob> newestFirst) {
        List<SyncJob> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", runs.stream().map(j -> InstagramPage.when(j.queuedAt())).toList());
        for (String key : List.of("created", "updated", "unchanged", "failed")) {
            data.put(key, runs.stream().map(j -> n(j.counts(), key)).toList());
        }
        return data;
    }

    private static long n(Map<String, Long> counts, String key) {
        Long v = counts == null ? null : counts.get(key);
        return v == null ? 0 : v;
    }

    private static String stage(String stage) {
        return switch (stage == null ? "" : stage) {
            case "queued" -> "Waiting to start";
            case "reading" -> "Reading products";
            case "transforming" -> "Checking products";
            case "uploading" -> "Sending to Meta";
            case "confirming" -> "Waiting for Meta to confirm";
            case "waiting_for_rate_limit" -> "Waiting for Meta's rate limit";
            case "done" -> "Done";
            default -> stage;
        };
    }

    private static String trigger(String trigger) {
        return switch (trigger) {
            case "manual" -> "By hand";
            case "scheduled" -> "Schedule";
            case "change" -> "Product change";
            case "api" -> "API";
            default -> trigger;
        };
    }

    /** A run that ended with failed products is not shown as a plain (green) success. */
    private static boolean completedWithErrors(SyncJob j) {
        return "completed".equals(j.status()) && n(j.counts(), "failed") > 0;
    }

    private static String stateLabel(SyncJob j) {
        return completedWithErrors(j) ? "Completed with errors" : InstagramPage.syncStatusLabel(j.status());
    }

    private static String stateClass(SyncJob j) {
        return completedWithErrors(j) ? "text-bg-warning" : stateClass(j.status());
    }

    private static String stateClass(String status) {
        return switch (status) {
            case "completed" -> "text-bg-success";
            case "partial" -> "text-bg-warning";
            case "failed" -> "text-bg-danger";
            case "queued", "running" -> "text-bg-primary";
            default -> "text-bg-secondary";
        };
    }

    private static String duration(Instant from, Instant to) {
        long s = Math.max(0, Duration.between(from, to).toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
