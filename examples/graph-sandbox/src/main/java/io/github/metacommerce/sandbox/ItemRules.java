package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's PRODUCT_ITEM rules as the fact sheet gives them, modelled independently of the SDK. Checks are split the
 * way Meta splits them: what {@code items_batch} sees at once ({@code validation_status}) and what the
 * asynchronous processing finds (check_batch_request_status errors and warnings).
 */
final class ItemRules {
    static final Set<String> REQUIRED = Set.of("id", "title", "description", "availability", "condition", "price",
            "link", "image_link");
    static final Set<String> AVAILABILITY = Set.of("in stock", "out of stock", "available for order", "discontinued",
            "preorder", "pending");
    static final Set<String> CONDITION = Set.of("new", "refurbished", "used", "cpo", "open_box_new", "used_fair",
            "used_good", "used_like_new");
    static final Set<String> GENDER = Set.of("female", "male", "unisex");
    static final Set<String> AGE_GROUP = Set.of("adult", "all ages", "teen", "kids", "toddler", "infant", "newborn");
    static final Set<String> VISIBILITY = Set.of("published", "staging", "hidden", "whitelist_only");
    static final Set<String> KNOWN = Set.of("id", "title", "description", "rich_text_description", "availability",
            "condition", "price", "sale_price", "sale_price_effective_date", "link", "mobile_link", "image_link",
            "image", "additional_image_link", "brand", "gtin", "mpn", "item_group_id", "color", "size", "gender",
            "age_group", "material", "pattern", "additional_variant_attribute", "google_product_category",
            "fb_product_category", "product_type", "custom_label_0", "custom_label_1", "custom_label_2",
            "custom_label_3", "custom_label_4", "custom_number_0", "custom_number_1", "custom_number_2",
            "custom_number_3", "custom_number_4", "internal_label", "shipping", "shipping_weight",
            "quantity_to_sell_on_facebook", "inventory", "disabled_capabilities", "expiration_date", "origin_country",
            "importer_name", "importer_address", "applink", "video", "vendor_id", "visibility", "status",
            "commerce_tax_category", "return_policy_info", "manufacturer_info", "unit_price", "tax");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PRICE = Pattern.compile("^\\s*([0-9]{1,15}(?:\\.[0-9]{1,6})?)\\s+([A-Z]{3})\\s*$");
    private static final Pattern SALE_DATE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?[+-]\\d{2}:?\\d{2}/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?"
                    + "[+-]\\d{2}:?\\d{2}$");

    private ItemRules() {
    }

    /** A parsed price. */
    record Amount(BigDecimal value, String currency) {
    }

    static Amount parsePrice(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PRICE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            Currency.getInstance(m.group(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Amount(new BigDecimal(m.group(1)), m.group(2));
    }

    /**
     * What items_batch reports at once: missing required fields (for a create), bad enum values, malformed prices.
     *
     * @param data the request's data
     * @param creating whether the request creates the item (CREATE, or an upsert of an unknown item)
     * @return messages, empty when nothing is visibly wrong
     */
    static List<String> immediateErrors(JsonNode data, boolean creating) {
        List<String> errors = new ArrayList<>();
        if (creating) {
            for (String field : List.of("id", "title", "description", "availability", "condition", "price", "link")) {
                if (blank(data, field)) {
                    errors.add("Missing required field: " + field);
                }
            }
            if (blank(data, "image_link") && !data.has("image")) {
                errors.add("Missing required field: image_link");
            }
            if (blank(data, "brand")) {
                errors.add("Missing required field: brand");
            }
        }
        enumCheck(data, "availability", AVAILABILITY, errors);
        enumCheck(data, "condition", CONDITION, errors);
        enumCheck(data, "gender", GENDER, errors);
        enumCheck(data, "age_group", AGE_GROUP, errors);
        enumCheck(data, "visibility", VISIBILITY, errors);
        for (String field : List.of("price", "sale_price")) {
            if (!blank(data, field) && parsePrice(data.get(field).asText()) == null) {
                errors.add("Invalid " + field + " '" + data.get(field).asText()
                        + "': use a number and an ISO 4217 currency code, e.g. 9.99 USD");
            }
        }
        return errors;
    }

    /**
     * What processing finds: lengths, price rules, URLs, image counts.
     *
     * @param merged the item as it would be stored
     * @return errors
     */
    static List<String> processingErrors(JsonNode merged) {
        List<String> errors = new ArrayList<>();
        length(merged, "id", 100, errors);
        length(merged, "title", 200, errors);
        length(merged, "description", 5000, errors);
        length(merged, "rich_text_description", 9999, errors);
        length(merged, "brand", 100, errors);
        length(merged, "item_group_id", 100, errors);
        length(merged, "color", 200, errors);
        length(merged, "size", 200, errors);
        length(merged, "material", 200, errors);
        length(merged, "pattern", 100, errors);
        length(merged, "gtin", 70, errors);
        length(merged, "mpn", 100, errors);
        length(merged, "google_product_category", 250, errors);
        length(merged, "product_type", 750, errors);
        Amount price = blank(merged, "price") ? null : parsePrice(merged.get("price").asText());
        if (price != null && price.value().signum() <= 0) {
            errors.add("Price must be greater than 0");
        }
        Amount sale = blank(merged, "sale_price") ? null : parsePrice(merged.get("sale_price").asText());
        if (sale != null && price != null) {
            if (!sale.currency().equals(price.currency())) {
                errors.add("sale_price must use the same currency as price");
            } else if (sale.value().compareTo(price.value()) >= 0) {
                errors.add("sale_price must be less than price");
            }
        }
        if (!blank(merged, "sale_price_effective_date")
                && !SALE_DATE.matcher(merged.get("sale_price_effective_date").asText()).matches()) {
            errors.add("Invalid sale_price_effective_date: use YYYY-MM-DDThh:mm+hh:mm/YYYY-MM-DDThh:mm+hh:mm");
        }
        url(merged, "link", errors);
        url(merged, "image_link", errors);
        JsonNode more = merged.get("additional_image_link");
        List<String> extra = new ArrayList<>();
        if (more != null && more.isArray()) {
            more.forEach(n -> extra.add(n.asText()));
        } else if (more != null && more.isTextual() && !more.asText().isBlank()) {
            for (String s : more.asText().split(",")) {
                extra.add(s.strip());
            }
        }
        if (extra.size() > 50) {
            errors.add("additional_image_link has " + extra.size() + " URLs; at most 50 are allowed");
        }
        for (String u : extra) {
            if (!isHttpUrl(u)) {
                errors.add("Invalid additional_image_link URL: " + abbreviate(u));
                break;
            }
        }
        JsonNode qty = merged.get("quantity_to_sell_on_facebook");
        boolean whole = qty != null && (qty.isIntegralNumber() || (qty.isTextual() && WHOLE_NUMBER.matcher(qty.asText()).matches()));
        if (qty != null && !qty.isNull() && (!whole || qty.asLong() < 0)) {
            errors.add("quantity_to_sell_on_facebook must be a whole number, 0 or more");
        }
        return errors;
    }

    /**
     * Recommendations Meta reports as warnings.
     *
     * @param data the request's data
     * @param merged the item as it would be stored
     * @return warnings
     */
    static List<String> warnings(JsonNode data, JsonNode merged) {
        List<String> warnings = new ArrayList<>();
        data.fieldNames().forEachRemaining(f -> {
            if (!KNOWN.contains(f)) {
                warnings.add("Unrecognised field: " + f + " (ignored)");
            }
        });
        if (!blank(merged, "title") && merged.get("title").asText().codePointCount(0,
                merged.get("title").asText().length()) > 100) {
            warnings.add("title is longer than 100 characters and may be truncated");
        }
        if (blank(merged, "google_product_category") && blank(merged, "fb_product_category")) {
            warnings.add("Missing google_product_category or fb_product_category: the product may be harder to find");
        }
        if (data.has("inventory")) {
            warnings.add("inventory is deprecated: use quantity_to_sell_on_facebook");
        }
        return warnings;
    }

    static boolean blank(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
    }

    private static void enumCheck(JsonNode data, String field, Set<String> allowed, List<String> errors) {
        if (!blank(data, field) && !allowed.contains(data.get(field).asText().toLowerCase(Locale.ROOT))) {
            errors.add("Invalid value for " + field + ": '" + abbreviate(data.get(field).asText()) + "'");
        }
    }

    private static void length(JsonNode data, String field, int max, List<String> errors) {
        if (!blank(data, field)) {
            String v = data.get(field).asText();
            if (v.codePointCount(0, v.length()) > max) {
                errors.add(field + " is too long: at most " + max + " characters");
            }
        }
    }

    private static void url(JsonNode data, String field, List<String> errors) {
        if (!blank(data, field) && !isHttpUrl(data.get(field).asText())) {
            errors.add("Invalid " + field + " URL: " + abbreviate(data.get(field).asText()));
        }
    }

    static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
