package io.github.metacommerce.admin.sync;

import java.util.Locale;
import java.util.Map;

/**
 * The errors view's words for a kind of problem, like Commerce Manager's diagnostics: a short title ("No image",
 * "Price missing") and what to do about it, by the code the validator or the sync gave it (the SDK's
 * {@code IssueCode} names and the sync's {@code META_*}, {@code UNCONFIRMED} ... codes) and the field at fault.
 */
final class ErrorAdvice {
    /** Meta's field names as the merchant knows them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("image_link", "image"), Map.entry("additional_image_link", "additional images"),
            Map.entry("link", "product link"), Map.entry("mobile_link", "mobile link"), Map.entry("title", "name"),
            Map.entry("price", "price"), Map.entry("sale_price", "sale price"),
            Map.entry("sale_price_effective_date", "sale period"), Map.entry("description", "description"),
            Map.entry("brand", "brand"), Map.entry("availability", "availability"),
            Map.entry("condition", "condition"), Map.entry("id", "SKU"), Map.entry("retailer_id", "SKU"),
            Map.entry("gtin", "GTIN (barcode)"), Map.entry("google_product_category", "category"),
            Map.entry("fb_product_category", "category"), Map.entry("quantity_to_sell_on_facebook", "stock quantity"),
            Map.entry("item_group_id", "variant group"), Map.entry("inventory", "stock quantity"));

    private ErrorAdvice() {
    }

    /** The field in the merchant's words, or "the product" when none is known. */
    static String field(String field) {
        if (field == null || field.isBlank()) {
            return "product";
        }
        return FIELDS.getOrDefault(field, field.replace('_', ' '));
    }

    /** A short title for a kind of problem. */
    static String title(String code, String field) {
        String f = field(field);
        return switch (code == null ? "" : code) {
            case "REQUIRED" -> switch (field == null ? "" : field) {
                case "image_link" -> "No image";
                case "id" -> "No SKU";
                default -> capital(f) + " missing";
            };
            case "TOO_LONG" -> capital(f) + " too long";
            case "TRUNCATED" -> capital(f) + " shortened";
            case "DROPPED" -> capital(f) + " left out";
            case "INVALID_VALUE" -> "Invalid " + f;
            case "INVALID_PRICE" -> "Invalid " + (f.equals("product") ? "price" : f);
            case "UNKNOWN_CURRENCY" -> "Unknown currency";
            case "SALE_PRICE_NOT_LOWER" -> "Sale price not below the price";
            case "INVALID_SALE_PERIOD" -> "Invalid sale period";
            case "INVALID_URL" -> "Invalid " + (f.equals("product") ? "link" : f) + " address";
            case "TOO_MANY_IMAGES" -> "Too many images";
            case "INVALID_RETAILER_ID" -> "Invalid SKU";
            case "INVALID_GTIN" -> "Invalid GTIN (barcode)";
            case "LONG_TITLE" -> "Long name";
            case "DUPLICATE_RETAILER_ID" -> "Duplicate SKU";
            case "GROUP_ID_IS_AN_ITEM" -> "Variant group is also a product";
            case "INCONSISTENT_VARIANT_FIELDS" -> "Variants describe different options";
            case "INVALID_UNICODE" -> "Broken characters in the " + f;
            case "MISSING_CATEGORY" -> "No category";
            case "META_VALIDATION", "META_INVALID" -> "Refused by Meta" + (f.equals("product") ? "" : ": " + f);
            case "META_ERROR" -> "Meta reported an error" + (f.equals("product") ? "" : ": " + f);
            case "META_WARNING" -> "Meta's advice" + (f.equals("product") ? "" : ": " + f);
            case "UNCONFIRMED", "NOT_INGESTED" -> "Not confirmed by Meta";
            case "TRANSLATION_REJECTED", "TRANSLATION_NOT_SENT", "TRANSLATION_UNCONFIRMED" -> "Translation not synced";
            case "TRANSFORM_FAILED", "INTERNAL_ERROR" -> "Could not be prepared";
            default -> code != null && code.startsWith("GRAPH_") ? "Meta error " + code.substring(6)
                    : capital(code == null ? "problem" : code.replace('_', ' ').toLowerCase(Locale.ROOT));
        };
    }

