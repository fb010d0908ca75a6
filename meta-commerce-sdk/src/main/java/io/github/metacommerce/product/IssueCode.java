package io.github.metacommerce.product;

/** Machine-readable kinds of validation issue, stable across releases. */
public enum IssueCode {
    /** A field Meta requires is missing or blank. */
    REQUIRED,
    /** A value is longer than Meta accepts. */
    TOO_LONG,
    /** A value was cut to the limit (title, description). */
    TRUNCATED,
    /** A value was dropped because Meta would refuse it. */
    DROPPED,
    /** A value is not one Meta accepts (enum, format). */
    INVALID_VALUE,
    /** A price is zero, negative, out of range, or has more decimals than its currency. */
    INVALID_PRICE,
    /** The currency is not a real ISO 4217 code. */
    UNKNOWN_CURRENCY,
    /** The sale price is not lower than the price, or in another currency. */
    SALE_PRICE_NOT_LOWER,
    /**
     * The sale period ends before it starts, or a date is outside years 1 to 9999 or has an offset outside -12:00 to
     * +14:00.
     */
    INVALID_SALE_PERIOD,
    /** A URL is not an absolute http(s) URL. */
    INVALID_URL,
    /** More images than Meta takes. */
    TOO_MANY_IMAGES,
    /** The retailer id contains control characters. */
    INVALID_RETAILER_ID,
    /** The GTIN is not 8, 12, 13 or 14 digits, or its check digit is wrong. */
    INVALID_GTIN,
    /** The title is longer than Meta's recommended 65 characters. */
    LONG_TITLE,
    /** Two items in one batch share a retailer id (Meta ignores all of them). */
    DUPLICATE_RETAILER_ID,
    /** A variant's group id is another item's retailer id (the parent is being sent as an item). */
    GROUP_ID_IS_AN_ITEM,
    /** Variants of one group fill different variant fields, which breaks Meta's variant picker. */
    INCONSISTENT_VARIANT_FIELDS,
    /**
     * A value is not valid Unicode (it has an unpaired UTF-16 surrogate, which encoders turn into {@code ?}). An
     * error for ids and URLs, which are never altered; a warning for text, where the character was replaced by
     * U+FFFD.
     */
    INVALID_UNICODE,
    /** Neither {@code google_product_category} nor {@code fb_product_category} is set; Meta warns about it. */
    MISSING_CATEGORY
}
