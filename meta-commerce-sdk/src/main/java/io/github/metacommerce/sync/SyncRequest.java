package io.github.metacommerce.sync;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one sync run should do: the mode, an optional subset of products, dry run, progress and cancellation.
 *
 * <pre>{@code
 * SyncRequest.builder().mode(SyncMode.FULL).listener(progress::set).cancellation(cancel).build();
 * SyncRequest.builder().productIds(Set.of("42", "43")).build();   // "sync these products"
 * }</pre>
 */
public final class SyncRequest {
    private final SyncMode mode;
    private final Set<String> productIds;
    private final boolean dryRun;
    private final SyncListener listener;
    private final SyncCancellation cancellation;
    private final Optional<Long> expectedTotal;
    private final Optional<String> storeId;

    private SyncRequest(SyncMode mode, Set<String> productIds, boolean dryRun, SyncListener listener,
            SyncCancellation cancellation, Optional<Long> expectedTotal, Optional<String> storeId) {
        Objects.requireNonNull(mode, "mode");
        productIds = Set.copyOf(productIds);
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(expectedTotal, "expectedTotal");
        Objects.requireNonNull(storeId, "storeId");
        this.mode = mode;
        this.productIds = productIds;
        this.dryRun = dryRun;
        this.listener = listener;
        this.cancellation = cancellation;
        this.expectedTotal = expectedTotal;
        this.storeId = storeId;
    }

    /**
     * Returns the mode: FULL (also deletes what the store no longer has) or INCREMENTAL.
     *
     * @return the value
     */
    public SyncMode mode() {
        return mode;
    }

    /**
     * Returns the store product ids to sync (empty = all products handed in); a subset never deletes missing
     * products.
     *
     * @return the value
     */
    public Set<String> productIds() {
        return productIds;
    }

    /**
     * Returns whether this is a dry run: everything but the calls; the report says what would be sent.
     *
     * @return the value
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Returns the listener that receives progress events.
     *
     * @return the value
     */
    public SyncListener listener() {
        return listener;
    }

    /**
     * Returns the cooperative cancellation handle.
     *
     * @return the value
     */
    public SyncCancellation cancellation() {
        return cancellation;
    }

    /**
     * Returns how many products the caller will hand in, when known (for progress).
     *
     * @return the value
     */
    public Optional<Long> expectedTotal() {
        return expectedTotal;
    }

    /**
     * Returns the store the products come from, for the log's MDC ({@code storeId}); empty when not given.
     *
     * @return the value
     */
    public Optional<String> storeId() {
        return storeId;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncRequest o)) {
            return false;
        }
        return mode.equals(o.mode)
                && productIds.equals(o.productIds)
                && dryRun == o.dryRun
                && listener.equals(o.listener)
                && cancellation.equals(o.cancellation)
                && expectedTotal.equals(o.expectedTotal)
                && storeId.equals(o.storeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, productIds, dryRun, listener, cancellation, expectedTotal, storeId);
    }

    @Override
    public String toString() {
        return "SyncRequest[" + "mode=" + mode + ", productIds=" + productIds + ", dryRun=" + dryRun + ", listener="
                + listener + ", cancellation=" + cancellation + ", expectedTotal=" + expectedTotal + ", storeId="
                + storeId + "]";
    }

    /**
     * Returns an incremental, live sync of everything handed in.
     *
     * @return the request
     */
    public static SyncRequest incremental() {
        return builder().build();
    }

    /**
     * Returns a full, live sync of everything handed in.
     *
     * @return the request
     */
    public static SyncRequest full() {
        return builder().mode(SyncMode.FULL).build();
    }

    /**
     * Starts a builder: incremental, all products, live, no listener.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SyncRequest}. */
    public static final class Builder {
        private SyncMode mode = SyncMode.INCREMENTAL;
        private Set<String> productIds = Set.of();
        private boolean dryRun;
        private SyncListener listener = SyncListener.NONE;
        private SyncCancellation cancellation = SyncCancellation.create();
        private Long expectedTotal;
        private String storeId;

        private Builder() {
        }

        /**
         * Names the store, for log context.
         *
         * @param storeId the store id
         * @return this builder
         */
        public Builder storeId(String storeId) {
            this.storeId = storeId == null || storeId.isBlank() ? null : storeId;
            return this;
        }

        /**
         * Sets the mode.
         *
         * @param mode FULL or INCREMENTAL
         * @return this builder
         */
        public Builder mode(SyncMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode must not be null");
            return this;
        }

        /**
         * Restricts the run to these store product ids.
         *
         * @param ids the product ids
         * @return this builder
         */
        public Builder productIds(Collection<String> ids) {
            Objects.requireNonNull(ids, "productIds must not be null");
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException("productIds must not contain null or blank ids");
                }
            }
            this.productIds = Set.copyOf(ids);
            return this;
        }

        /**
         * Makes the run a dry run.
         *
         * @param dryRun whether to skip the calls
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Sets the progress listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SyncListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Sets the cancellation handle.
         *
         * @param cancellation the handle the caller keeps
         * @return this builder
         */
        public Builder cancellation(SyncCancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation must not be null");
            return this;
        }

        /**
         * Tells how many products will be handed in, for progress.
         *
         * @param total the count
         * @return this builder
         */
        public Builder expectedTotal(long total) {
            this.expectedTotal = total;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public SyncRequest build() {
            return new SyncRequest(mode, productIds, dryRun, listener, cancellation,
                    Optional.ofNullable(expectedTotal), Optional.ofNullable(storeId));
        }
    }
}
