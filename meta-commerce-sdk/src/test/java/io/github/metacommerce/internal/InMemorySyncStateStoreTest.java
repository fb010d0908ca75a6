package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemorySyncStateStoreTest {
    private static final String CATALOG = "cat-1";
    private static final Instant AT = Instant.parse("2026-12-03T08:15:30.123456789Z");
    private final InMemorySyncStateStore store = new InMemorySyncStateStore();

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static SyncRecord typical(int i) {
        return SyncRecord.builder().retailerId("SKU-" + i).productId(Integer.toString(i)).contentHash(sha256("c" + i))
                .fingerprint(sha256("f" + i).substring(0, 32)).syncedAt(AT.plusMillis(i)).build();
    }

    private SyncRecord found(String id) {
        return store.find(CATALOG, List.of(id)).get(id);
    }

    @Test
    void theDefaultInMemoryStoreIsThisOneAndKeepsTranslations() {
        assertThat(SyncStateStore.inMemory()).isInstanceOf(InMemorySyncStateStore.class);
        assertThat(store.keepsTranslationHashes()).isTrue();
    }

    @Test
    void variedRecordsComeBackEqualToWhatWasSaved() {
        List<SyncRecord> records = List.of(
                typical(1),
                // no fingerprint, no product id
                SyncRecord.builder().retailerId("plain").contentHash(sha256("x")).syncedAt(AT).build(),
                // uppercase hex, short and empty hashes are kept as text
                SyncRecord.builder().retailerId("upper").productId("p").contentHash(sha256("y").toUpperCase())
                        .fingerprint("ABCDEF0123456789ABCDEF0123456789").syncedAt(AT).build(),
                SyncRecord.builder().retailerId("short").contentHash("abc").fingerprint("12").syncedAt(AT).build(),
                SyncRecord.builder().retailerId("empty").contentHash("").syncedAt(AT).build(),
                // 64-hex fingerprint, free-text fingerprint
                SyncRecord.builder().retailerId("fp64").contentHash(sha256("z")).fingerprint(sha256("fp"))
                        .syncedAt(AT).build(),
                SyncRecord.builder().retailerId("fptext").contentHash("not hex at all ✓").fingerprint("v2:é/ü")
                        .syncedAt(AT).build(),
                // unicode ids, emoji, an unpaired surrogate that UTF-8 cannot carry
                SyncRecord.builder().retailerId("Zelt-Größe-🏕️").productId("日本語").contentHash(sha256("u"))
                        .syncedAt(AT).build(),
                SyncRecord.builder().retailerId("bad\uD800id").productId("x\uDC00").contentHash(sha256("s"))
                        .fingerprint("\uD83D").syncedAt(AT).build(),
                SyncRecord.builder().retailerId("bad?id").contentHash(sha256("q")).syncedAt(AT).build(),
                // translations, hex and not, many languages, warnings
                SyncRecord.builder().retailerId("tr").productId("9").contentHash(sha256("t"))
                        .translationHash("fr_XX", sha256("fr")).translationHash("de_DE", "DE-HASH")
                        .translationHash("язык", sha256("ru")).warnings(3).fingerprint(sha256("g").substring(32))
                        .syncedAt(AT).build(),
                SyncRecord.builder().retailerId("manywarnings").contentHash(sha256("w")).warnings(1_000_000)
                        .syncedAt(AT).build(),
                // times before 1970, far in the future, at the limits
                SyncRecord.builder().retailerId("old").contentHash(sha256("o")).syncedAt(Instant.parse(
                        "1901-01-01T00:00:00.000000001Z")).build(),
                SyncRecord.builder().retailerId("far").contentHash(sha256("f")).syncedAt(Instant.MAX).build(),
                SyncRecord.builder().retailerId("first").contentHash(sha256("m")).syncedAt(Instant.MIN).build(),
                SyncRecord.builder().retailerId("epoch").contentHash(sha256("e")).syncedAt(Instant.EPOCH).build(),
                SyncRecord.builder().retailerId("x".repeat(300)).productId("y".repeat(20_000))
                        .contentHash("z".repeat(2_000_000)).syncedAt(AT).build());
        store.saveAll(CATALOG, records);

        Map<String, SyncRecord> found = store.find(CATALOG,
                records.stream().map(SyncRecord::retailerId).collect(Collectors.toList()));

        assertThat(found).hasSize(records.size());
        for (SyncRecord r : records) {
            assertThat(found.get(r.retailerId())).isEqualTo(r);
            assertThat(found.get(r.retailerId()).fingerprint()).isEqualTo(r.fingerprint());
        }
        assertThat(found.get("plain").fingerprint()).isEmpty();
        assertThat(store.count(CATALOG)).isEqualTo(records.size());
        assertThat(store.find(CATALOG, List.of("missing", "SKU-2", "bad\uDC00id"))).isEmpty();
    }

    @Test
    void catalogsAreSeparate() {
        store.saveAll("a", List.of(typical(1)));

        assertThat(store.find("b", List.of("SKU-1"))).isEmpty();
        assertThat(store.count("b")).isZero();
        assertThat(store.count("a")).isOne();
        List<String> ids = new ArrayList<>();
        store.forEachRetailerId("b", ids::add);
        assertThat(ids).isEmpty();
    }

    @Test
    void saveReplacesTheWholeRecord() {
        SyncRecord first = typical(1).toBuilder().translationHash("fr_XX", sha256("fr")).translationHash("de_DE",
                sha256("de")).warnings(2).build();
        store.saveAll(CATALOG, List.of(first));
        // shorter: written over the old one
        SyncRecord shorter = SyncRecord.builder().retailerId("SKU-1").contentHash(sha256("c2"))
                .translationHash("de_DE", sha256("de2")).syncedAt(AT.plusSeconds(5)).build();
        store.saveAll(CATALOG, List.of(shorter));

        assertThat(found("SKU-1")).isEqualTo(shorter);
        assertThat(found("SKU-1").translationHashes()).containsOnlyKeys("de_DE");
        assertThat(found("SKU-1").fingerprint()).isEmpty();

        // longer: moved
        SyncRecord longer = shorter.toBuilder().productId("a much longer product id than before")
                .fingerprint("text fingerprint").translationHash("it_IT", "ciao").build();
        store.saveAll(CATALOG, List.of(longer));

        assertThat(found("SKU-1")).isEqualTo(longer);
        assertThat(store.count(CATALOG)).isOne();
        // the same id twice in one call: the last one wins
        store.saveAll(CATALOG, List.of(typical(2), typical(2).toBuilder().warnings(7).build()));
        assertThat(found("SKU-2").warnings()).isEqualTo(7);
        assertThat(store.count(CATALOG)).isEqualTo(2);
    }

    @Test
    void removeForgetsOnlyTheGivenIds() {
        store.saveAll(CATALOG, IntStream.range(0, 1000).mapToObj(InMemorySyncStateStoreTest::typical).toList());
        store.removeAll(CATALOG, IntStream.range(0, 1000).filter(i -> i % 2 == 0).mapToObj(i -> "SKU-" + i)
                .toList());

        assertThat(store.count(CATALOG)).isEqualTo(500);
        for (int i = 0; i < 1000; i++) {
            SyncRecord r = found("SKU-" + i);
            if (i % 2 == 0) {
                assertThat(r).as("SKU-%d removed", i).isNull();
            } else {
                assertThat(r).as("SKU-%d kept", i).isEqualTo(typical(i));
            }
        }
        // removing again or removing unknown ids changes nothing
        store.removeAll(CATALOG, List.of("SKU-0", "nope"));
        store.removeAll("unknown-catalog", List.of("SKU-1"));
        assertThat(store.count(CATALOG)).isEqualTo(500);

        store.saveAll(CATALOG, IntStream.range(1000, 1500).mapToObj(InMemorySyncStateStoreTest::typical).toList());

        assertThat(store.count(CATALOG)).isEqualTo(1000);
        assertThat(found("SKU-1499")).isEqualTo(typical(1499));
        assertThat(found("SKU-999")).isEqualTo(typical(999));
        assertThat(found("SKU-998")).isNull();
        assertThat(ids()).hasSize(1000).contains("SKU-1", "SKU-1000").doesNotContain("SKU-0");
    }

    @Test
    void removedRecordsLeaveNeitherTheTableNorTheArenaGrowing() {
        store.saveAll(CATALOG, IntStream.range(0, 5_000).mapToObj(InMemorySyncStateStoreTest::typical).toList());
        long tableBefore = store.stats(CATALOG)[0];

        // a catalog that keeps 5,000 items while 100,000 come and go
        for (int round = 1; round <= 20; round++) {
            int r = round;
            store.removeAll(CATALOG, IntStream.range((r - 1) * 5_000, r * 5_000).mapToObj(i -> "SKU-" + i).toList());
            store.saveAll(CATALOG, IntStream.range(r * 5_000, (r + 1) * 5_000)
                    .mapToObj(InMemorySyncStateStoreTest::typical).toList());
        }

        long[] stats = store.stats(CATALOG);
        assertThat(store.count(CATALOG)).isEqualTo(5_000);
        assertThat(stats[0]).as("table entries").isEqualTo(tableBefore);
        long live = stats[1] - stats[2];
        assertThat(stats[1]).as("arena bytes against live bytes %d", live).isLessThanOrEqualTo(2 * live + 1024 * 1024);
        assertThat(found("SKU-104999")).isEqualTo(typical(104_999));
        assertThat(found("SKU-100000")).isEqualTo(typical(100_000));
        assertThat(found("SKU-99999")).isNull();
        assertThat(ids()).hasSize(5_000).contains("SKU-100000", "SKU-104999");
    }

    @Test
    void removingEverythingEmptiesTheArena() {
        store.saveAll(CATALOG, IntStream.range(0, 100).mapToObj(InMemorySyncStateStoreTest::typical).toList());
        store.removeAll(CATALOG, IntStream.range(0, 100).mapToObj(i -> "SKU-" + i).toList());

        assertThat(store.count(CATALOG)).isZero();
        assertThat(store.stats(CATALOG)[1]).as("arena bytes").isZero();
        store.saveAll(CATALOG, List.of(typical(5)));
        assertThat(found("SKU-5")).isEqualTo(typical(5));
    }

    @Test
    void recordsThatKeepGrowingDoNotLeaveTheArenaFullOfDeadSpace() {
        int n = 5_000;
        for (int round = 0; round < 20; round++) {
            int r = round;
            store.saveAll(CATALOG, IntStream.range(0, n).mapToObj(i -> typical(i).toBuilder()
                    .productId("p".repeat(10 + 5 * r) + i).build()).toList());
        }

        long[] stats = store.stats(CATALOG);
        long live = stats[1] - stats[2];
        assertThat(stats[1]).as("arena bytes against live bytes %d", live).isLessThanOrEqualTo(2 * live + 2 * 1024 * 1024);
        for (int i = 0; i < n; i++) {
            assertThat(found("SKU-" + i)).isEqualTo(typical(i).toBuilder().productId("p".repeat(105) + i).build());
        }
        assertThat(store.count(CATALOG)).isEqualTo(n);
    }

    @Test
    void manyItemsThroughTableGrowthAndRemovals() {
        int n = 200_000;
        for (int from = 0; from < n; from += 5_000) {
            store.saveAll(CATALOG, IntStream.range(from, from + 5_000).mapToObj(InMemorySyncStateStoreTest::typical)
                    .toList());
        }
        assertThat(store.count(CATALOG)).isEqualTo(n);
        store.removeAll(CATALOG, IntStream.range(0, n).filter(i -> i % 3 == 0).mapToObj(i -> "SKU-" + i).toList());

        List<String> all = IntStream.range(0, n).mapToObj(i -> "SKU-" + i).toList();
        Map<String, SyncRecord> found = store.find(CATALOG, all);
        assertThat(found).hasSize(n - (n + 2) / 3);
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                assertThat(found).doesNotContainKey("SKU-" + i);
            } else {
                assertThat(found.get("SKU-" + i)).isEqualTo(typical(i));
            }
        }
        Set<String> listed = ids();
        assertThat(listed).hasSize(found.size()).isEqualTo(found.keySet());
        assertThat(store.count(CATALOG)).isEqualTo(found.size());
    }

    @Test
    void forEachRetailerIdLetsTheConsumerChangeTheStore() {
        int n = 10_000;
        store.saveAll(CATALOG, IntStream.range(0, n).mapToObj(InMemorySyncStateStoreTest::typical).toList());
        List<String> seen = new ArrayList<>();

        store.forEachRetailerId(CATALOG, id -> {
            seen.add(id);
            store.removeAll(CATALOG, List.of(id));
        });

        assertThat(seen).hasSize(n).doesNotHaveDuplicates();
        assertThat(store.count(CATALOG)).isZero();
    }

    @Test
    void concurrentWritersAndReadersEndInTheStateTheyAgreedOn() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int from = base; from < base + perThread; from += 250) {
                        store.saveAll(CATALOG, IntStream.range(from, from + 250)
                                .mapToObj(InMemorySyncStateStoreTest::typical).toList());
                        // each writer removes its own odd ids after writing them
                        store.removeAll(CATALOG, IntStream.range(from, from + 250).filter(i -> i % 2 == 1)
                                .mapToObj(i -> "SKU-" + i).toList());
                        Map<String, SyncRecord> mine = store.find(CATALOG, IntStream.range(from, from + 250)
                                .mapToObj(i -> "SKU-" + i).toList());
                        if (mine.size() != 125) {
                            throw new AssertionError("found " + mine.size() + " of 125 after writing " + from);
                        }
                    }
                    return null;
                }));
            }
            Set<String> listedMeanwhile = ConcurrentHashMap.newKeySet();
            for (int reader = 0; reader < 2; reader++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < 20; k++) {
                        store.forEachRetailerId(CATALOG, listedMeanwhile::add);
                        store.count(CATALOG);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
            assertThat(listedMeanwhile).allSatisfy(id -> assertThat(id).startsWith("SKU-"));
        } finally {
            pool.shutdownNow();
        }

        int n = threads * perThread;
        assertThat(store.count(CATALOG)).isEqualTo(n / 2);
        Map<String, SyncRecord> found = store.find(CATALOG, IntStream.range(0, n).mapToObj(i -> "SKU-" + i).toList());
        assertThat(found).hasSize(n / 2);
        for (int i = 0; i < n; i += 2) {
            assertThat(found.get("SKU-" + i)).isEqualTo(typical(i));
        }
        assertThat(ids()).hasSize(n / 2);
    }

    private Set<String> ids() {
        Set<String> ids = new HashSet<>();
        store.forEachRetailerId(CATALOG, ids::add);
        return ids;
    }
}
