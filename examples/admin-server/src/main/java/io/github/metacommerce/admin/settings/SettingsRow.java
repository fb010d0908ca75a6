package io.github.metacommerce.admin.settings;

import io.github.metacommerce.product.OutOfStockPolicy;
import java.util.List;
import java.util.Optional;

/**
 * A store's sync settings as stored in {@code store_settings}.
 *
 * @param defaultBrand the brand for products without one
 * @param storeDomain the shop's host name or https URL, used to build product links
 * @param currency the ISO 4217 currency of the store's prices
 * @param outOfStockPolicy what happens on Meta to a product out of stock
 * @param schedule when scheduled syncs run
 * @param languages the languages sent as translations (BCP 47 tags)
 * @param syncOnChange whether a product change enqueues a sync of that product
 */
public record SettingsRow(Optional<String> defaultBrand, Optional<String> storeDomain, String currency,
        OutOfStockPolicy outOfStockPolicy, SyncSchedule schedule, List<String> languages, boolean syncOnChange) {

    /** @return the settings of a store that saved none */
    public static SettingsRow defaults() {
        return new SettingsRow(Optional.empty(), Optional.empty(), "USD", OutOfStockPolicy.KEEP_VISIBLE,
                SyncSchedule.off(), List.of(), false);
    }

    /** @return the store's URL, https, when a domain is set */
    public Optional<String> storeUrl() {
        return storeDomain.map(d -> d.startsWith("https://") ? d : "https://" + d);
    }
}
