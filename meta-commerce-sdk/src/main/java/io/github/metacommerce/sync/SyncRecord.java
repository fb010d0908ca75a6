package io.github.metacommerce.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the sync ledger remembers about one item Meta accepted: the hash of the item's payload and, separately, the
 * hash of each of its translations, so a price change does not resend unchanged translations and a translation
 * Meta refused is sent again on its own.
 *
 * <p>For a relational store, the record maps to one row per item ({@code catalog_id, retailer_id, product_id,
 * content_hash, synced_at, warnings}) and one child row per translation ({@code catalog_id, retailer_id,
 * language, hash}), or a single text column holding the languages and hashes; {@link SyncStateStore#saveAll}
 * replaces both. Records written before translation hashes existed read back with an empty map, which sends each
 * translation once more.
 *
 * <pre>{@code
 * SyncRecord r = SyncRecord.builder().retailerId("SKU-1").productId("42").contentHash(hash)
 *         .translationHash("fr_XX", frHash).syncedAt(now).build();
 * }</pre>
 */
public final class SyncRecord {
    private final String retailerId;
    private final String productId;
    private final String contentHash;
    private final Map<String, String> translationHashes;
    private final Instant syncedAt;
    private final int warnings;
    private final String fingerprint;

    private SyncRecord(Builder b) {
        this.retailerId = Objects.requireNonNull(b.retailerId, "retailerId must not be null");
        this.productId = b.productId == null ? "" : b.productId;
        this.contentHash = Objects.requireNonNull(b.contentHash, "contentHash must not be null");
        this.translationHashes = java.util.Collections.unmodifiableMap(new TreeMap<>(b.translationHashes));
        this.syncedAt = Objects.requireNonNull(b.syncedAt, "syncedAt must not be null");
        if (b.warnings < 0) {
            throw new IllegalArgumentException("warnings must not be negative, was " + b.warnings);
        }
        this.warnings = b.warnings;
        this.fingerprint = b.fingerprint == null ? "" : b.fingerprint;
    }

    /**
     * Starts a builder (no translations, no warnings).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this record.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().retailerId(retailerId).productId(productId).contentHash(contentHash)
                .syncedAt(syncedAt).warnings(warnings).fingerprint(fingerprint);
        b.translationHashes.putAll(translationHashes);
        return b;
    }

    /**
     * Returns the retailer id.
     *
     * @return the value
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the store product id it came from (empty when unknown).
     *
     * @return the value
     */
    public String productId() {
        return productId;
    }

    /**
     * Returns the SHA-256 (hex) of the items_batch payload Meta accepted (the item without its translations).
     *
     * @return the value
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * Returns the SHA-256 (hex) of each translation Meta accepted, by Meta's language value (for example
     * {@code fr_XX}); a language that is absent is sent again.
     *
     * @return the value
     */
    public Map<String, String> translationHashes() {
        return translationHashes;
    }

    /**
     * Returns when Meta confirmed it.
     *
     * @return the value
     */
    public Instant syncedAt() {
        return syncedAt;
    }

    /**
     * Returns how many warnings Meta reported for it.
     *
     * @return the value
     */
    public int warnings() {
        return warnings;
    }

    /**
     * Returns the fingerprint of the store product this item came from, taken together with everything that
     * shapes its items (the store settings and the SDK's mapping version); empty when the ledger keeps none.
     * While a product's fingerprint matches the one recorded for each of its items, a sync counts them unchanged
     * without mapping the product again. A store that does not keep it stays correct: its products are mapped and
     * compared by {@link #contentHash()} as before.
     *
     * @return the fingerprint, if recorded
     */
    public Optional<String> fingerprint() {
        return fingerprint.isEmpty() ? Optional.empty() : Optional.of(fingerprint);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncRecord o)) {
            return false;
        }
        return retailerId.equals(o.retailerId)
                && productId.equals(o.productId)
                && contentHash.equals(o.contentHash)
                && translationHashes.equals(o.translationHashes)
                && syncedAt.equals(o.syncedAt)
                && warnings == o.warnings
                && fingerprint.equals(o.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, productId, contentHash, translationHashes, syncedAt, warnings, fingerprint);
    }

    @Override
    public String toString() {
        return "SyncRecord[" + "retailerId=" + retailerId + ", productId=" + productId + ", contentHash=" + contentHash
                + ", translationHashes=" + translationHashes + ", syncedAt=" + syncedAt + ", warnings=" + warnings
                + (fingerprint.isEmpty() ? "" : ", fingerprint=" + fingerprint) + "]";
    }

    /** Builds a {@link SyncRecord}; retailer id, content hash and time are required. */
    public static final class Builder {
        private String retailerId;
        private String productId;
        private String contentHash;
        private final Map<String, String> translationHashes = new TreeMap<>();
        private Instant syncedAt;
        private int warnings;
        private String fingerprint;

        private Builder() {
        }

        /**
         * Sets the retailer id.
         *
         * @param retailerId the retailer id
         * @return this builder
         */
        public Builder retailerId(String retailerId) {
            this.retailerId = retailerId;
            return this;
        }

        /**
         * Sets the store product id.
         *
         * @param productId the product id (null means empty)
         * @return this builder
         */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        /**
         * Sets the hash of the payload Meta accepted.
         *
         * @param contentHash the SHA-256 (hex)
         * @return this builder
         */
        public Builder contentHash(String contentHash) {
            this.contentHash = contentHash;
            return this;
        }

        /**
         * Adds the hash of one translation Meta accepted.
         *
         * @param language Meta's language value, for example {@code fr_XX}
         * @param hash the SHA-256 (hex)
         * @return this builder
         */
        public Builder translationHash(String language, String hash) {
            Objects.requireNonNull(language, "language must not be null");
            Objects.requireNonNull(hash, "hash must not be null");
            this.translationHashes.put(language, hash);
            return this;
        }

        /**
         * Replaces the translation hashes.
         *
         * @param hashes hash by language value
         * @return this builder
         */
        public Builder translationHashes(Map<String, String> hashes) {
            Objects.requireNonNull(hashes, "translationHashes must not be null");
            this.translationHashes.clear();
            hashes.forEach(this::translationHash);
            return this;
        }

        /**
         * Sets when Meta confirmed the item.
         *
         * @param syncedAt the time
         * @return this builder
         */
        public Builder syncedAt(Instant syncedAt) {
            this.syncedAt = syncedAt;
            return this;
        }

        /**
         * Sets how many warnings Meta reported.
         *
         * @param warnings the count, 0 or more
         * @return this builder
         */
        public Builder warnings(int warnings) {
            this.warnings = warnings;
            return this;
        }

        /**
         * Sets the fingerprint of the store product and of what shapes its items (see {@link #fingerprint()}).
         *
         * @param fingerprint the fingerprint (null or empty means none)
         * @return this builder
         */
        public Builder fingerprint(String fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         */
        public SyncRecord build() {
            return new SyncRecord(this);
        }
    }
}
