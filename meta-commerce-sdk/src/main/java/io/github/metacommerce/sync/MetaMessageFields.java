package io.github.metacommerce.sync;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the field an error or warning from Meta is about out of its message text, because
 * {@code validation_status} and {@code check_batch_request_status} give only {@code message} (and a line or id),
 * never a field. The mapping, in order:
 *
 * <ol>
 *   <li>"Unrecognised field: foo" / "Unrecognized field 'foo'" names the unknown field: {@code foo};
 *   <li>otherwise the first of Meta's item field names ({@link #FIELDS}) that appears in the message as a whole
 *       word, case-insensitive, earliest position first ("Missing google_product_category or fb_product_category"
 *       maps to {@code google_product_category}; "sale_price must be less than price" to {@code sale_price});
 *   <li>otherwise empty: the message names no field the SDK knows.
 * </ol>
 */
final class MetaMessageFields {
    /** Meta's item field names for {@code items_batch} and {@code localized_items_batch} (the {@code data} keys). */
    static final List<String> FIELDS = List.of("id", "title", "description", "rich_text_description",
            "availability", "condition", "price", "sale_price", "sale_price_effective_date", "link", "image_link",
            "additional_image_link", "brand", "google_product_category", "fb_product_category", "product_type",
            "item_group_id", "color", "size", "gender", "age_group", "material", "pattern", "gtin", "mpn",
            "quantity_to_sell_on_facebook", "inventory", "additional_variant_attribute", "shipping",
            "shipping_weight", "visibility", "status", "custom_label_0", "custom_label_1", "custom_label_2",
            "custom_label_3", "custom_label_4", "video", "origin_country", "importer_name", "importer_address",
            "manufacturer_info", "wa_compliance_category", "return_policy_days", "mobile_link", "applink");

    private static final Pattern UNRECOGNISED = Pattern.compile(
            "unrecogni[sz]ed\\s+fields?\\s*:?\\s*['\"`]?([A-Za-z0-9_.\\[\\]]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOWN = Pattern.compile("(?<![A-Za-z0-9_])("
            + String.join("|", FIELDS.stream().sorted((a, b) -> b.length() - a.length()).toList())
            + ")(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);

    private MetaMessageFields() {
    }

    /**
     * Returns the field a message from Meta is about.
     *
     * @param message Meta's message (null is treated as empty)
     * @return the field name, or empty when the message names none
     */
    static String fieldOf(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        Matcher u = UNRECOGNISED.matcher(message);
        if (u.find()) {
            return u.group(1);
        }
        Matcher k = KNOWN.matcher(message);
        return k.find() ? k.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