    /** What the merchant should do about a kind of problem. */
    static String whatToDo(String code, String field, String source, String severity) {
        String f = field(field);
        String then = " Then sync these products again.";
        String hint = switch (code == null ? "" : code) {
            case "REQUIRED" -> switch (field == null ? "" : field) {
                case "image_link" -> "Add at least one image (a public https address of a JPG or PNG, 500 × 500 "
                        + "pixels or more) to each product." + then;
                case "price" -> "Give each product a price above zero." + then;
                case "link" -> "Set the store domain in Settings, or give each product its page's address." + then;
                case "brand" -> "Give each product a brand, or set a default brand in Settings." + then;
                default -> "Fill in the " + f + " of each product." + then;
            };
            case "TOO_LONG" -> "Shorten the " + f + "." + then;
            case "TRUNCATED" -> "Meta takes a shorter " + f + "; it was cut. Shorten it yourself to choose where.";
            case "DROPPED" -> "The " + f + " was left out because Meta would refuse it; correct it to have it sent.";
            case "INVALID_VALUE" -> "Use one of the values Meta accepts for the " + f + " (the message names them)."
                    + then;
            case "INVALID_PRICE" -> "Prices must be above zero and have no more decimals than the currency has."
                    + then;
            case "UNKNOWN_CURRENCY" -> "Choose the store's currency in Settings (an ISO 4217 code such as USD)." + then;
            case "SALE_PRICE_NOT_LOWER" -> "Make the sale price lower than the regular price, or remove it." + then;
            case "INVALID_SALE_PERIOD" -> "Make the sale end after it starts." + then;
            case "INVALID_URL" -> "Use a full public address starting with https:// for the " + f + "." + then;
            case "TOO_MANY_IMAGES" -> "Meta takes up to 20 additional images; the rest were left out.";
            case "INVALID_RETAILER_ID", "DUPLICATE_RETAILER_ID" -> "Give each product and variant its own SKU, "
                    + "without control characters." + then;
            case "INVALID_GTIN" -> "Check the barcode: 8, 12, 13 or 14 digits with a correct check digit, or leave it"
                    + " empty.";
            case "LONG_TITLE" -> "Names up to 65 characters show in full on Instagram; consider shortening it.";
            case "GROUP_ID_IS_AN_ITEM", "INCONSISTENT_VARIANT_FIELDS" -> "Check the product's variants: each needs "
                    + "the same options (size, colour ...) filled in." + then;
            case "INVALID_UNICODE" -> "Retype the " + f + "; it has a broken character (often from copy and paste)."
                    + then;
            case "MISSING_CATEGORY" -> "Give products a Google product category; Meta shows categorised products "
                    + "more often.";
            case "UNCONFIRMED" -> "These items were sent and are most likely live, but Meta did not confirm them (the "
                    + "run stopped, Meta took too long, or its answer could not be read). The next sync sends them "
                    + "again; if it keeps happening, check Commerce Manager's diagnostics.";
            case "NOT_INGESTED" -> "Meta did not confirm these items in time. Sync them again; if it "
                    + "keeps happening, check Commerce Manager's diagnostics.";
            case "TRANSLATION_REJECTED", "TRANSLATION_NOT_SENT", "TRANSLATION_UNCONFIRMED" -> "Check the languages in "
                    + "Settings and the product's translated texts." + then;
            default -> null;
        };
        if (hint != null) {
            return hint;
        }
        String where = f.equals("product") ? "the product" : "the product's " + f;
        if ("warning".equals(severity)) {
            return "Meta accepted these products; improving " + where + " helps them show up and sell.";
        }
        if ("local".equals(source)) {
            return "These products were not sent: fix " + where + " in the store (or the import file), then sync "
                    + "them again.";
        }
        return "Meta refused these products: fix " + where + " as the message says, then sync them again.";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
