package io.github.metacommerce.product;

import io.github.metacommerce.catalog.AgeGroup;
import io.github.metacommerce.catalog.Availability;
import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.Gender;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.catalog.Price;
import io.github.metacommerce.catalog.Visibility;
import io.github.metacommerce.internal.Html;
import io.github.metacommerce.internal.Text;
import io.github.metacommerce.internal.UrlSyntax;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps store {@link Product}s to Meta catalog items, following one store's {@link StoreSettings}. Pure and
 * thread-safe: no I/O, no reflection, patterns compiled once.
 *
 * <pre>{@code
 * ProductTransformer transformer = ProductTransformer.of(settings);
 * for (TransformedItem t : transformer.transform(product)) {
 *     // t.action() is UPSERT with t.item(), or DELETE
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Retailer id = SKU. A parent with variants is never sent: each variant is an item with the parent's group id
 *       ({@code item_group_id}), inheriting what it leaves empty from the parent.</li>
 *   <li>Prices: {@code "<amount> <currency>"} with the currency's minor digits. When the compare-at price is higher
 *       than the selling price, {@code price} is the compare-at price and {@code sale_price} the selling price (with
 *       {@code sale_price_effective_date} when a sale period is set); otherwise no sale price.</li>
 *   <li>Title and description are plain text cut on grapheme boundaries (never splitting an emoji) to the
 *       configured limits; the HTML description goes, cleaned, to {@code rich_text_description}.</li>
 *   <li>Availability from stock and backorder policy; {@code quantity_to_sell_on_facebook} from stock. An
 *       out-of-stock product is kept visible, hidden ({@code visibility=staging}) or deleted, as configured.
 *       Draft and archived products become deletes.</li>
 *   <li>{@code link} from the explicit URL or the store URL and slug (path segments percent-encoded); relative image
 *       URLs are resolved against the store; the first image is {@code image_link}.</li>
 *   <li>Text that is not valid Unicode (an unpaired UTF-16 surrogate, which encoders would turn into {@code ?}):
 *       in text fields (title, description, brand, color, categories, labels, translations...) each such
 *       character is replaced by U+FFFD with a warning naming the field; ids (SKU, group id, GTIN, MPN, product
 *       id) and URLs are left as they are, and the validator rejects them.</li>
 *   <li>Sale dates use four-digit years and an offset Meta takes (-12:00 to +14:00; any other offset becomes UTC
 *       at the same instant).</li>
 * </ul>
 * Values it has to change or drop (a cut title, an unknown gender) are reported as warnings in
 * {@link TransformedItem#notes()}.
 */
public final class ProductTransformer {
    /** Meta's limit for {@code rich_text_description}. */
    public static final int RICH_TEXT_LIMIT = 9999;
    /** Proleptic year ({@code uuuu}), so a year outside 1 to 9999 shows as such and the validator reports it. */
    private static final DateTimeFormatter SALE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx");
    private static final int MIN_OFFSET_SECONDS = -12 * 3600;
    private static final int MAX_OFFSET_SECONDS = 14 * 3600;
    private static final Pattern MULTIPLE_SPACES = Pattern.compile(" {2,}");

    private final StoreSettings settings;
    private final String currencyCode;
    private final String fallbackBrand;

    private ProductTransformer(StoreSettings settings) {
        this.settings = settings;
        this.currencyCode = settings.currency().getCurrencyCode();
        this.fallbackBrand = settings.fallbackBrand();
    }

    /**
     * Creates a transformer for one store.
     *
     * @param settings the store's settings
     * @return the transformer
     */
    public static ProductTransformer of(StoreSettings settings) {
        return new ProductTransformer(Objects.requireNonNull(settings, "settings must not be null"));
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public StoreSettings settings() {
        return settings;
    }

    /**
     * Transforms one product: one item, or one per variant.
     *
     * @param product the product
     * @return the items, never empty for a product without variants
     * @throws IllegalArgumentException if the product is null
     */
    public List<TransformedItem> transform(Product product) {
        if (product == null) {
            throw new IllegalArgumentException("product must not be null");
        }
        if (!product.hasVariants()) {
            return List.of(item(product, product.groupId().filter(g -> !g.isBlank())));
        }
        String groupId = groupIdOf(product);
        List<TransformedItem> out = new ArrayList<>(product.variants().size());
        int index = 0;
        for (Product variant : product.variants()) {
            index++;
            if (variant != null) {
                out.add(item(inherit(variant, product, index), Optional.of(groupId)));
            }
        }
        return out;
    }

    private static String groupIdOf(Product parent) {
        return parent.groupId().filter(g -> !g.isBlank())
                .orElse(parent.sku().isBlank() ? parent.productId() : parent.sku()).strip();
    }

    private TransformedItem item(Product p, Optional<String> groupId) {
        String retailerId = p.sku().strip();
        List<ValidationIssue> notes = new ArrayList<>();
        if (p.status() != ProductStatus.ACTIVE) {
            return delete(p, retailerId, notes);
        }
        Availability availability = availability(p);
        Visibility visibility = Visibility.PUBLISHED;
        if (availability == Availability.OUT_OF_STOCK) {
            switch (settings.outOfStockPolicy()) {
                case DELETE:
                    return delete(p, retailerId, notes);
                case HIDE:
                    visibility = Visibility.STAGING;
                    break;
                default:
                    break;
            }
        }
        CatalogItem.Builder b = CatalogItem.builder().id(retailerId).availability(availability)
                .visibility(visibility);
        p.stockQuantity().ifPresent(q -> b.quantityToSellOnFacebook(Math.max(0, q)));
        prices(p, b);
        String title = title(clean("title", "title", p.name(), notes), notes);
        b.title(title.isEmpty() ? null : title);
        descriptions(clean("description", "description", p.description(), notes), title, b, notes);
        link(p.productUrl(), p.slug()).ifPresent(b::link);
        images(p.imageUrls(), b, notes);
        b.brand(clean("brand", "brand", p.brand().filter(s -> !s.isBlank()).map(String::strip), notes)
                .orElse(fallbackBrand));
        b.condition(condition(p.condition(), notes));
        p.gtin().map(g -> g.replace(" ", "").replace("-", "")).filter(g -> !g.isEmpty()).ifPresent(b::gtin);
        text(p.mpn()).ifPresent(b::mpn);
        groupId.ifPresent(b::itemGroupId);
        clean("color", "color", text(p.color()), notes).ifPresent(b::color);
        clean("size", "size", text(p.size()), notes).ifPresent(b::size);
        clean("material", "material", text(p.material()), notes).ifPresent(b::material);
        clean("pattern", "pattern", text(p.pattern()), notes).ifPresent(b::pattern);
        text(p.gender()).ifPresent(g -> b.gender(gender(g, notes)));
        text(p.ageGroup()).ifPresent(a -> b.ageGroup(ageGroup(a, notes)));
        Map<String, String> extra = new LinkedHashMap<>();
        p.extraAttributes().forEach((k, v) -> {
            if (k != null && !k.isBlank() && v != null && !v.isBlank()) {
                extra.put(clean("additional_variant_attribute", "variant attribute name", k.strip(), notes),
                        clean("additional_variant_attribute", "variant attribute value", v.strip(), notes));
            }
        });
        b.additionalVariantAttributes(extra);
        clean("google_product_category", "Google product category", text(p.googleProductCategory()), notes)
                .ifPresent(b::googleProductCategory);
        clean("fb_product_category", "Facebook product category", text(p.fbProductCategory()), notes)
                .ifPresent(b::fbProductCategory);
        clean("product_type", "product type", text(p.productType()), notes).ifPresent(b::productType);
        customLabels(p.customLabels(), b, notes);
        List<LocalizedItem> localized = localized(p, retailerId, notes);
        return new TransformedItem(p.productId(), retailerId, ItemAction.UPSERT, Optional.of(b.build()),
                localized, notes);
    }

    private static TransformedItem delete(Product p, String retailerId, List<ValidationIssue> notes) {
        return new TransformedItem(p.productId(), retailerId, ItemAction.DELETE, Optional.empty(), List.of(), notes);
    }

    private static Availability availability(Product p) {
        if (p.stockQuantity().isEmpty() || p.stockQuantity().get() > 0) {
            return Availability.IN_STOCK;
        }
        return p.backorderPolicy() == BackorderPolicy.ALLOW ? Availability.AVAILABLE_FOR_ORDER
                : Availability.OUT_OF_STOCK;
    }

    private void prices(Product p, CatalogItem.Builder b) {
        if (p.price().isEmpty()) {
            return;
        }
        String currency = p.currency().filter(c -> !c.isBlank()).orElse(currencyCode);
        BigDecimal selling = p.price().get();
        Optional<BigDecimal> compareAt = p.compareAtPrice();
        if (compareAt.isPresent() && compareAt.get().compareTo(selling) > 0) {
            b.price(Price.of(compareAt.get(), currency));
            b.salePrice(Price.of(selling, currency));
            p.salePeriod().ifPresent(s -> b.salePriceEffectiveDate(saleDate(s.start()) + "/" + saleDate(s.end())));
        } else {
            b.price(Price.of(selling, currency));
        }
    }

    /**
     * Formats a sale date the way Meta shows it ({@code 2026-11-27T00:00+01:00}). An offset Meta does not take
     * (outside -12:00 to +14:00, or with seconds) is turned into UTC at the same instant, which the minute-precise
     * format can carry without loss.
     */
    private static String saleDate(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds();
        boolean accepted = offset >= MIN_OFFSET_SECONDS && offset <= MAX_OFFSET_SECONDS && offset % 60 == 0;
        return SALE_DATE.format(accepted ? t : t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * Replaces unpaired UTF-16 surrogates in a text field with U+FFFD, on purpose and with a warning naming the
     * field: such text is not valid Unicode and would otherwise reach Meta with {@code ?} in its place. Ids are
     * never cleaned this way; the validator rejects them.
     */
    private static String clean(String field, String what, String value, List<ValidationIssue> notes) {
        int broken = Text.unpairedSurrogates(value);
        if (broken == 0) {
            return value;
        }
        notes.add(ValidationIssue.warning(field, IssueCode.INVALID_UNICODE, "The " + what + " had " + broken
                + (broken == 1 ? " broken character" : " broken characters") + " (an unpaired UTF-16 surrogate, "
                + "not valid Unicode); " + (broken == 1 ? "it was" : "each was") + " replaced by U+FFFD so the "
                + "rest is sent unchanged. Fix the text in the store."));
        return Text.replaceUnpairedSurrogates(value);
    }

    private static Optional<String> clean(String field, String what, Optional<String> value,
            List<ValidationIssue> notes) {
        return value.map(v -> clean(field, what, v, notes));
    }

    private String title(String name, List<ValidationIssue> notes) {
        String plain = singleLine(Html.hasMarkup(name) ? Html.toText(name) : name);
        String cut = Text.truncate(plain, settings.titleLimit());
        if (!cut.equals(plain)) {
            notes.add(ValidationIssue.warning("title", IssueCode.TRUNCATED, "The title has " + Text.length(plain)
                    + " characters; it was shortened to " + settings.titleLimit() + "."));
        }
        return cut;
    }

    private void descriptions(String html, String title, CatalogItem.Builder b, List<ValidationIssue> notes) {
        String plain = Html.toText(html);
        if (plain.isEmpty()) {
            if (!title.isEmpty()) {
                notes.add(ValidationIssue.warning("description", IssueCode.REQUIRED,
                        "The product has no description; its title was sent instead. Add a description."));
                b.description(title);
            }
            return;
        }
        String cut = Text.truncate(plain, settings.descriptionLimit());
        if (!cut.equals(plain)) {
            notes.add(ValidationIssue.warning("description", IssueCode.TRUNCATED, "The description has "
                    + Text.length(plain) + " characters; it was shortened to " + settings.descriptionLimit() + "."));
        }
        b.description(cut);
        if (Html.hasMarkup(html)) {
            String rich = Html.sanitize(html);
            if (Text.length(rich) > RICH_TEXT_LIMIT) {
                notes.add(ValidationIssue.warning("rich_text_description", IssueCode.DROPPED, "The formatted "
                        + "description is longer than " + RICH_TEXT_LIMIT + " characters, so only the plain text was "
                        + "sent; Instagram shows the plain text."));
            } else if (!rich.isEmpty()) {
                b.richTextDescription(rich);
            }
        }
    }

    private Optional<String> link(Optional<String> productUrl, Optional<String> slug) {
        Optional<String> explicit = text(productUrl);
        if (explicit.isPresent()) {
            return Optional.of(resolve(explicit.get()));
        }
        return text(slug).map(s -> settings.storeUrl() + settings.productPathTemplate()
                .replace("{slug}", encodePath(s)));
    }

    private void images(List<String> urls, CatalogItem.Builder b, List<ValidationIssue> notes) {
        // distinct in first-seen order: a linear check for the usual handful of images, a set beyond that
        List<String> all = new ArrayList<>(urls.size());
        Set<String> seen = null;
        for (String u : urls) {
            if (u != null && !u.isBlank()) {
                String resolved = resolve(u);
                if (seen == null && all.size() >= 16) {
                    seen = new HashSet<>(all);
                }
                if (seen == null ? !all.contains(resolved) : seen.add(resolved)) {
                    all.add(resolved);
                }
            }
        }
        if (all.isEmpty()) {
            return;
        }
        b.imageLink(all.get(0));
        List<String> more = all.subList(1, all.size());
        if (more.size() > settings.maxAdditionalImages()) {
            notes.add(ValidationIssue.warning("additional_image_link", IssueCode.TOO_MANY_IMAGES, "The product has "
                    + all.size() + " images; only the first " + (settings.maxAdditionalImages() + 1) + " were sent."));
            more = more.subList(0, settings.maxAdditionalImages());
        }
        b.additionalImageLinks(new ArrayList<>(more));
    }

    private Condition condition(Optional<String> raw, List<ValidationIssue> notes) {
        Optional<String> value = text(raw);
        if (value.isEmpty()) {
            return settings.defaultCondition();
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        Optional<Condition> c = Condition.fromMetaValue(v);
        if (c.isPresent()) {
            return c.get();
        }
        if (v.startsWith("used") || v.equals("second hand") || v.equals("pre-owned") || v.equals("preowned")) {
            return Condition.USED;
        }
        if (v.startsWith("refurb") || v.equals("renewed")) {
            return Condition.REFURBISHED;
        }
        notes.add(ValidationIssue.warning("condition", IssueCode.INVALID_VALUE, "Condition '" + value.get()
                + "' is not new, refurbished or used; '" + settings.defaultCondition().metaValue() + "' was sent."));
        return settings.defaultCondition();
    }

    private static Gender gender(String raw, List<ValidationIssue> notes) {
        String v = raw.toLowerCase(Locale.ROOT);
        Optional<Gender> g = Gender.fromMetaValue(v);
        if (g.isPresent()) {
            return g.get();
        }
        switch (v) {
            case "f": case "women": case "woman": case "womens": case "women's": case "ladies": case "girls":
                return Gender.FEMALE;
            case "m": case "men": case "man": case "mens": case "men's": case "boys":
                return Gender.MALE;
            case "u": case "all": case "everyone": case "neutral": case "gender neutral":
                return Gender.UNISEX;
            default:
                notes.add(ValidationIssue.warning("gender", IssueCode.INVALID_VALUE, "Gender '" + raw
                        + "' is not female, male or unisex; it was not sent."));
                return null;
        }
    }

    private static AgeGroup ageGroup(String raw, List<ValidationIssue> notes) {
        String v = raw.toLowerCase(Locale.ROOT);
        Optional<AgeGroup> a = AgeGroup.fromMetaValue(v);
        if (a.isPresent()) {
            return a.get();
        }
        switch (v) {
            case "adults": case "grown-up":
                return AgeGroup.ADULT;
            case "all": case "allages": case "any":
                return AgeGroup.ALL_AGES;
            case "teens": case "teenager": case "teenagers":
                return AgeGroup.TEEN;
            case "kid": case "child": case "children":
                return AgeGroup.KIDS;
            case "toddlers":
                return AgeGroup.TODDLER;
            case "baby": case "babies": case "infants":
                return AgeGroup.INFANT;
            case "newborns":
                return AgeGroup.NEWBORN;
            default:
                notes.add(ValidationIssue.warning("age_group", IssueCode.INVALID_VALUE, "Age group '" + raw
                        + "' is not one of adult, all ages, teen, kids, toddler, infant, newborn; it was not sent."));
                return null;
        }
    }

    private static void customLabels(List<String> labels, CatalogItem.Builder b, List<ValidationIssue> notes) {
        List<String> kept = new ArrayList<>();
        for (String l : labels) {
            int i = kept.size();
            String label = l == null ? "" : l.strip();
            kept.add(i < CatalogItem.MAX_CUSTOM_LABELS
                    ? clean("custom_label_" + i, "custom label " + i, label, notes) : label);
        }
        if (kept.size() > CatalogItem.MAX_CUSTOM_LABELS) {
            notes.add(ValidationIssue.warning("custom_label_4", IssueCode.DROPPED, "Meta has five custom labels; "
                    + (kept.size() - CatalogItem.MAX_CUSTOM_LABELS) + " more were not sent."));
            kept = new ArrayList<>(kept.subList(0, CatalogItem.MAX_CUSTOM_LABELS));
        }
        b.customLabels(kept);
    }

    private List<LocalizedItem> localized(Product p, String retailerId, List<ValidationIssue> notes) {
        if (p.translations().isEmpty()) {
            return List.of();
        }
        List<LocalizedItem> out = new ArrayList<>();
        String defaultLanguage = settings.defaultLocale().getLanguage();
        // Meta keys a translation by language only (fr and fr_CA are both fr_XX): one per language is sent, the
        // one for the bare language if there is one, else the first in the product's order
        Map<String, Locale> chosen = new LinkedHashMap<>();
        p.translations().forEach((locale, t) -> {
            if (locale != null && t != null && !locale.getLanguage().isEmpty()
                    && !locale.getLanguage().equals(defaultLanguage)) {
                chosen.merge(locale.getLanguage(), locale, (was, now) -> !bareLanguage(was) && bareLanguage(now)
                        ? now : was);
            }
        });
        p.translations().forEach((locale, t) -> {
            if (locale == null || t == null || locale.getLanguage().isEmpty()
                    || locale.getLanguage().equals(defaultLanguage)) {
                return;
            }
            Locale kept = chosen.get(locale.getLanguage());
            if (!locale.equals(kept)) {
                notes.add(ValidationIssue.warning("translations", IssueCode.DROPPED, "The " + locale.toLanguageTag()
                        + " translation was not sent: Meta takes one translation per language ("
                        + locale.getLanguage() + "_XX), and the " + kept.toLanguageTag() + " one is sent."));
                return;
            }
            String language = locale.getDisplayLanguage(Locale.ENGLISH);
            Optional<String> name = clean("title", language + " title", text(t.name()), notes);
            Optional<String> html = clean("description", language + " description", text(t.description()), notes);
            Optional<String> title = name.map(n -> Text.truncate(
                    singleLine(Html.hasMarkup(n) ? Html.toText(n) : n), settings.titleLimit()));
            Optional<String> description = html.map(Html::toText).filter(s -> !s.isEmpty())
                    .map(s -> Text.truncate(s, settings.descriptionLimit()));
            Optional<String> rich = html.filter(Html::hasMarkup).map(Html::sanitize)
                    .filter(s -> !s.isEmpty() && Text.length(s) <= RICH_TEXT_LIMIT);
            Optional<String> link = link(t.productUrl(), t.slug());
            if (title.isPresent() || description.isPresent() || link.isPresent()) {
                out.add(LocalizedItem.of(retailerId, locale, title, description, rich, link));
            }
        });
        return out;
    }

    private static boolean bareLanguage(Locale l) {
        return l.getCountry().isEmpty() && l.getScript().isEmpty() && l.getVariant().isEmpty();
    }

    /** A variant with what it leaves empty taken from its parent. */
    private static Product inherit(Product v, Product parent, int index) {
        Product.Builder b = v.toBuilder();
        if (v.productId().isBlank()) {
            b.productId(parent.productId() + "#" + index);
        }
        if (v.name().isBlank()) {
            b.name(parent.name());
        }
        if (v.description().isBlank()) {
            b.description(parent.description());
        }
        Map<Locale, ProductTranslation> translations = new LinkedHashMap<>(parent.translations());
        translations.putAll(v.translations());
        b.translations(translations);
        if (v.price().isEmpty()) {
            b.price(parent.price().orElse(null));
            b.compareAtPrice(parent.compareAtPrice().orElse(null));
        }
        b.currency(v.currency().or(parent::currency).orElse(null));
        List<String> images = new ArrayList<>(v.imageUrls());
        images.addAll(parent.imageUrls());
        b.imageUrls(images);
        b.slug(v.slug().or(parent::slug).orElse(null));
        b.productUrl(v.productUrl().or(parent::productUrl).orElse(null));
        b.brand(v.brand().or(parent::brand).orElse(null));
        b.condition(v.condition().or(parent::condition).orElse(null));
        if (parent.status() != ProductStatus.ACTIVE) {
            b.status(parent.status());
        }
        b.color(v.color().or(parent::color).orElse(null));
        b.size(v.size().or(parent::size).orElse(null));
        b.gender(v.gender().or(parent::gender).orElse(null));
        b.ageGroup(v.ageGroup().or(parent::ageGroup).orElse(null));
        b.material(v.material().or(parent::material).orElse(null));
        b.pattern(v.pattern().or(parent::pattern).orElse(null));
        Map<String, String> extra = new LinkedHashMap<>(parent.extraAttributes());
        extra.putAll(v.extraAttributes());
        b.extraAttributes(extra);
        b.googleProductCategory(v.googleProductCategory().or(parent::googleProductCategory).orElse(null));
        b.fbProductCategory(v.fbProductCategory().or(parent::fbProductCategory).orElse(null));
        b.productType(v.productType().or(parent::productType).orElse(null));
        if (v.customLabels().isEmpty()) {
            b.customLabels(parent.customLabels());
        }
        b.salePeriod(v.salePeriod().or(parent::salePeriod).orElse(null));
        return b.build();
    }

    private String resolve(String raw) {
        String u = raw.strip().replace(" ", "%20");
        if (u.startsWith("//")) {
            return "https:" + u;
        }
        // the same answers as the parse below, without parsing: a scheme means the URL is absolute or unparseable
        // (kept as given either way); plain path characters always parse as a relative reference
        if (UrlSyntax.hasSchemeDelimiter(u)) {
            return u;
        }
        if (UrlSyntax.isPlainPath(u, 0)) {
            return settings.storeUrl() + (u.startsWith("/") ? "" : "/") + u;
        }
        try {
            URI uri = new URI(u);
            if (uri.isAbsolute()) {
                return u;
            }
        } catch (URISyntaxException e) {
            return u;
        }
        return settings.storeUrl() + (u.startsWith("/") ? "" : "/") + u;
    }

    /**
     * Percent-encodes each path segment of a slug (UTF-8), keeping the slashes between segments. An unpaired
     * surrogate has no UTF-8 form; it is kept as it is (never turned into {@code ?}, which would end the path), so
     * the validator reports the link.
     */
    static String encodePath(String slug) {
        String s = slug.strip();
        StringBuilder out = new StringBuilder(s.length() + 16);
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                out.append((char) cp);
            } else if (cp < 0x80) {
                appendEncoded(out, cp);
            } else {
                for (byte x : s.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
                    appendEncoded(out, x & 0xFF);
                }
            }
            i += width;
        }
        return out.toString();
    }

    /** One UTF-8 byte of a slug: kept when unreserved (or {@code /}), else percent-encoded. */
    private static void appendEncoded(StringBuilder out, int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                || c == '.' || c == '_' || c == '~' || c == '/') {
            out.append((char) c);
        } else {
            out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
    }

    private static String singleLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && !s.contains("  ")) {
            return s.strip();
        }
        return MULTIPLE_SPACES.matcher(s.replace('\n', ' ').replace('\r', ' ')).replaceAll(" ").strip();
    }

    private static Optional<String> text(Optional<String> s) {
        return s.map(String::strip).filter(v -> !v.isEmpty());
    }
}
