package io.github.metacommerce.benchmarks;

import io.github.metacommerce.internal.LongHashSet;
import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compact in-memory ledger for the million-product run under a 256 MB heap: it keeps only a 64-bit hash of each
 * retailer id and the 32-byte content hash (about 50 bytes an item), so it cannot list retailer ids and suits
 * INCREMENTAL syncs only. Single catalog, single thread.
 */
final class HashOnlyLedger implements SyncStateStore {
    private final Map<Long, Integer> index = new HashMap<>();
    private byte[] hashes = new byte[32 * 1024];
    private int count;
    private final HexFormat hex = HexFormat.of();

    @Override
    public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
        Map<String, SyncRecord> out = new HashMap<>();
        for (String id : retailerIds) {
            Integer slot = index.get(LongHashSet.hash64(id));
            if (slot != null) {
                out.put(id, new SyncRecord(id, "", hex.formatHex(hashes, slot * 32, slot * 32 + 32), Instant.EPOCH,
                        0));
            }
        }
        return out;
    }

    @Override
    public void saveAll(String catalogId, Collection<SyncRecord> records) {
        for (SyncRecord r : records) {
            long key = LongHashSet.hash64(r.retailerId());
            Integer slot = index.get(key);
            if (slot == null) {
                slot = count++;
                index.put(key, slot);
                if (hashes.length < count * 32) {
                    hashes = java.util.Arrays.copyOf(hashes, hashes.length * 2);
                }
            }
            System.arraycopy(hex.parseHex(r.contentHash()), 0, hashes, slot * 32, 32);
        }
    }

    @Override
    public void removeAll(String catalogId, Collection<String> retailerIds) {
        retailerIds.forEach(id -> index.remove(LongHashSet.hash64(id)));
    }

    /** Lists nothing: this ledger keeps no retailer ids (INCREMENTAL only). */
    @Override
    public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
        // keeps hashes only
    }

    @Override
    public long count(String catalogId) {
        return index.size();
    }
}
