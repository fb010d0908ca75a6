/**
 * The catalog sync engine: {@link io.github.metacommerce.sync.CatalogSync} packs, paces, retries and confirms
 * items_batch calls, keeps a ledger of what Meta accepted ({@link io.github.metacommerce.sync.SyncStateStore}), and
 * reports every item's fate in a {@link io.github.metacommerce.sync.SyncReport}.
 *
 * <p>Inside, one run is a set of package-private stages with one job each: {@code Planner} decides what each
 * product needs (fingerprint, transform, validate, compare with the ledger), {@code Uploader} packs items into
 * calls, {@code Sender} makes the calls on send threads with pacing and retries, {@code Confirmer} polls each
 * batch's status on its own schedule and records what Meta confirmed, {@code TranslationSender} sends the
 * translations that changed, and {@code Tally} accounts for every item and translation.
 */
package io.github.metacommerce.sync;
