package io.github.metacommerce.benchmarks;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much heap the default in-memory ledger ({@link SyncStateStore#inMemory()}) takes an item: fills it with
 * realistic records (the retailer ids and product ids of the sample catalog, a SHA-256 content hash, a 128-bit
 * fingerprint, a French translation hash on one product in twelve, a few warnings, saved in chunks of 1,000 the way
 * a sync saves them) and prints the used heap after a full GC, before and after. A figure, not a test.
 *
 * <pre>
 * java -Xmx1g -cp examples/benchmarks/target/benchmarks.jar io.github.metacommerce.benchmarks.LedgerFootprint \
 *     --items 1000000
 * java ... LedgerFootprint --items 1000000 --baseline   # the same records as SyncRecord objects in a map
 * </pre>
 * {@code --baseline} keeps the records the way the in-memory ledger did before (a {@code ConcurrentHashMap} of
 * {@link SyncRecord} objects per catalog), for comparison.
 */
public final class LedgerFootprint {
    static final String CATALOG = "1234567890";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerFootprint.class);

    private LedgerFootprint() {
    }

    public static void main(String[] args) {
        int items = 1_000_000;
        boolean baseline = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items": items = Integer.parseInt(args[++i]); break;
                case "--baseline": baseline = true; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long bytes = baseline ? measureBaseline(items) : measure(items);
        log.info(String.format(Locale.ROOT, "%s: %,d items, %,d bytes of heap, %.1f bytes an item (max heap %d MB)",
                baseline ? "SyncRecord objects in a ConcurrentHashMap (the former in-memory ledger)"
                        : "SyncStateStore.inMemory()", items, bytes, bytes / (double) items,
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    /**
     * Fills a new in-memory ledger with {@code n} records and returns the heap it takes (used heap after a full GC,
     * filled minus empty).
     *
     * @param n how many items
     * @return bytes of heap
     */
    static long measure(int n) {
        long before = usedAfterGc();
        SyncStateStore ledger = SyncStateStore.inMemory();
        fill(ledger, n);
        long after = usedAfterGc();
        if (ledger.count(CATALOG) != n) {
            throw new IllegalStateException("the ledger holds " + ledger.count(CATALOG) + " items, not " + n);
        }
        return after - before;
    }

    /** The same records kept as the in-memory ledger kept them before: SyncRecord objects in a concurrent map. */
    static long measureBaseline(int n) {
        long before = usedAfterGc();
        Map<String, Map<String, SyncRecord>> catalogs = new ConcurrentHashMap<>();
        Map<String, SyncRecord> c = catalogs.computeIfAbsent(CATALOG, k -> new ConcurrentHashMap<>());
        for (int from = 1; from <= n; from += 1000) {
            for (SyncRecord r : records(from, Math.min(n, from + 999))) {
                c.put(r.retailerId(), r);
            }
        }
        long after = usedAfterGc();
        if (catalogs.get(CATALOG).size() != n) {
            throw new IllegalStateException("the map holds " + c.size() + " items, not " + n);
        }
        return after - before;
    }

    /**
     * Saves records 1 to n into the ledger, a thousand at a time.
     *
     * @param ledger the ledger
     * @param n how many
     */
    static void fill(SyncStateStore ledger, int n) {
        for (int from = 1; from <= n; from += 1000) {
            ledger.saveAll(CATALOG, records(from, Math.min(n, from + 999)));
        }
    }

    /**
     * Realistic ledger records for items {@code from} to {@code to}: one product in fifteen has two variants (as
     * in the sample catalog), whose items take its place here so that the count is exact.
     *
     * @param from the first item number
     * @param to the last item number
     * @return the records
     */
    static List<SyncRecord> records(int from, int to) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HexFormat hex = HexFormat.of();
        // one time per saved chunk, to the microsecond, as the sync's clock gives it
        Instant at = Instant.parse("2026-12-03T09:00:00Z").plusNanos(from * 1_000L);
        List<SyncRecord> out = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            String product = Integer.toString(i);
            String retailerId = i % 15 == 0 ? "SKU-" + i + "-M" : "SKU-" + i;
            SyncRecord.Builder b = SyncRecord.builder().retailerId(retailerId).productId(i % 15 == 0 ? i + "-M"
                    : product).contentHash(hex.formatHex(sha256.digest(("item " + i).getBytes(StandardCharsets.UTF_8))))
                    .fingerprint(hex.formatHex(sha256.digest(("product " + i).getBytes(StandardCharsets.UTF_8)), 0, 16))
                    .syncedAt(at).warnings(i % 20 == 0 ? 1 : 0);
            if (i % 12 == 0) {
                b.translationHash("fr_XX", hex.formatHex(sha256.digest(("fr " + i).getBytes(StandardCharsets.UTF_8))));
            }
            out.add(b.build());
        }
        return out;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
