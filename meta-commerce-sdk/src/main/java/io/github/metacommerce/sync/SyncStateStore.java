package io.github.metacommerce.sync;

import io.github.metacommerce.internal.InMemorySyncStateStore;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sync ledger: per catalog and retailer id, the hash of the last payload Meta accepted and, where the store
 * keeps them ({@link #keepsTranslationHashes()}), the hash of each translation Meta accepted
 * ({@link SyncRecord#translationHashes()}). It lets a sync skip unchanged items and
 * unchanged translations, and find items the store no longer has. Implementations must be thread-safe; the SDK
 * writes only what Meta confirmed, so a crash between calls leaves the ledger consistent and unconfirmed items and
 * translations are sent again.
 *
 * <p>An implementation that keeps translation hashes stores each record whole: {@link #saveAll} replaces the record including its translation
 * hashes (a language missing from the new record is forgotten), and {@link #find} returns them with it. In a
 * relational store that is one row per item plus one row per translation (or one text column with the languages
 * and hashes), written in one transaction; see {@link SyncRecord}, and say so with
 * {@link #keepsTranslationHashes()}.
 *
 * <p>A store that keeps only the content hash (the default, and every store written before translation hashes
 * existed) stays correct and economical: the SDK then folds a digest of the item's translations into the content
 * hash it stores, so an unchanged item and its translations send nothing, and a changed translation sends its
 * item again with all its translations.
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
     * Whether this store keeps the translation hashes of a record ({@link SyncRecord#translationHashes()}) and
     * returns them from {@link #find}. If so, a changed translation is sent on its own, without its item; if not,
     * the SDK folds the translations into the content hash instead (see the type's description). Override it to
     * return {@code true} only when {@link #find} really returns the hashes {@link #saveAll} was given: a store
     * that claims to keep them but does not would resend every translation on every sync.
     *
     * @return {@code false} unless overridden
     */
    default boolean keepsTranslationHashes() {
        return false;
    }

    /**
     * Returns a thread-safe in-memory ledger. It keeps every record whole (translation hashes and fingerprint
     * included, {@link #keepsTranslationHashes()} is true) and compactly, as bytes rather than objects: about 85
     * bytes an item for a typical record, so a million items take about 85 MB of heap. Its contents are lost when the
     * process ends; for a ledger that outlives it, use a persistent store such as the Spring module's JDBC one.
     *
     * @return a new, empty store
     */
    static SyncStateStore inMemory() {
        return new InMemorySyncStateStore();
    }
}
