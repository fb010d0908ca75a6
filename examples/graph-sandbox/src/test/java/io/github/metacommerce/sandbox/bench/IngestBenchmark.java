package io.github.metacommerce.sandbox.bench;

import io.github.metacommerce.sandbox.GraphSandbox;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (not a test): how fast the sandbox ingests items_batch calls of 5,000 items, and whether it
 * holds a million items. Prints its figures; nothing passes or fails on timing.
 *
 * <pre>
 * mvn -B -ntp -pl examples/graph-sandbox -am package -DskipTests
 * java -cp examples/graph-sandbox/target/graph-sandbox.jar:examples/graph-sandbox/target/test-classes \
 *     io.github.metacommerce.sandbox.bench.IngestBenchmark --items 1000000 --clients 2
 * </pre>
 */
public final class IngestBenchmark {
    private static final int BATCH = 5000;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = 1_000_000;
        int clients = 2;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--items")) {
                items = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--clients")) {
                clients = Integer.parseInt(args[++i]);
            }
        }
        PrintStream out = System.out;
        try (GraphSandbox sandbox = GraphSandbox.builder().batchCallsPerMinute(Integer.MAX_VALUE)
                .batchProcessingDelay(Duration.ZERO).build().start()) {
            String token = sandbox.mintUserToken();
            String url = sandbox.baseUrl() + "/v27.0/" + GraphSandbox.CATALOG_ID + "/items_batch";
            HttpClient http = HttpClient.newHttpClient();
            int batches = (items + BATCH - 1) / BATCH;
            AtomicLong bytes = new AtomicLong();
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            final int total = items;
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long b;
                    while ((b = next.getAndIncrement()) < batches) {
                        String body = "item_type=PRODUCT_ITEM&requests="
                                + URLEncoder.encode(requests(b * BATCH, (int) Math.min(BATCH, total - b * BATCH)),
                                StandardCharsets.UTF_8);
                        bytes.addAndGet(body.length());
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("batch " + b + " failed: " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long nanos = System.nanoTime() - start;
            pool.shutdown();
            int stored = sandbox.itemCount(GraphSandbox.CATALOG_ID);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            long readStart = System.nanoTime();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v27.0/"
                    + GraphSandbox.CATALOG_ID + "/products?fields=retailer_id,name,price&limit=100&filter="
                    + URLEncoder.encode("{\"retailer_id\":{\"eq\":\"SKU-" + (total / 2) + "\"}}",
                    StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            long readMicros = (System.nanoTime() - readStart) / 1000;
            double seconds = nanos / 1e9;
            out.printf("items sent: %d in %d items_batch calls of up to %d, %d client thread(s)%n", total, batches,
                    BATCH, clients);
            out.printf("payload: %.1f MB%n", bytes.get() / 1e6);
            out.printf("ingested (validated, processed, stored): %d items in %.2f s = %.0f items/s%n", stored,
                    seconds, stored / seconds);
            out.printf("heap used after GC with %d items: %d MB%n", stored, usedMb);
            out.printf("retailer-id lookup over %d items: %d us (HTTP %d)%n", stored, readMicros, page.statusCode());
        }
    }

    static String requests(long from, int count) {
        StringBuilder b = new StringBuilder(count * 420).append('[');
        for (int i = 0; i < count; i++) {
            long n = from + i;
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"method\":\"UPDATE\",\"data\":{\"id\":\"SKU-").append(n)
                    .append("\",\"title\":\"Trail tent model ").append(n)
                    .append("\",\"description\":\"Lightweight two-person tent, model ").append(n)
                    .append(", waterproof and quick to pitch.\",\"availability\":\"in stock\",\"condition\":\"new\","
                            + "\"price\":\"").append(100 + n % 900).append(".99 USD\",\"link\":\"https://shop.example/"
                            + "products/tent-").append(n).append("\",\"image_link\":\"https://shop.example/img/tent-")
                    .append(n).append(".jpg\",\"brand\":\"Acme\",\"google_product_category\":\"Tents\","
                            + "\"quantity_to_sell_on_facebook\":").append(n % 50).append("}}");
        }
        return b.append(']').toString();
    }
}
