package io.github.metacommerce.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A product catalog: its items (kept as compact JSON), its batches, and its batch-call window. */
final class Catalog {
    /** An item as stored. */
    record Item(long id, String retailerId, byte[] json, Instant updatedAt, Map<String, byte[]> localizations) {
    }

    static final Duration WINDOW = Duration.ofMinutes(1);

    final String id;
    final String name;
    final String vertical;
    final String businessId;
    /** Items by Meta's product id, which grows, so cursors are stable. */
    final ConcurrentSkipListMap<Long, Item> items = new ConcurrentSkipListMap<>();
    final Map<String, Long> byRetailerId = new ConcurrentHashMap<>();
    private final Deque<Instant> batchCalls = new ArrayDeque<>();
    /** The window's own lock, so rate-limit checks never wait for a batch being applied (which locks the catalog). */
    private final Object window = new Object();

    Catalog(String id, String name, String vertical, String businessId) {
        this.id = id;
        this.name = name;
        this.vertical = vertical;
        this.businessId = businessId;
    }

    /**
     * Records a batch call if the window allows it.
     *
     * @return -1 when allowed, else how long until the oldest call leaves the window, in nanoseconds
     */
    long tryBatchCall(Instant now, int budget) {
        synchronized (window) {
            purge(now);
            if (batchCalls.size() >= budget) {
                // as Meta says, calling while blocked extends the block: the refused call counts too
                batchCalls.addLast(now);
                return Math.max(1, Duration.between(now, batchCalls.peekFirst().plus(WINDOW)).toNanos());
            }
            batchCalls.addLast(now);
            return -1;
        }
    }

    int batchCallsInWindow(Instant now) {
        synchronized (window) {
            purge(now);
            return batchCalls.size();
        }
    }

    private void purge(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!batchCalls.isEmpty() && !batchCalls.peekFirst().isAfter(cutoff)) {
            batchCalls.removeFirst();
        }
    }
}
