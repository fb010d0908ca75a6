/**
 * The catalog sync engine: {@link io.github.metacommerce.sync.CatalogSync} packs, paces, retries and confirms
 * items_batch calls, keeps a ledger of what Meta accepted ({@link io.github.metacommerce.sync.SyncStateStore}), and
 * reports every item's fate in a {@link io.github.metacommerce.sync.SyncReport}.
 */
package io.github.metacommerce.sync;
