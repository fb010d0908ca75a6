package io.github.metacommerce.internal;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A thread-safe in-memory {@link SyncStateStore}. */
public final class InMemorySyncStateStore implements SyncStateStore {
    private final Map<String, Map<String, SyncRecord>> catalogs = new ConcurrentHashMap<>();

    private Map<String, SyncRecord> catalog(String id) {
        return catalogs.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
    }

    @Override
    public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
        Map<String, SyncRecord> c = catalog(catalogId);
        Map<String, SyncRecord> out = new HashMap<>();
        for (String id : retailerIds) {
            SyncRecord r = c.get(id);
            if (r != null) {
                out.put(id, r);
            }
        }
        return out;
    }

    /** Keeps each record whole, translation hashes included. */
    @Override
    public boolean keepsTranslationHashes() {
        return true;
    }

    @Override
    public void saveAll(String catalogId, Collection<SyncRecord> records) {
        Map<String, SyncRecord> c = catalog(catalogId);
        records.forEach(r -> c.put(r.retailerId(), r));
    }

    @Override
    public void removeAll(String catalogId, Collection<String> retailerIds) {
        Map<String, SyncRecord> c = catalog(catalogId);
        retailerIds.forEach(c::remove);
    }

    @Override
    public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
        List<String> ids = new ArrayList<>(catalog(catalogId).keySet());
        ids.forEach(consumer);
    }

    @Override
    public long count(String catalogId) {
        return catalog(catalogId).size();
    }
}
