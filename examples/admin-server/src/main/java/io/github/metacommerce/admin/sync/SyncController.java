package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.sync.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes 12 to 14 and the run routes beyond the seed: start a run, its live status, one run, cancel, history. Any
 * member of the store may sync (owners and staff); every read is keyed by the current store, so another store's
 * job id is a 404.
 */
@RestController
@RequestMapping("/api/meta-commerce")
class SyncController {
    private final SyncQueue queue;
    private final SyncRuns runs;
    private final MetaConnections connections;
    private final Products products;

    SyncController(SyncQueue queue, SyncRuns runs, MetaConnections connections, Products products) {
        this.queue = queue;
        this.runs = runs;
        this.connections = connections;
        this.products = products;
    }

    record SyncBody(List<String> productIds, String mode, Boolean dryRun) {
    }

    @PostMapping("/sync-job")
    ResponseEntity<Map<String, Object>> syncJob(CurrentStore store, @RequestBody(required = false) SyncBody body) {
        List<String> ids = productIds(body == null ? null : body.productIds(), false);
        SyncMode mode = mode(body == null ? null : body.mode(), ids);
        boolean dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        return start(store, new SyncQueue.Request(ids.isEmpty() ? "manual" : "api", mode, ids, dryRun,
                Optional.of(store.userId())));
    }

    @PostMapping("/sync/products")
    ResponseEntity<Map<String, Object>> syncProducts(CurrentStore store, @RequestBody(required = false) SyncBody body) {
        List<String> ids = productIds(body == null ? null : body.productIds(), true);
        boolean dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        return start(store, new SyncQueue.Request("manual", SyncMode.INCREMENTAL, ids, dryRun,
                Optional.of(store.userId())));
    }

    private ResponseEntity<Map<String, Object>> start(CurrentStore store, SyncQueue.Request request) {
        if (!request.productIds().isEmpty()) {
            long known = products.count(store.id(), request.productIds());
            if (known < request.productIds().size()) {
                List<String> unknown = request.productIds().stream()
                        .filter(id -> products.find(store.id(), id).isEmpty()).limit(10).toList();
                throw ApiException.badRequest("productIds", "Field 'productIds' names products this store does "
                        + "not have: " + String.join(", ", unknown) + ".");
            }
        }
        SyncQueue.Enqueued e = queue.enqueue(store.id(), request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", e.job().id());
        answer.put("status", e.job().status());
        answer.put("job", job(e.job()));
        if (!e.created()) {
            answer.put("error", "A sync of this catalog is already " + e.job().status() + "; this is that run.");
            answer.put("category", "catalog_error");
            answer.put("code", "sync_already_running");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(answer);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @GetMapping("/sync/status")
    Map<String, Object> status(CurrentStore store) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<MetaConnection> c = connections.find(store.id());
        answer.put("connected", c.map(MetaConnection::usable).orElse(false));
        answer.put("catalogId", c.flatMap(MetaConnection::catalogId).orElse(null));
        answer.put("catalogName", c.flatMap(MetaConnection::catalogName).orElse(null));
        answer.put("lastSyncAt", c.flatMap(MetaConnection::lastSyncAt).map(Instant::toString).orElse(null));
        answer.put("syncStatus", c.map(MetaConnection::syncStatus).orElse("never"));
        answer.put("syncError", c.flatMap(MetaConnection::syncError).orElse(null));
        answer.put("job", runs.latest(store.id()).map(SyncController::job).orElse(null));
        return answer;
    }

    @GetMapping("/jobs/{id}")
    Map<String, Object> job(CurrentStore store, @PathVariable String id) {
        return Map.of("job", job(runs.find(store.id(), id).orElseThrow(() -> ApiException.notFound("Sync job " + id))));
    }

    @PostMapping("/jobs/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(CurrentStore store, @PathVariable String id) {
        SyncJob before = runs.find(store.id(), id).orElseThrow(() -> ApiException.notFound("Sync job " + id));
        if (!before.active()) {
            throw new ApiException(HttpStatus.CONFLICT, "unknown_error", "job_finished", Optional.empty(),
                    "Sync job " + id + " already ended (" + before.status() + ").");
        }
        SyncJob after = runs.requestCancel(store.id(), id).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("success", true, "job", job(after)));
    }

    @GetMapping("/sync/history")
    Map<String, Object> history(CurrentStore store, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ApiException.requirePage(page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runs", runs.history(store.id(), page, size).stream().map(SyncController::job).toList());
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", runs.count(store.id()));
        return answer;
    }

    private static List<String> productIds(List<String> given, boolean required) {
        if (given == null || given.isEmpty()) {
            if (required) {
                throw ApiException.badRequest("productIds", "Field 'productIds' is required: the products to sync.");
            }
            return List.of();
        }
        if (given.size() > SyncQueue.MAX_SUBSET) {
            throw ApiException.badRequest("productIds", "Field 'productIds' takes at most " + SyncQueue.MAX_SUBSET
                    + " products; sync all products instead.");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : given) {
            if (id == null || id.isBlank()) {
                throw ApiException.badRequest("productIds", "Field 'productIds' has an empty product id.");
            }
            ids.add(id.strip());
        }
        return new ArrayList<>(ids);
    }

    private static SyncMode mode(String given, List<String> ids) {
        if (given == null || given.isBlank()) {
            return ids.isEmpty() ? SyncMode.FULL : SyncMode.INCREMENTAL;
        }
        SyncMode mode;
        try {
            mode = SyncMode.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mode", "Field 'mode' must be full or incremental.");
        }
        if (mode == SyncMode.FULL && !ids.isEmpty()) {
            throw ApiException.badRequest("mode", "Field 'mode' full covers every product (it also deletes at Meta "
                    + "what the store no longer has); leave productIds out, or use incremental.");
        }
        return mode;
    }

    static Map<String, Object> job(SyncJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", j.id());
        m.put("status", j.status());
        m.put("stage", j.stage());
        m.put("percent", j.percent());
        m.put("message", j.message().orElse(null));
        m.put("counts", j.counts());
        m.put("throttledUntil", j.throttledUntil().map(Instant::toString).orElse(null));
        m.put("eta", j.eta().map(Instant::toString).orElse(null));
        m.put("trigger", j.trigger());
        m.put("mode", j.mode().toLowerCase(Locale.ROOT));
        m.put("dryRun", j.dryRun());
        m.put("productIds", j.productIds().size() > 100 ? j.productIds().subList(0, 100) : j.productIds());
        m.put("productCount", j.productIds().size());
        m.put("productsTotal", j.productsTotal().orElse(null));
        m.put("catalogId", j.catalogId());
        m.put("apiCalls", j.apiCalls());
        m.put("rateLimitWaitSeconds", j.rateLimitWaitMillis() / 1000);
        m.put("queuedAt", j.queuedAt().toString());
        m.put("startedAt", j.startedAt().map(Instant::toString).orElse(null));
        m.put("finishedAt", j.finishedAt().map(Instant::toString).orElse(null));
        if (j.errorCategory().isPresent() || j.errorMessage().isPresent()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("category", j.errorCategory().orElse("unknown_error"));
            error.put("message", j.errorMessage().orElse(null));
            m.put("error", error);
        } else {
            m.put("error", null);
        }
        m.put("cancelRequested", j.cancelRequested());
        m.put("attempts", j.attempts());
        return m;
    }
}
