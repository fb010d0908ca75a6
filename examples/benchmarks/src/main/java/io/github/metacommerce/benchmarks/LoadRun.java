package io.github.metacommerce.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Concurrent GETs against the admin server: one thread and one session (its own connection) per client, each sending
 * its requests one after the other, until it sent them all or the run's time limit passed; the latency of each
 * request is measured from send to the last byte received.
 */
final class LoadRun {
    /** The figures of one load run. */
    record Result(String name, int clients, int perClient, long requests, long errors, double seconds, double p50,
            double p95,
            double p99, double max) {
        String line() {
            return String.format(Locale.ROOT, "%-66s %3d x %4d  %6d req  %5.1f s  %6.0f req/s  p50 %6.1f ms  "
                    + "p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  errors %d", name, clients, perClient,
                    requests, seconds, requests / seconds, p50, p95, p99, max, errors);
        }
    }

    private LoadRun() {
    }

    /**
     * Runs the load.
     *
     * @param sessions one per client
     * @param perClient requests each client sends
     * @param limit when the clients stop even if they have requests left (each finishes the one it sent)
     * @param path the path of client {@code c}'s request {@code r}
     */
    static Result run(String name, List<AdminSession> sessions, int perClient, Duration limit,
            BiFunction<Integer, Integer, String> path) throws InterruptedException {
        int clients = sessions.size();
        long[][] latencies = new long[clients][perClient];
        int[] sent = new int[clients];
        long[] deadline = new long[1];
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int r = 0; r < perClient && System.nanoTime() < deadline[0]; r++) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = sessions.get(client).get(path.apply(client, r));
                        if (answer.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    latencies[client][r] = System.nanoTime() - start;
                    sent[client] = r + 1;
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + limit.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = java.util.stream.IntStream.range(0, clients)
                .mapToObj(c -> Arrays.stream(latencies[c], 0, sent[c])).flatMapToLong(x -> x).sorted().toArray();
        return new Result(name, clients, perClient, all.length, errors.get(), seconds, ms(all, 0.50), ms(all, 0.95),
                ms(all, 0.99), all[all.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
