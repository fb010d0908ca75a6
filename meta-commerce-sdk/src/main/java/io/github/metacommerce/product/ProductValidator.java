package io.github.metacommerce.product;

import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.catalog.Price;
import io.github.metacommerce.internal.Text;
import io.github.metacommerce.internal.UrlSyntax;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks catalog items against Meta's rules before they are sent, and explains each problem in words a merchant
 * understands. Never throws on bad data: every problem is a {@link ValidationIssue}. Items with an ERROR are not
 * sent; items with only warnings are sent and the warnings reported.
 *
 * <pre>{@code
 * ProductValidator validator = ProductValidator.of(settings);
 * List<ValidationResult> results = validator.validateAll(transformedItems);   // includes batch-wide checks
 * }</pre>
 *
 * <p>Per item: required fields (id, title, description, availability, condition, price, link, image_link, and
 * brand unless a GTIN or MPN is given), lengths, prices above zero and below {@link #PRICE_LIMIT} in a real ISO
 * 4217 currency (checked in constant time, so {@code 1E+999999999} is an error, never an exception), at most
 * {@link #UNKNOWN_CURRENCY_DECIMALS} decimals in a currency without defined minor digits ({@code XAU}), a sale
 * price lower than the price, a sale period in years 1 to 9999 with offsets from -12:00 to +14:00, absolute http(s)
 * URLs, the number of images, a retailer id of at most 100 characters without control characters, a GTIN of at
 * most {@link #GTIN_LIMIT} characters (error) with the right digits and check digit (warning), titles over 65
 * characters (warning), a missing {@code google_product_category} and {@code fb_product_category} (warning, the
 * one Meta gives), and valid Unicode: an id (retailer id, group id, GTIN, MPN, store product id) with an unpaired
 * UTF-16 surrogate is an error, because it would reach Meta changed; text fields get such characters replaced by
 * U+FFFD in {@link ProductTransformer}, with a warning. Across a batch: duplicate retailer ids, a parent sent
 * beside its variants, and variants of one group that fill different variant fields (warning). Thread-safe.
 */
public final class ProductValidator {
    /** Longest retailer id Meta accepts. */
    public static final int RETAILER_ID_LIMIT = 100;
    /** Title length above which Meta recommends shortening. */
    public static final int RECOMMENDED_TITLE_LENGTH = 65;
    /** Longest GTIN Meta accepts (items_batch reference: at most 70 characters). */
    public static final int GTIN_LIMIT = 70;
    /**
     * Prices must be below this amount (one trillion in the currency's major unit). Meta documents no maximum; the
     * bound catches corrupt data and keeps every check constant-time.
     */
    public static final long PRICE_LIMIT = 1_000_000_000_000L;
    /**
     * Most decimal places accepted for a currency whose minor digits are not defined (gold {@code XAU}, silver
     * {@code XAG}, {@code XDR}...). Meta documents no rule for these; 4 is the most any ISO 4217 currency uses
     * ({@code CLF}, {@code UYW}), so a longer amount is an error rather than a guess at rounding.
     */
    public static final int UNKNOWN_CURRENCY_DECIMALS = 4;
    /** Earliest and latest year in a sale period: ISO 8601 four-digit years, as Meta's format shows them. */
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;
    /** Meta's range for sale period offsets. */
    private static final int MIN_OFFSET_SECONDS = -12 * 3600;
    private static final int MAX_OFFSET_SECONDS = 14 * 3600;
    /**
     * Guards that keep price checks constant-time: an amount whose unscaled value has more bits, or more decimal
     * places, is refused before any rounding or rendering (a {@code 1E+999999999} would otherwise overflow or take
     * seconds). The limits are far above any real price, including the exact value of a {@code double}.
     */
    private static final int MAX_PRICE_BITS = 4096;
    /** Digits before the decimal point of the largest price below {@link #PRICE_LIMIT}. */
    private static final int PRICE_LIMIT_DIGITS = 12;
    private static final int MAX_PRICE_SCALE = 1000;
    private static final Map<String, Integer> FIELD_LIMITS = fieldLimits();
    private static final String[] CUSTOM_LABEL_FIELDS = {"custom_label_0", "custom_label_1", "custom_label_2",
        "custom_label_3", "custom_label_4"};
    private static final String[] CUSTOM_LABEL_NAMES = {"custom label 0", "custom label 1", "custom label 2",
        "custom label 3", "custom label 4"};

    private final int titleLimit;
    private final int descriptionLimit;
    private final int maxAdditionalImages;
    /**
     * The store URL when it is an absolute http(s) URL without query or fragment (always, for {@link #of}): a URL
     * made of it and plain path characters has its scheme and host, so it is known to be valid without parsing.
     */
    private final String storePrefix;
    private final boolean storePrefixHasPath;

    private ProductValidator(int titleLimit, int descriptionLimit, int maxAdditionalImages, URI storeUrl) {
        this.titleLimit = titleLimit;
        this.descriptionLimit = descriptionLimit;
        this.maxAdditionalImages = maxAdditionalImages;
        String prefix = storeUrl == null ? null : storeUrl.toString();
        boolean hasPath = false;
        if (prefix != null) {
            try {
                URI parsed = new URI(prefix);
                hasPath = parsed.getRawPath() != null && !parsed.getRawPath().isEmpty();
                if (!isHttpUrl(parsed) || parsed.getRawQuery() != null || parsed.getRawFragment() != null
                        || prefix.indexOf('?') >= 0 || prefix.indexOf('#') >= 0) {
                    prefix = null;
                }
            } catch (URISyntaxException e) {
                prefix = null;
            }
        }
        this.storePrefix = prefix;
        this.storePrefixHasPath = hasPath;
    }

    /**
     * Creates a validator with the default limits (title 150, description 5,000, 20 additional images).
     *
     * @return the validator
     */
    public static ProductValidator create() {
        return new ProductValidator(StoreSettings.DEFAULT_TITLE_LIMIT, StoreSettings.DEFAULT_DESCRIPTION_LIMIT,
                StoreSettings.DEFAULT_MAX_ADDITIONAL_IMAGES, null);
    }

    /**
     * Creates a validator with a store's limits.
     *
     * @param settings the store settings
     * @return the validator
     */
    public static ProductValidator of(StoreSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return new ProductValidator(settings.titleLimit(), settings.descriptionLimit(),
                settings.maxAdditionalImages(), settings.storeUrl());
    }

    /**
     * Validates one transformed item; the transformer's notes are included.
     *
     * @param item the item
     * @return the result
     */
    public ValidationResult validate(TransformedItem item) {
        if (item == null) {
            throw new IllegalArgumentException("item must not be null");
        }
        List<ValidationIssue> issues = new ArrayList<>(item.notes());
        checkRetailerId(item.retailerId(), issues);
        checkIdentity("product_id", "store product id", item.productId(), issues);
        if (item.action() == ItemAction.UPSERT) {
            item.item().ifPresentOrElse(i -> checkItem(i, issues),
                    () -> issues.add(ValidationIssue.error("id", IssueCode.REQUIRED, "Nothing to send for this item.")));
            for (LocalizedItem l : item.localizedItems()) {
                checkLocalized(l, issues);
            }
        }
        return result(item.retailerId(), item.productId(), issues);
    }

    /**
     * Validates one item on its own.
     *
     * @param item the item
     * @return the result (with an empty product id)
     */
    public ValidationResult validate(CatalogItem item) {
        if (item == null) {
            throw new IllegalArgumentException("item must not be null");
        }
        List<ValidationIssue> issues = new ArrayList<>();
        checkRetailerId(item.id(), issues);
        checkItem(item, issues);
        return result(item.id(), "", issues);
    }

    /**
     * Validates a batch: every item, plus the checks that need the whole batch (duplicate retailer ids, a parent
     * sent beside its variants, variants filling different variant fields).
     *
     * @param items the items
     * @return one result per item, in the same order
     */
    public List<ValidationResult> validateAll(Collection<TransformedItem> items) {
        if (items == null) {
            throw new IllegalArgumentException("items must not be null");
        }
        List<TransformedItem> list = new ArrayList<>(items);
        List<List<ValidationIssue>> issues = new ArrayList<>(list.size());
        for (TransformedItem t : list) {
            issues.add(new ArrayList<>(validate(t).issues()));
        }
        Map<String, Integer> idCounts = new HashMap<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            TransformedItem t = list.get(i);
            if (!t.retailerId().isEmpty()) {
                idCounts.merge(t.retailerId(), 1, Integer::sum);
            }
            if (t.action() == ItemAction.UPSERT) {
                int index = i;
                t.item().flatMap(CatalogItem::itemGroupId).ifPresent(g ->
                        groups.computeIfAbsent(g, k -> new ArrayList<>()).add(index));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            TransformedItem t = list.get(i);
            String id = t.retailerId();
            if (!id.isEmpty() && idCounts.get(id) > 1) {
                issues.get(i).add(ValidationIssue.error("id", IssueCode.DUPLICATE_RETAILER_ID, "Retailer id '" + id
                        + "' is used by " + idCounts.get(id) + " items in this batch; Meta ignores all of them. "
                        + "Give every product and variant its own SKU."));
            }
            String ownGroup = t.item().flatMap(CatalogItem::itemGroupId).orElse("");
            if (t.action() == ItemAction.UPSERT && groups.containsKey(id) && !id.equals(ownGroup)) {
                issues.get(i).add(ValidationIssue.error("id", IssueCode.GROUP_ID_IS_AN_ITEM, "Retailer id '" + id
                        + "' is the group id of " + groups.get(id).size() + " variant(s): this looks like the parent "
                        + "product. Send only its variants."));
            }
        }
        groups.forEach((group, members) -> checkVariantFields(group, members, list, issues));
        List<ValidationResult> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(result(list.get(i).retailerId(), list.get(i).productId(), issues.get(i)));
        }
        return out;
    }

    private static void checkVariantFields(String group, List<Integer> members, List<TransformedItem> items,
            List<List<ValidationIssue>> issues) {
        if (members.size() < 2) {
            return;
        }
        Set<String> union = new TreeSet<>();
        for (int i : members) {
            union.addAll(items.get(i).item().map(CatalogItem::variantFields).orElse(Set.of()));
        }
        for (int i : members) {
            Set<String> missing = new TreeSet<>(union);
            missing.removeAll(items.get(i).item().map(CatalogItem::variantFields).orElse(Set.of()));
            for (String field : missing) {
                issues.get(i).add(ValidationIssue.warning(field, IssueCode.INCONSISTENT_VARIANT_FIELDS, "Other "
                        + "variants of group '" + group + "' have a " + field.replace('_', ' ') + " but this one has "
                        + "none; Instagram's variant picker needs every variant to fill the same fields."));
            }
        }
    }

    private static ValidationResult result(String retailerId, String productId, List<ValidationIssue> issues) {
        List<ValidationIssue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparing(ValidationIssue::severity));
        return new ValidationResult(retailerId, productId, sorted);
    }

    private static void checkRetailerId(String id, List<ValidationIssue> issues) {
        if (id == null || id.isBlank()) {
            issues.add(ValidationIssue.error("id", IssueCode.REQUIRED,
                    "The product has no SKU. Meta identifies products by SKU: give it one."));
            return;
        }
        if (Text.length(id) > RETAILER_ID_LIMIT) {
            issues.add(ValidationIssue.error("id", IssueCode.TOO_LONG, "The SKU has " + Text.length(id)
                    + " characters; Meta accepts at most " + RETAILER_ID_LIMIT + "."));
        }
        if (Text.hasControlCharacters(id)) {
            issues.add(ValidationIssue.error("id", IssueCode.INVALID_RETAILER_ID,
                    "The SKU contains invisible control characters (tabs, line breaks); remove them."));
        }
        checkIdentity("id", "SKU", id, issues);
    }

    /**
     * An identity (retailer id, group id, GTIN, MPN, store product id) that is not valid Unicode cannot be sent
     * unchanged: encoders turn an unpaired surrogate into {@code ?}, so two SKUs would become one item and the
     * ledger would hold ids the catalog lacks. It is an error; such a value is never altered.
     */
    private static void checkIdentity(String field, String name, String value, List<ValidationIssue> issues) {
        int bad = Text.firstUnpairedSurrogate(value);
        if (bad >= 0) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_UNICODE, "The " + name + " is not valid "
                    + "Unicode: character " + Text.position(value, bad) + " is a broken half of a character (an "
                    + "unpaired UTF-16 surrogate). It would reach Meta changed, as a different id, so the item was "
                    + "not sent. Fix the " + name + " in the store."));
        }
    }

    /**
     * A text or URL that is not valid Unicode. {@link ProductTransformer} replaces unpaired surrogates in text
     * fields with U+FFFD (and warns), so this is met by URLs and by items built by hand, which cannot be sent as
     * they are.
     */
    private static void checkUnicode(String field, String what, Optional<String> value, List<ValidationIssue> issues) {
        if (value.isEmpty()) {
            return;
        }
        String v = value.get();
        int bad = Text.firstUnpairedSurrogate(v);
        if (bad >= 0) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_UNICODE, "The " + what + " is not valid "
                    + "Unicode: character " + Text.position(v, bad) + " is a broken half of a character (an "
                    + "unpaired UTF-16 surrogate) that would reach Meta as '?'. Fix it in the store"
                    + (field.contains("link") ? "." : ", or build the item with ProductTransformer, which replaces "
                    + "it with U+FFFD.")));
        }
    }

    private static void checkLocalized(LocalizedItem l, List<ValidationIssue> issues) {
        String language = l.locale().getDisplayLanguage(Locale.ENGLISH);
        checkUnicode("title", language + " title", l.title(), issues);
        checkUnicode("description", language + " description", l.description(), issues);
        checkUnicode("rich_text_description", language + " formatted description", l.richTextDescription(), issues);
        checkUnicode("link", language + " product link", l.link(), issues);
    }

    private void checkItem(CatalogItem item, List<ValidationIssue> issues) {
        requireText("title", item.title(), "The product has no title.", issues);
        item.title().ifPresent(t -> {
            int n = Text.length(t);
            if (n > titleLimit) {
                issues.add(ValidationIssue.error("title", IssueCode.TOO_LONG, "The title has " + n
                        + " characters; at most " + titleLimit + " are allowed."));
            } else if (n > RECOMMENDED_TITLE_LENGTH) {
                issues.add(ValidationIssue.warning("title", IssueCode.LONG_TITLE, "The title has " + n
                        + " characters; Meta recommends at most " + RECOMMENDED_TITLE_LENGTH + " so it is not cut off."));
            }
        });
        requireText("description", item.description(), "The product has no description.", issues);
        item.description().filter(d -> Text.length(d) > descriptionLimit).ifPresent(d -> issues.add(
                ValidationIssue.error("description", IssueCode.TOO_LONG, "The description has " + Text.length(d)
                        + " characters; at most " + descriptionLimit + " are allowed.")));
        item.richTextDescription().filter(d -> Text.length(d) > ProductTransformer.RICH_TEXT_LIMIT).ifPresent(d ->
                issues.add(ValidationIssue.error("rich_text_description", IssueCode.TOO_LONG, "The formatted "
                        + "description has " + Text.length(d) + " characters; at most "
                        + ProductTransformer.RICH_TEXT_LIMIT + " are allowed.")));
        if (item.availability().isEmpty()) {
            issues.add(ValidationIssue.error("availability", IssueCode.REQUIRED, "The availability is missing."));
        }
        if (item.condition().isEmpty()) {
            issues.add(ValidationIssue.error("condition", IssueCode.REQUIRED, "The condition is missing."));
        }
        checkPrices(item, issues);
        checkUrl("link", item.link(), true, "The product has no page URL: set a slug or a product URL.", issues);
        checkUrl("image_link", item.imageLink(), true, "The product has no image. Meta shows no product "
                + "without one.", issues);
        for (String extra : item.additionalImageLinks()) {
            checkUrl("additional_image_link", Optional.ofNullable(extra), false, "", issues);
        }
        if (item.additionalImageLinks().size() > maxAdditionalImages) {
            issues.add(ValidationIssue.error("additional_image_link", IssueCode.TOO_MANY_IMAGES, "There are "
                    + item.additionalImageLinks().size() + " additional images; at most " + maxAdditionalImages
                    + " are allowed."));
        }
        boolean identified = item.gtin().filter(s -> !s.isBlank()).isPresent()
                || item.mpn().filter(s -> !s.isBlank()).isPresent();
        if (item.brand().filter(s -> !s.isBlank()).isEmpty() && !identified) {
            issues.add(ValidationIssue.error("brand", IssueCode.REQUIRED,
                    "The product has no brand, GTIN or MPN; Meta needs at least one. Set a brand."));
        }
        item.gtin().ifPresent(g -> checkGtin(g, issues));
        checkLength("brand", item.brand(), issues);
        checkLength("mpn", item.mpn(), issues);
        checkLength("item_group_id", item.itemGroupId(), issues);
        checkLength("color", item.color(), issues);
        checkLength("size", item.size(), issues);
        checkLength("material", item.material(), issues);
        checkLength("pattern", item.pattern(), issues);
        checkLength("google_product_category", item.googleProductCategory(), issues);
        checkLength("fb_product_category", item.fbProductCategory(), issues);
        checkLength("product_type", item.productType(), issues);
        for (int i = 0; i < item.customLabels().size(); i++) {
            checkLength(customLabelField(i), Optional.ofNullable(item.customLabels().get(i)), issues);
        }
        if (item.customLabels().size() > CatalogItem.MAX_CUSTOM_LABELS) {
            issues.add(ValidationIssue.error("custom_label_4", IssueCode.TOO_LONG,
                    "Meta has five custom labels (0 to 4); " + item.customLabels().size() + " were given."));
        }
        item.quantityToSellOnFacebook().filter(q -> q < 0).ifPresent(q -> issues.add(ValidationIssue.error(
                "quantity_to_sell_on_facebook", IssueCode.INVALID_VALUE, "The quantity must not be negative.")));
        checkCategory(item, issues);
        checkUnicode(item, issues);
    }

    /** Mirrors the warning Meta gives every item created without a category, so a dry run says what a sync meets. */
    private static void checkCategory(CatalogItem item, List<ValidationIssue> issues) {
        boolean google = item.googleProductCategory().filter(s -> !s.isBlank()).isPresent();
        boolean fb = item.fbProductCategory().filter(s -> !s.isBlank()).isPresent();
        if (!google && !fb) {
            issues.add(ValidationIssue.warning("google_product_category", IssueCode.MISSING_CATEGORY,
                    "Missing google_product_category or fb_product_category: the product may be harder to find. "
                            + "Set a Google product category (name or id) for it."));
        }
    }

    private static void checkUnicode(CatalogItem item, List<ValidationIssue> issues) {
        item.itemGroupId().ifPresent(g -> checkIdentity("item_group_id", "variant group id", g, issues));
        item.gtin().ifPresent(g -> checkIdentity("gtin", "GTIN", g, issues));
        item.mpn().ifPresent(m -> checkIdentity("mpn", "MPN", m, issues));
        checkUnicode("title", "title", item.title(), issues);
        checkUnicode("description", "description", item.description(), issues);
        checkUnicode("rich_text_description", "formatted description", item.richTextDescription(), issues);
        checkUnicode("sale_price_effective_date", "sale period", item.salePriceEffectiveDate(), issues);
        checkUnicode("link", "product link", item.link(), issues);
        checkUnicode("image_link", "image URL", item.imageLink(), issues);
        for (String extra : item.additionalImageLinks()) {
            checkUnicode("additional_image_link", "additional image URL", Optional.ofNullable(extra), issues);
        }
        checkUnicode("brand", "brand", item.brand(), issues);
        checkUnicode("color", "color", item.color(), issues);
        checkUnicode("size", "size", item.size(), issues);
        checkUnicode("material", "material", item.material(), issues);
        checkUnicode("pattern", "pattern", item.pattern(), issues);
        item.additionalVariantAttributes().forEach((k, v) -> {
            checkUnicode("additional_variant_attribute", "variant attribute name", Optional.ofNullable(k), issues);
            checkUnicode("additional_variant_attribute", "variant attribute value", Optional.ofNullable(v), issues);
        });
        checkUnicode("google_product_category", "Google product category", item.googleProductCategory(), issues);
        checkUnicode("fb_product_category", "Facebook product category", item.fbProductCategory(), issues);
        checkUnicode("product_type", "product type", item.productType(), issues);
        for (int i = 0; i < item.customLabels().size() && i < CatalogItem.MAX_CUSTOM_LABELS; i++) {
            checkUnicode(CUSTOM_LABEL_FIELDS[i], CUSTOM_LABEL_NAMES[i], Optional.ofNullable(item.customLabels().get(i)),
                    issues);
        }
    }

    private static void checkPrices(CatalogItem item, List<ValidationIssue> issues) {
        if (item.price().isEmpty()) {
            issues.add(ValidationIssue.error("price", IssueCode.REQUIRED, "The product has no price."));
            return;
        }
        Price price = item.price().get();
        boolean priceOk = checkPrice("price", price, issues);
        if (item.salePrice().isEmpty()) {
            if (item.salePriceEffectiveDate().isPresent()) {
                issues.add(ValidationIssue.warning("sale_price_effective_date", IssueCode.INVALID_VALUE,
                        "A sale period is set but there is no sale price; it was ignored by Meta."));
            }
            return;
        }
        Price sale = item.salePrice().get();
        boolean saleOk = checkPrice("sale_price", sale, issues);
        if (!sale.currencyCode().equals(price.currencyCode())) {
            issues.add(ValidationIssue.error("sale_price", IssueCode.SALE_PRICE_NOT_LOWER, "The sale price is in "
                    + sale.currencyCode() + " but the price is in " + price.currencyCode() + "."));
        } else if (priceOk && saleOk && sale.roundedAmount().compareTo(price.roundedAmount()) >= 0) {
            issues.add(ValidationIssue.error("sale_price", IssueCode.SALE_PRICE_NOT_LOWER, "The sale price ("
                    + sale.metaValue() + ") must be lower than the price (" + price.metaValue() + ")."));
        }
        item.salePriceEffectiveDate().ifPresent(d -> checkSalePeriod(d, issues));
    }

    private static boolean checkPrice(String field, Price price, List<ValidationIssue> issues) {
        String name = field.replace('_', ' ');
        if (price.currency().isEmpty()) {
            issues.add(ValidationIssue.error(field, IssueCode.UNKNOWN_CURRENCY, "'" + abbreviate(price.currencyCode())
                    + "' is not an ISO 4217 currency code such as USD or EUR."));
            return false;
        }
        BigDecimal amount = price.amount();
        if (amount.signum() <= 0) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name
                    + " must be more than zero, was " + describe(amount) + "."));
            return false;
        }
        // Range checks in constant time (bit length, precision and scale) before anything rounds or renders.
        if (amount.unscaledValue().bitLength() > MAX_PRICE_BITS) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name + " has about "
                    + digitsOf(amount) + " digits; that is not a price."));
            return false;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if ((long) stripped.precision() - stripped.scale() > PRICE_LIMIT_DIGITS) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name + " " + describe(amount)
                    + " is out of range: prices must be below " + PRICE_LIMIT + "."));
            return false;
        }
        if (stripped.scale() > MAX_PRICE_SCALE) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name + " has "
                    + stripped.scale() + " decimal places; that is not a price."));
            return false;
        }
        int digits = price.currency().get().getDefaultFractionDigits();
        // trailing zeros are not precision: 1.00000 XAU is sent as 1 XAU
        if (digits < 0 && stripped.scale() > UNKNOWN_CURRENCY_DECIMALS) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name + " "
                    + describe(amount) + " has " + stripped.scale() + " decimal places; " + price.currencyCode()
                    + " has no fixed number of decimals, and at most " + UNKNOWN_CURRENCY_DECIMALS
                    + " are sent. Round the " + name + " to " + UNKNOWN_CURRENCY_DECIMALS + " places."));
            return false;
        }
        BigDecimal rounded = price.roundedAmount();
        if (rounded.signum() <= 0) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name
                    + " must be more than zero, was " + describe(amount) + "."));
            return false;
        }
        if (rounded.compareTo(BigDecimal.valueOf(PRICE_LIMIT)) >= 0) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_PRICE, "The " + name + " " + describe(amount)
                    + " is out of range: prices must be below " + PRICE_LIMIT + "."));
            return false;
        }
        if (digits >= 0 && stripped.scale() > digits) {
            issues.add(ValidationIssue.warning(field, IssueCode.INVALID_PRICE, "The " + name + " "
                    + describe(amount) + " has more decimals than " + price.currencyCode() + " uses; "
                    + price.metaValue() + " was sent."));
        }
        return true;
    }

    /** Renders an amount for a message without expanding a huge exponent. */
    private static String describe(BigDecimal amount) {
        if (amount.unscaledValue().bitLength() > MAX_PRICE_BITS) {
            return "a number of about " + digitsOf(amount) + " digits";
        }
        long exponent = (long) amount.precision() - amount.scale();
        boolean plain = exponent <= 20 && amount.scale() <= 40;
        return abbreviate(plain ? amount.toPlainString() : amount.toString());
    }

    private static long digitsOf(BigDecimal amount) {
        return (long) Math.ceil(amount.unscaledValue().bitLength() * Math.log10(2));
    }

    private static void checkSalePeriod(String period, List<ValidationIssue> issues) {
        String[] parts = period.split("/", -1);
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("not start/end", period, 0);
            }
            OffsetDateTime start = OffsetDateTime.parse(parts[0]);
            OffsetDateTime end = OffsetDateTime.parse(parts[1]);
            if (!saleDateOk("start", start, issues) || !saleDateOk("end", end, issues)) {
                return;
            }
            if (!end.isAfter(start)) {
                issues.add(ValidationIssue.error("sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD,
                        "The sale ends (" + abbreviate(parts[1]) + ") before it starts (" + abbreviate(parts[0])
                                + ")."));
            }
        } catch (DateTimeParseException e) {
            issues.add(ValidationIssue.error("sale_price_effective_date", IssueCode.INVALID_VALUE,
                    "The sale period must be start/end in ISO 8601 with offsets."));
        }
    }

    /**
     * Meta's format is {@code YYYY-MM-DDThh:mm+hh:mm}: a four-digit year (a year after 9999 would be written
     * {@code +10000-...}) and an offset from -12:00 to +14:00.
     */
    private static boolean saleDateOk(String which, OffsetDateTime t, List<ValidationIssue> issues) {
        if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
            issues.add(ValidationIssue.error("sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, "The sale "
                    + which + " is in year " + t.getYear() + "; Meta takes four-digit years (" + MIN_YEAR + " to "
                    + MAX_YEAR + ")."));
            return false;
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset < MIN_OFFSET_SECONDS || offset > MAX_OFFSET_SECONDS || offset % 60 != 0) {
            issues.add(ValidationIssue.error("sale_price_effective_date", IssueCode.INVALID_SALE_PERIOD, "The sale "
                    + which + " has the offset " + t.getOffset() + "; Meta takes offsets from -12:00 to +14:00 in "
                    + "whole minutes."));
            return false;
        }
        return true;
    }

    private static void checkGtin(String gtin, List<ValidationIssue> issues) {
        if (Text.length(gtin) > GTIN_LIMIT) {
            issues.add(ValidationIssue.error("gtin", IssueCode.TOO_LONG, "The GTIN has " + Text.length(gtin)
                    + " characters; Meta accepts at most " + GTIN_LIMIT + ". A GTIN is 8, 12, 13 or 14 digits."));
            return;
        }
        int n = gtin.length();
        boolean digits = !gtin.isEmpty() && gtin.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || !(n == 8 || n == 12 || n == 13 || n == 14)) {
            issues.add(ValidationIssue.warning("gtin", IssueCode.INVALID_GTIN, "GTIN '" + abbreviate(gtin)
                    + "' should be 8, 12, 13 or 14 digits (UPC, EAN, JAN, ISBN-13, ITF-14)."));
            return;
        }
        int sum = 0;
        for (int i = n - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (gtin.charAt(i) - '0') * weight;
        }
        int check = (10 - sum % 10) % 10;
        if (check != gtin.charAt(n - 1) - '0') {
            issues.add(ValidationIssue.warning("gtin", IssueCode.INVALID_GTIN, "GTIN " + gtin
                    + " has a wrong check digit (expected " + check + "); check for a typo."));
        }
    }

    private void checkUrl(String field, Optional<String> url, boolean required, String missing,
            List<ValidationIssue> issues) {
        Optional<String> value = url.filter(u -> !u.isBlank());
        if (value.isEmpty()) {
            if (required) {
                issues.add(ValidationIssue.error(field, IssueCode.REQUIRED, missing));
            }
            return;
        }
        String u = value.get();
        boolean ok;
        if (isOnStore(u)) {
            ok = true;
        } else {
            try {
                ok = isHttpUrl(new URI(u));
            } catch (URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            issues.add(ValidationIssue.error(field, IssueCode.INVALID_URL, "'" + abbreviate(u)
                    + "' is not an absolute http(s) URL."));
        } else if (Text.length(u) > 2000) {
            issues.add(ValidationIssue.error(field, IssueCode.TOO_LONG, "The URL is longer than 2000 characters."));
        }
    }

    private static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    }

    /**
     * Whether {@code u} is the store URL followed by plain path characters ({@link UrlSyntax#isPlainPath}), as the
     * transformer builds links and relative image URLs. Such a URL parses with the store URL's scheme and host: the
     * authority ends where the store URL's does (at its path, or at the {@code /} that starts the rest), and plain
     * path characters are a valid path. So it is exactly as valid as the store URL, checked once.
     */
    private boolean isOnStore(String u) {
        if (storePrefix == null || !u.startsWith(storePrefix)) {
            return false;
        }
        int rest = storePrefix.length();
        if (rest == u.length()) {
            return true;
        }
        return (storePrefixHasPath || u.charAt(rest) == '/') && UrlSyntax.isPlainPath(u, rest);
    }

    private static void requireText(String field, Optional<String> value, String message,
            List<ValidationIssue> issues) {
        if (value.filter(v -> !v.isBlank()).isEmpty()) {
            issues.add(ValidationIssue.error(field, IssueCode.REQUIRED, message));
        }
    }

    private static void checkLength(String field, Optional<String> value, List<ValidationIssue> issues) {
        if (value.isEmpty()) {
            return;
        }
        String v = value.get();
        int limit = FIELD_LIMITS.get(field.startsWith("custom_label_") ? "custom_label" : field);
        if (Text.length(v) > limit) {
            issues.add(ValidationIssue.error(field, IssueCode.TOO_LONG, "The " + field.replace('_', ' ') + " has "
                    + Text.length(v) + " characters; Meta accepts at most " + limit + "."));
        }
    }

    private static String customLabelField(int i) {
        return i < CUSTOM_LABEL_FIELDS.length ? CUSTOM_LABEL_FIELDS[i] : "custom_label_" + i;
    }

    private static String abbreviate(String s) {
        return Text.truncate(s, 40);
    }

    private static Map<String, Integer> fieldLimits() {
        Map<String, Integer> m = new HashMap<>();
        m.put("brand", 100);
        m.put("mpn", 100);
        m.put("item_group_id", 100);
        m.put("color", 100);
        m.put("size", 200);
        m.put("material", 200);
        m.put("pattern", 100);
        m.put("google_product_category", 250);
        m.put("fb_product_category", 250);
        m.put("product_type", 750);
        m.put("custom_label", 100);
        return Map.copyOf(m);
    }

    /** Names the limits it checks against; a sync's product fingerprints depend on them. */
    @Override
    public String toString() {
        return "ProductValidator[titleLimit=" + titleLimit + ", descriptionLimit=" + descriptionLimit
                + ", maxAdditionalImages=" + maxAdditionalImages + "]";
    }
}
