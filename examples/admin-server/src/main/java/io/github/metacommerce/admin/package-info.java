/**
 * The admin server, organised by feature: {@code account} (users, sign-in, the bootstrap admin), {@code store}
 * (stores, membership, the current store), {@code connection} (OAuth connection to Meta, the encrypted token),
 * {@code catalog} (businesses and catalogs), {@code settings} (per-store sync settings) and {@code system}
 * (security, error handling, the embedded sandbox).
 */
package io.github.metacommerce.admin;
