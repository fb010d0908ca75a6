package io.github.metacommerce.benchmarks;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compact in-memory ledger for the million-product run under a 256 MB heap: an open-addressing table from a
 * 64-bit hash of the retailer id to a slot holding the 32-byte content hash (about 60 bytes an item). It keeps no
 * retailer ids, so it lists none and suits INCREMENTAL syncs only; it keeps no translation hashes either
 * ({@link SyncStateStore#keepsTranslationHashes()} is false), so the sync folds each item's translations into its
 * content hash. One catalog, one thread.
 */
final class HashOnlyLedger implements SyncStateStore {
    private static final long FREE = 0L;
    private long[] keys = new long[1 << 16];
    private int[] slots = new int[1 << 16];
    private byte[] hashes = new byte[32 * 1024];
    private int count;
    private final HexFormat hex = HexFormat.of();

    private static long key(String retailerId) {
        long k = hash64(retailerId);
        return k == FREE ? 1 : k;
    }

    /** FNV-1a over the UTF-16 chars, then a 64-bit finaliser (from MurmurHash3) to spread the bits. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return slots[i];
            }
            if (keys[i] == FREE) {
                return -1;
            }
        }
    }

    private void put(long key, int slot) {
        if ((long) (count + 1) * 4 > (long) keys.length * 3) {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != FREE) {
                    insert(oldKeys[i], oldSlots[i]);
                }
            }
        }
        insert(key, slot);
    }

    private void insert(long key, int slot) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    @Override
    public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
        Map<String, SyncRecord> out = new HashMap<>();
        for (String id : retailerIds) {
            int slot = find(key(id));
            if (slot >= 0) {
                out.put(id, SyncRecord.builder().retailerId(id)
                        .contentHash(hex.formatHex(hashes, slot * 32, slot * 32 + 32)).syncedAt(Instant.EPOCH).build());
            }
        }
        return out;
    }

    @Override
    public void saveAll(String catalogId, Collection<SyncRecord> records) {
        for (SyncRecord r : records) {
            long k = key(r.retailerId());
            int slot = find(k);
            if (slot < 0) {
                slot = count++;
                put(k, slot);
                if (hashes.length < count * 32) {
                    hashes = Arrays.copyOf(hashes, hashes.length + hashes.length / 2);
                }
            }
            System.arraycopy(hex.parseHex(r.contentHash()), 0, hashes, slot * 32, 32);
        }
    }

    /** Deletes never happen in the INCREMENTAL streaming run; the slot is simply left in place. */
    @Override
    public void removeAll(String catalogId, Collection<String> retailerIds) {
        for (String id : retailerIds) {
            int slot = find(key(id));
            if (slot >= 0) {
                Arrays.fill(hashes, slot * 32, slot * 32 + 32, (byte) 0);
            }
        }
    }

    /** Lists nothing: this ledger keeps no retailer ids (INCREMENTAL only). */
    @Override
    public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
        // keeps hashes only
    }

    @Override
    public long count(String catalogId) {
        return count;
    }
}
