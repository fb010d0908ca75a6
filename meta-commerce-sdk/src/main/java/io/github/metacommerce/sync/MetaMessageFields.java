package io.github.metacommerce.sync;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the field an error or warning from Meta is about out of its message text, because
 * {@code validation_status} and {@code check_batch_request_status} give only {@code message} (and a line or id),
 * never a field. Many field names are plain English words ({@code id}, {@code link}, {@code status},
 * {@code size}, {@code color}, {@code price}), so the forms that name a field on purpose win over a word that
 * merely occurs. The mapping, in order:
 *
 * <ol>
 *   <li>"Unrecognised field: foo" / "Unrecognized field 'foo'" names the unknown field: {@code foo};
 *   <li>a field named explicitly: {@code field: foo}, {@code field=foo}, {@code field 'foo'}, or one of Meta's item
 *       field names ({@link #FIELDS}) in quotes, backticks or parentheses ("Link to image failed (image_link)" maps
 *       to {@code image_link});
 *   <li>a field name that is the subject of the message ("title is longer than 100 characters", "sale_price must
 *       be less than price", "inventory is deprecated: use quantity_to_sell_on_facebook");
 *   <li>the earliest field name with an underscore ("Missing google_product_category or fb_product_category" maps
 *       to {@code google_product_category});
 *   <li>the earliest field name that is a plain word, as a whole word, case-insensitive;
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
    private static final String NAMES = String.join("|",
            FIELDS.stream().sorted((a, b) -> b.length() - a.length()).toList());
    private static final Pattern EXPLICIT = Pattern.compile(
            "(?<![A-Za-z0-9_])fields?(?:\\s*[:=]\\s*['\"`]?|\\s+['\"`])([A-Za-z][A-Za-z0-9_.\\[\\]]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("(?:'(" + NAMES + ")'|\"(" + NAMES + ")\"|`(" + NAMES
            + ")`|\\((" + NAMES + ")\\))", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT = Pattern.compile("^\\W*(?:the\\s+)?(" + NAMES + ")\\s+(?:is|are|was|were|"
            + "must|should|has|have|cannot|can't|can not|needs|exceeds|contains|does|did)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOWN = Pattern.compile("(?<![A-Za-z0-9_])(" + NAMES + ")(?![A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);

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
        Matcher e = EXPLICIT.matcher(message);
        if (e.find()) {
            return e.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher q = QUOTED.matcher(message);
        if (q.find()) {
            for (int g = 1; g <= q.groupCount(); g++) {
                if (q.group(g) != null) {
                    return q.group(g).toLowerCase(Locale.ROOT);
                }
            }
        }
        Matcher s = SUBJECT.matcher(message);
        if (s.find()) {
            return s.group(1).toLowerCase(Locale.ROOT);
        }
        String plain = "";
        Matcher k = KNOWN.matcher(message);
        while (k.find()) {
            String name = k.group(1).toLowerCase(Locale.ROOT);
            if (name.indexOf('_') >= 0) {
                return name;
            }
            if (plain.isEmpty()) {
                plain = name;
            }
        }
        return plain;
    }
}
