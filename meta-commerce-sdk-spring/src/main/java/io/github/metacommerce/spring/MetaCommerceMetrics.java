package io.github.metacommerce.spring;

import io.github.metacommerce.graph.GraphCall;
import io.github.metacommerce.graph.GraphCallListener;
import io.github.metacommerce.sync.SyncReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Micrometer metrics for Graph calls and syncs:
 * {@code meta.commerce.graph.calls} (timer; tags {@code endpoint}, {@code method}, {@code outcome}),
 * {@code meta.commerce.sync.items} (counter; tag {@code outcome}: created, updated, unchanged, deleted, failed,
 * not_attempted), {@code meta.commerce.sync.duration} (timer; tag {@code outcome}) and
 * {@code meta.commerce.sync.rate.limit.wait} (timer).
 */
public final class MetaCommerceMetrics implements GraphCallListener, Consumer<SyncReport> {
    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.0");
    private static final Pattern IDS = Pattern.compile("/[0-9]{3,}(?=/|$)");

    private final MeterRegistry registry;

    /**
     * Creates the metrics.
     *
     * @param registry where to record
     */
    public MetaCommerceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onCall(GraphCall call) {
        Timer.builder("meta.commerce.graph.calls")
                .description("Graph API attempts")
                .tag("endpoint", endpoint(call.path()))
                .tag("method", call.method().name())
                .tag("outcome", call.failure().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).orElse("success"))
                .register(registry)
                .record(call.duration());
    }

    @Override
    public void accept(SyncReport report) {
        count("created", report.counts().created());
        count("updated", report.counts().updated());
        count("unchanged", report.counts().unchanged());
        count("deleted", report.counts().deleted());
        count("failed", report.counts().failed());
        count("not_attempted", report.counts().notAttempted());
        Timer.builder("meta.commerce.sync.duration").description("Sync duration")
                .tag("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT)).register(registry)
                .record(report.duration());
        Timer.builder("meta.commerce.sync.rate.limit.wait").description("Time syncs waited for rate limits")
                .register(registry).record(report.rateLimitWait());
    }

    private void count(String outcome, long n) {
        if (n > 0) {
            Counter.builder("meta.commerce.sync.items").description("Items handled by syncs")
                    .tag("outcome", outcome).register(registry).increment(n);
        }
    }

    /** The path with the version and object ids replaced, so tags stay few: {@code /{id}/items_batch}. */
    static String endpoint(String path) {
        return IDS.matcher(VERSION.matcher(path).replaceFirst("")).replaceAll("/{id}");
    }
}
