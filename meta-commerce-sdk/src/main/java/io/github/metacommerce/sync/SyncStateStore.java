package io.github.metacommerce.sync;

import io.github.metacommerce.internal.InMemorySyncStateStore;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sync ledger: per catalog and retailer id, the hash of the last payload Meta accepted and the hash of each
 * translation Meta accepted ({@link SyncRecord#translationHashes()}). It lets a sync skip unchanged items and
 * unchanged translations, and find items the store no longer has. Implementations must be thread-safe; the SDK
 * writes only what Meta confirmed, so a crash between calls leaves the ledger consistent and unconfirmed items and
 * translations are sent again.
 *
 * <p>An implementation stores each record whole: {@link #saveAll} replaces the record including its translation
 * hashes (a language missing from the new record is forgotten), and {@link #find} returns them with it. In a
 * relational store that is one row per item plus one row per translation (or one text column with the languages
 * and hashes), written in one transaction; see {@link SyncRecord}. A store that keeps no translation hashes stays
 * correct but resends every translation whenever its item is sent.
 *
 * <p>{@link #inMemory()} is for one process and tests; the admin server ships a JDBC implementation.
 */
public interface SyncStateStore {

    /**
     * Looks up several items at once.
     *
     * @param catalogId the catalog id
     * @param retailerIds the retailer ids
     * @return the records found, by retailer id (missing ids are absent)
     */
    Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds);

    /**
     * Records items Meta accepted, replacing earlier records with their translation hashes.
     *
     * @param catalogId the catalog id
     * @param records the records
     */
    void saveAll(String catalogId, Collection<SyncRecord> records);

    /**
     * Forgets items Meta deleted.
     *
     * @param catalogId the catalog id
     * @param retailerIds the retailer ids
     */
    void removeAll(String catalogId, Collection<String> retailerIds);

    /**
     * Passes every retailer id the ledger knows for a catalog to the consumer, without loading them all at once
     * where the store can stream.
     *
     * @param catalogId the catalog id
     * @param consumer receives each retailer id
     */
    void forEachRetailerId(String catalogId, Consumer<String> consumer);

    /**
     * Returns how many items the ledger knows for a catalog.
     *
     * @param catalogId the catalog id
     * @return the count
     */
    long count(String catalogId);

    /**
     * Returns a thread-safe in-memory ledger.
     *
     * @return a new, empty store
     */
    static SyncStateStore inMemory() {
        return new InMemorySyncStateStore();
    }
}
