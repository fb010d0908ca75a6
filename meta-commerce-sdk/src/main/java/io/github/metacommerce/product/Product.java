package io.github.metacommerce.product;

import io.github.metacommerce.catalog.AgeGroup;
import io.github.metacommerce.catalog.Condition;
import io.github.metacommerce.catalog.Gender;
import java.util.Objects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A product as the store knows it, independent of any shop system. Built leniently: absent values are empty, never
 * null, so that incomplete store data becomes validation issues naming the field rather than exceptions.
 *
 * <pre>{@code
 * Product tent = Product.builder()
 *         .productId("42").sku("TENT-2P").name("Trail Tent").description("<p>Sleeps <b>two</b>.</p>")
 *         .price(new BigDecimal("179.00")).compareAtPrice(new BigDecimal("199.00"))
 *         .stockQuantity(12).imageUrls("/img/tent.jpg", "/img/tent-inside.jpg").slug("trail-tent")
 *         .brand("Acme").build();
 * }</pre>
 *
 * <p>A product with {@link #variants()} is a parent: only its variants are sent, each with the parent's group id,
 * and each inherits what it leaves empty (texts, prices, images, brand, categories, variant attributes such as
 * material) from the parent.
 *
 * <p>Gender, age group and condition can be set as Meta's enums ({@link Builder#gender(Gender)},
 * {@link Builder#ageGroup(AgeGroup)}, {@link Builder#condition(Condition)}) or as the store writes them
 * ({@code gender("Women")}); the {@link ProductTransformer} maps common store spellings to Meta's values and
 * reports a string it cannot map as a warning naming the field. Their accessors therefore return the text
 * as given (an enum set through the builder reads back as Meta's value, e.g. {@code "female"}): a typed
 * accessor would lose what the store wrote, which the warning quotes.
 *
 * <p>Products are created only through {@link #builder()} (or {@link #toBuilder()} from another product), so
 * that fields can be added in later releases without breaking callers.
 */
public final class Product {
    private final String productId;
    private final String sku;
    private final String name;
    private final String description;
    private final Map<Locale, ProductTranslation> translations;
    private final Optional<BigDecimal> price;
    private final Optional<BigDecimal> compareAtPrice;
    private final Optional<String> currency;
    private final Optional<Integer> stockQuantity;
    private final BackorderPolicy backorderPolicy;
    private final List<String> imageUrls;
    private final Optional<String> slug;
    private final Optional<String> productUrl;
    private final Optional<String> brand;
    private final Optional<String> condition;
    private final Optional<String> gtin;
    private final Optional<String> mpn;
    private final ProductStatus status;
    private final Optional<String> groupId;
    private final Optional<String> color;
    private final Optional<String> size;
    private final Optional<String> gender;
    private final Optional<String> ageGroup;
    private final Optional<String> material;
    private final Optional<String> pattern;
    private final Map<String, String> extraAttributes;
    private final Optional<String> googleProductCategory;
    private final Optional<String> fbProductCategory;
    private final Optional<String> productType;
    private final List<String> customLabels;
    private final Optional<SalePeriod> salePeriod;
    private final List<Product> variants;

    /** Normalises absent values and copies collections. */
    private Product(
            String productId,
            String sku,
            String name,
            String description,
            Map<Locale, ProductTranslation> translations,
            Optional<BigDecimal> price,
            Optional<BigDecimal> compareAtPrice,
            Optional<String> currency,
            Optional<Integer> stockQuantity,
            BackorderPolicy backorderPolicy,
            List<String> imageUrls,
            Optional<String> slug,
            Optional<String> productUrl,
            Optional<String> brand,
            Optional<String> condition,
            Optional<String> gtin,
            Optional<String> mpn,
            ProductStatus status,
            Optional<String> groupId,
            Optional<String> color,
            Optional<String> size,
            Optional<String> gender,
            Optional<String> ageGroup,
            Optional<String> material,
            Optional<String> pattern,
            Map<String, String> extraAttributes,
            Optional<String> googleProductCategory,
            Optional<String> fbProductCategory,
            Optional<String> productType,
            List<String> customLabels,
            Optional<SalePeriod> salePeriod,
            List<Product> variants) {
        productId = productId == null ? "" : productId;
        sku = sku == null ? "" : sku;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        translations = translations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(translations));
        price = price == null ? Optional.empty() : price;
        compareAtPrice = compareAtPrice == null ? Optional.empty() : compareAtPrice;
        currency = currency == null ? Optional.empty() : currency;
        stockQuantity = stockQuantity == null ? Optional.empty() : stockQuantity;
        backorderPolicy = backorderPolicy == null ? BackorderPolicy.DENY : backorderPolicy;
        imageUrls = imageUrls == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(imageUrls));
        slug = slug == null ? Optional.empty() : slug;
        productUrl = productUrl == null ? Optional.empty() : productUrl;
        brand = brand == null ? Optional.empty() : brand;
        condition = condition == null ? Optional.empty() : condition;
        gtin = gtin == null ? Optional.empty() : gtin;
        mpn = mpn == null ? Optional.empty() : mpn;
        status = status == null ? ProductStatus.ACTIVE : status;
        groupId = groupId == null ? Optional.empty() : groupId;
        color = color == null ? Optional.empty() : color;
        size = size == null ? Optional.empty() : size;
        gender = gender == null ? Optional.empty() : gender;
        ageGroup = ageGroup == null ? Optional.empty() : ageGroup;
        material = material == null ? Optional.empty() : material;
        pattern = pattern == null ? Optional.empty() : pattern;
        extraAttributes = extraAttributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraAttributes));
        googleProductCategory = googleProductCategory == null ? Optional.empty() : googleProductCategory;
        fbProductCategory = fbProductCategory == null ? Optional.empty() : fbProductCategory;
        productType = productType == null ? Optional.empty() : productType;
        customLabels = customLabels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(customLabels));
        salePeriod = salePeriod == null ? Optional.empty() : salePeriod;
        variants = variants == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(variants));
        this.productId = productId;
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.translations = translations;
        this.price = price;
        this.compareAtPrice = compareAtPrice;
        this.currency = currency;
        this.stockQuantity = stockQuantity;
        this.backorderPolicy = backorderPolicy;
        this.imageUrls = imageUrls;
        this.slug = slug;
        this.productUrl = productUrl;
        this.brand = brand;
        this.condition = condition;
        this.gtin = gtin;
        this.mpn = mpn;
        this.status = status;
        this.groupId = groupId;
        this.color = color;
        this.size = size;
        this.gender = gender;
        this.ageGroup = ageGroup;
        this.material = material;
        this.pattern = pattern;
        this.extraAttributes = extraAttributes;
        this.googleProductCategory = googleProductCategory;
        this.fbProductCategory = fbProductCategory;
        this.productType = productType;
        this.customLabels = customLabels;
        this.salePeriod = salePeriod;
        this.variants = variants;
    }

    /**
     * Returns the store's product id.
     *
     * @return the store's product id
     */
    public String productId() {
        return productId;
    }

    /**
     * Returns the SKU, sent as Meta's retailer id; empty when the store has none.
     *
     * @return the SKU, sent as Meta's retailer id; empty when the store has none
     */
    public String sku() {
        return sku;
    }

    /**
     * Returns the name in the store's default language.
     *
     * @return the name in the store's default language
     */
    public String name() {
        return name;
    }

    /**
     * Returns the description in the default language, HTML allowed.
     *
     * @return the description in the default language, HTML allowed
     */
    public String description() {
        return description;
    }

    /**
     * Returns name, description and page per other language.
     *
     * @return name, description and page per other language
     */
    public Map<Locale, ProductTranslation> translations() {
        return translations;
    }

    /**
     * Returns the selling price.
     *
     * @return the selling price
     */
    public Optional<BigDecimal> price() {
        return price;
    }

    /**
     * Returns the regular price when the product is on sale ("compare at").
     *
     * @return the regular price when the product is on sale ("compare at")
     */
    public Optional<BigDecimal> compareAtPrice() {
        return compareAtPrice;
    }

    /**
     * Returns the ISO 4217 currency, when it differs from the store's.
     *
     * @return the ISO 4217 currency, when it differs from the store's
     */
    public Optional<String> currency() {
        return currency;
    }

    /**
     * Returns the stock; empty when the store does not track it.
     *
     * @return the stock; empty when the store does not track it
     */
    public Optional<Integer> stockQuantity() {
        return stockQuantity;
    }

    /**
     * Returns whether it can be ordered without stock.
     *
     * @return whether it can be ordered without stock
     */
    public BackorderPolicy backorderPolicy() {
        return backorderPolicy;
    }

    /**
     * Returns image URLs in display order, absolute or relative to the store.
     *
     * @return image URLs in display order, absolute or relative to the store
     */
    public List<String> imageUrls() {
        return imageUrls;
    }

    /**
     * Returns the URL slug, used with the store's URL template.
     *
     * @return the URL slug, used with the store's URL template
     */
    public Optional<String> slug() {
        return slug;
    }

    /**
     * Returns an explicit product page URL, preferred over the slug.
     *
     * @return an explicit product page URL, preferred over the slug
     */
    public Optional<String> productUrl() {
        return productUrl;
    }

    /**
     * Returns the brand.
     *
     * @return the brand
     */
    public Optional<String> brand() {
        return brand;
    }

    /**
     * Returns the condition as the store writes it (new, used, refurbished).
     *
     * @return the condition as the store writes it (new, used, refurbished)
     */
    public Optional<String> condition() {
        return condition;
    }

    /**
     * Returns the GTIN (UPC, EAN, ISBN...).
     *
     * @return the GTIN (UPC, EAN, ISBN...)
     */
    public Optional<String> gtin() {
        return gtin;
    }

    /**
     * Returns the manufacturer part number.
     *
     * @return the manufacturer part number
     */
    public Optional<String> mpn() {
        return mpn;
    }

    /**
     * Returns the status in the store.
     *
     * @return the status in the store
     */
    public ProductStatus status() {
        return status;
    }

    /**
     * Returns the variant group id, for a variant listed on its own.
     *
     * @return the variant group id, for a variant listed on its own
     */
    public Optional<String> groupId() {
        return groupId;
    }

    /**
     * Returns the color.
     *
     * @return the color
     */
    public Optional<String> color() {
        return color;
    }

    /**
     * Returns the size.
     *
     * @return the size
     */
    public Optional<String> size() {
        return size;
    }

    /**
     * Returns the gender as the store writes it (women, men, unisex...).
     *
     * @return the gender as the store writes it (women, men, unisex...)
     */
    public Optional<String> gender() {
        return gender;
    }

    /**
     * Returns the age group as the store writes it (adult, kids...).
     *
     * @return the age group as the store writes it (adult, kids...)
     */
    public Optional<String> ageGroup() {
        return ageGroup;
    }

    /**
     * Returns the material.
     *
     * @return the material
     */
    public Optional<String> material() {
        return material;
    }

    /**
     * Returns the pattern.
     *
     * @return the pattern
     */
    public Optional<String> pattern() {
        return pattern;
    }

    /**
     * Returns further variant axes, label to value (e.g. Scent: Vanilla).
     *
     * @return further variant axes, label to value (e.g. Scent: Vanilla)
     */
    public Map<String, String> extraAttributes() {
        return extraAttributes;
    }

    /**
     * Returns the Google product category.
     *
     * @return the Google product category
     */
    public Optional<String> googleProductCategory() {
        return googleProductCategory;
    }

    /**
     * Returns the Facebook product category.
     *
     * @return the Facebook product category
     */
    public Optional<String> fbProductCategory() {
        return fbProductCategory;
    }

    /**
     * Returns the store's own category path.
     *
     * @return the store's own category path
     */
    public Optional<String> productType() {
        return productType;
    }

    /**
     * Returns custom labels 0 to 4 by position.
     *
     * @return custom labels 0 to 4 by position
     */
    public List<String> customLabels() {
        return customLabels;
    }

    /**
     * Returns when the sale price applies.
     *
     * @return when the sale price applies
     */
    public Optional<SalePeriod> salePeriod() {
        return salePeriod;
    }

    /**
     * Returns the variants; the product itself is then never sent.
     *
     * @return the variants; the product itself is then never sent
     */
    public List<Product> variants() {
        return variants;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Product that)) {
            return false;
        }
        return Objects.equals(productId, that.productId)
                && Objects.equals(sku, that.sku)
                && Objects.equals(name, that.name)
                && Objects.equals(description, that.description)
                && Objects.equals(translations, that.translations)
                && Objects.equals(price, that.price)
                && Objects.equals(compareAtPrice, that.compareAtPrice)
                && Objects.equals(currency, that.currency)
                && Objects.equals(stockQuantity, that.stockQuantity)
                && Objects.equals(backorderPolicy, that.backorderPolicy)
                && Objects.equals(imageUrls, that.imageUrls)
                && Objects.equals(slug, that.slug)
                && Objects.equals(productUrl, that.productUrl)
                && Objects.equals(brand, that.brand)
                && Objects.equals(condition, that.condition)
                && Objects.equals(gtin, that.gtin)
                && Objects.equals(mpn, that.mpn)
                && Objects.equals(status, that.status)
                && Objects.equals(groupId, that.groupId)
                && Objects.equals(color, that.color)
                && Objects.equals(size, that.size)
                && Objects.equals(gender, that.gender)
                && Objects.equals(ageGroup, that.ageGroup)
                && Objects.equals(material, that.material)
                && Objects.equals(pattern, that.pattern)
                && Objects.equals(extraAttributes, that.extraAttributes)
                && Objects.equals(googleProductCategory, that.googleProductCategory)
                && Objects.equals(fbProductCategory, that.fbProductCategory)
                && Objects.equals(productType, that.productType)
                && Objects.equals(customLabels, that.customLabels)
                && Objects.equals(salePeriod, that.salePeriod)
                && Objects.equals(variants, that.variants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                productId,
                sku,
                name,
                description,
                translations,
                price,
                compareAtPrice,
                currency,
                stockQuantity,
                backorderPolicy,
                imageUrls,
                slug,
                productUrl,
                brand,
                condition,
                gtin,
                mpn,
                status,
                groupId,
                color,
                size,
                gender,
                ageGroup,
                material,
                pattern,
                extraAttributes,
                googleProductCategory,
                fbProductCategory,
                productType,
                customLabels,
                salePeriod,
                variants);
    }

    @Override
    public String toString() {
        return "Product[productId=" + productId
                + ", sku=" + sku
                + ", name=" + name
                + ", description=" + description
                + ", translations=" + translations
                + ", price=" + price
                + ", compareAtPrice=" + compareAtPrice
                + ", currency=" + currency
                + ", stockQuantity=" + stockQuantity
                + ", backorderPolicy=" + backorderPolicy
                + ", imageUrls=" + imageUrls
                + ", slug=" + slug
                + ", productUrl=" + productUrl
                + ", brand=" + brand
                + ", condition=" + condition
                + ", gtin=" + gtin
                + ", mpn=" + mpn
                + ", status=" + status
                + ", groupId=" + groupId
                + ", color=" + color
                + ", size=" + size
                + ", gender=" + gender
                + ", ageGroup=" + ageGroup
                + ", material=" + material
                + ", pattern=" + pattern
                + ", extraAttributes=" + extraAttributes
                + ", googleProductCategory=" + googleProductCategory
                + ", fbProductCategory=" + fbProductCategory
                + ", productType=" + productType
                + ", customLabels=" + customLabels
                + ", salePeriod=" + salePeriod
                + ", variants=" + variants + "]";
    }

    /**
     * Starts a builder.
     *
     * @return a builder with everything empty and status ACTIVE
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this product's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.productId = productId;
        b.sku = sku;
        b.name = name;
        b.description = description;
        b.translations = translations;
        b.price = price;
        b.compareAtPrice = compareAtPrice;
        b.currency = currency;
        b.stockQuantity = stockQuantity;
        b.backorderPolicy = backorderPolicy;
        b.imageUrls = imageUrls;
        b.slug = slug;
        b.productUrl = productUrl;
        b.brand = brand;
        b.condition = condition;
        b.gtin = gtin;
        b.mpn = mpn;
        b.status = status;
        b.groupId = groupId;
        b.color = color;
        b.size = size;
        b.gender = gender;
        b.ageGroup = ageGroup;
        b.material = material;
        b.pattern = pattern;
        b.extraAttributes = extraAttributes;
        b.googleProductCategory = googleProductCategory;
        b.fbProductCategory = fbProductCategory;
        b.productType = productType;
        b.customLabels = customLabels;
        b.salePeriod = salePeriod;
        b.variants = variants;
        return b;
    }

    /**
     * Returns whether this product is a parent whose variants are sent instead of it.
     *
     * @return {@code true} when it has variants
     */
    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    /** Builds a {@link Product}; every setter accepts null as "not set". */
    public static final class Builder {
        private String productId = "";
        private String sku = "";
        private String name = "";
        private String description = "";
        private Map<Locale, ProductTranslation> translations = Map.of();
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<BigDecimal> compareAtPrice = Optional.empty();
        private Optional<String> currency = Optional.empty();
        private Optional<Integer> stockQuantity = Optional.empty();
        private BackorderPolicy backorderPolicy = BackorderPolicy.DENY;
        private List<String> imageUrls = List.of();
        private Optional<String> slug = Optional.empty();
        private Optional<String> productUrl = Optional.empty();
        private Optional<String> brand = Optional.empty();
        private Optional<String> condition = Optional.empty();
        private Optional<String> gtin = Optional.empty();
        private Optional<String> mpn = Optional.empty();
        private ProductStatus status = ProductStatus.ACTIVE;
        private Optional<String> groupId = Optional.empty();
        private Optional<String> color = Optional.empty();
        private Optional<String> size = Optional.empty();
        private Optional<String> gender = Optional.empty();
        private Optional<String> ageGroup = Optional.empty();
        private Optional<String> material = Optional.empty();
        private Optional<String> pattern = Optional.empty();
        private Map<String, String> extraAttributes = Map.of();
        private Optional<String> googleProductCategory = Optional.empty();
        private Optional<String> fbProductCategory = Optional.empty();
        private Optional<String> productType = Optional.empty();
        private List<String> customLabels = List.of();
        private Optional<SalePeriod> salePeriod = Optional.empty();
        private List<Product> variants = List.of();

        private Builder() {
        }

        /**
         * Sets the store's product id.
         *
         * @param productId the value, or null for empty
         * @return this builder
         */
        public Builder productId(String productId) {
            this.productId = productId == null ? "" : productId;
            return this;
        }

        /**
         * Sets the SKU, sent as Meta's retailer id; empty when the store has none.
         *
         * @param sku the value, or null for empty
         * @return this builder
         */
        public Builder sku(String sku) {
            this.sku = sku == null ? "" : sku;
            return this;
        }

        /**
         * Sets the name in the store's default language.
         *
         * @param name the value, or null for empty
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name == null ? "" : name;
            return this;
        }

        /**
         * Sets the description in the default language, HTML allowed.
         *
         * @param description the value, or null for empty
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /**
         * Sets name, description and page per other language.
         *
         * @param translations the value, or null for none
         * @return this builder
         */
        public Builder translations(Map<Locale, ProductTranslation> translations) {
            this.translations = translations == null ? Map.of() : translations;
            return this;
        }

        /**
         * Sets the selling price.
         *
         * @param price the value, or null for none
         * @return this builder
         */
        public Builder price(BigDecimal price) {
            this.price = Optional.ofNullable(price);
            return this;
        }

        /**
         * Sets the regular price when the product is on sale ("compare at").
         *
         * @param compareAtPrice the value, or null for none
         * @return this builder
         */
        public Builder compareAtPrice(BigDecimal compareAtPrice) {
            this.compareAtPrice = Optional.ofNullable(compareAtPrice);
            return this;
        }

        /**
         * Sets the ISO 4217 currency, when it differs from the store's.
         *
         * @param currency the value, or null for none
         * @return this builder
         */
        public Builder currency(String currency) {
            this.currency = Optional.ofNullable(currency);
            return this;
        }

        /**
         * Sets the stock; empty when the store does not track it.
         *
         * @param stockQuantity the value, or null for none
         * @return this builder
         */
        public Builder stockQuantity(Integer stockQuantity) {
            this.stockQuantity = Optional.ofNullable(stockQuantity);
            return this;
        }

        /**
         * Sets whether it can be ordered without stock.
         *
         * @param backorderPolicy the value, or null for BackorderPolicy.DENY
         * @return this builder
         */
        public Builder backorderPolicy(BackorderPolicy backorderPolicy) {
            this.backorderPolicy = backorderPolicy == null ? BackorderPolicy.DENY : backorderPolicy;
            return this;
        }

        /**
         * Sets image URLs in display order, absolute or relative to the store.
         *
         * @param imageUrls the values, or null for none
         * @return this builder
         */
        public Builder imageUrls(List<String> imageUrls) {
            this.imageUrls = imageUrls == null ? List.of() : imageUrls;
            return this;
        }

        /**
         * Sets image URLs in display order, absolute or relative to the store.
         *
         * @param imageUrls the values
         * @return this builder
         */
        public Builder imageUrls(String... imageUrls) {
            this.imageUrls = imageUrls == null ? List.of() : Arrays.asList(imageUrls);
            return this;
        }

        /**
         * Sets the URL slug, used with the store's URL template.
         *
         * @param slug the value, or null for none
         * @return this builder
         */
        public Builder slug(String slug) {
            this.slug = Optional.ofNullable(slug);
            return this;
        }

        /**
         * Sets an explicit product page URL, preferred over the slug.
         *
         * @param productUrl the value, or null for none
         * @return this builder
         */
        public Builder productUrl(String productUrl) {
            this.productUrl = Optional.ofNullable(productUrl);
            return this;
        }

        /**
         * Sets the brand.
         *
         * @param brand the value, or null for none
         * @return this builder
         */
        public Builder brand(String brand) {
            this.brand = Optional.ofNullable(brand);
            return this;
        }

        /**
         * Sets the condition as the store writes it (new, used, refurbished).
         *
         * @param condition the value, or null for none
         * @return this builder
         */
        public Builder condition(String condition) {
            this.condition = Optional.ofNullable(condition);
            return this;
        }

        /**
         * Sets the condition as one of Meta's values; the same as {@code condition(condition.metaValue())}.
         *
         * @param condition the value, or null for none
         * @return this builder
         */
        public Builder condition(Condition condition) {
            this.condition = Optional.ofNullable(condition).map(Condition::metaValue);
            return this;
        }

        /**
         * Sets the GTIN (UPC, EAN, ISBN...).
         *
         * @param gtin the value, or null for none
         * @return this builder
         */
        public Builder gtin(String gtin) {
            this.gtin = Optional.ofNullable(gtin);
            return this;
        }

        /**
         * Sets the manufacturer part number.
         *
         * @param mpn the value, or null for none
         * @return this builder
         */
        public Builder mpn(String mpn) {
            this.mpn = Optional.ofNullable(mpn);
            return this;
        }

        /**
         * Sets the status in the store.
         *
         * @param status the value, or null for ProductStatus.ACTIVE
         * @return this builder
         */
        public Builder status(ProductStatus status) {
            this.status = status == null ? ProductStatus.ACTIVE : status;
            return this;
        }

        /**
         * Sets the variant group id, for a variant listed on its own.
         *
         * @param groupId the value, or null for none
         * @return this builder
         */
        public Builder groupId(String groupId) {
            this.groupId = Optional.ofNullable(groupId);
            return this;
        }

        /**
         * Sets the color.
         *
         * @param color the value, or null for none
         * @return this builder
         */
        public Builder color(String color) {
            this.color = Optional.ofNullable(color);
            return this;
        }

        /**
         * Sets the size.
         *
         * @param size the value, or null for none
         * @return this builder
         */
        public Builder size(String size) {
            this.size = Optional.ofNullable(size);
            return this;
        }

        /**
         * Sets the gender as the store writes it (women, men, unisex...).
         *
         * @param gender the value, or null for none
         * @return this builder
         */
        public Builder gender(String gender) {
            this.gender = Optional.ofNullable(gender);
            return this;
        }

        /**
         * Sets the gender as one of Meta's values; the same as {@code gender(gender.metaValue())}.
         *
         * @param gender the value, or null for none
         * @return this builder
         */
        public Builder gender(Gender gender) {
            this.gender = Optional.ofNullable(gender).map(Gender::metaValue);
            return this;
        }

        /**
         * Sets the age group as the store writes it (adult, kids...).
         *
         * @param ageGroup the value, or null for none
         * @return this builder
         */
        public Builder ageGroup(String ageGroup) {
            this.ageGroup = Optional.ofNullable(ageGroup);
            return this;
        }

        /**
         * Sets the age group as one of Meta's values; the same as {@code ageGroup(ageGroup.metaValue())}.
         *
         * @param ageGroup the value, or null for none
         * @return this builder
         */
        public Builder ageGroup(AgeGroup ageGroup) {
            this.ageGroup = Optional.ofNullable(ageGroup).map(AgeGroup::metaValue);
            return this;
        }

        /**
         * Sets the material.
         *
         * @param material the value, or null for none
         * @return this builder
         */
        public Builder material(String material) {
            this.material = Optional.ofNullable(material);
            return this;
        }

        /**
         * Sets the pattern.
         *
         * @param pattern the value, or null for none
         * @return this builder
         */
        public Builder pattern(String pattern) {
            this.pattern = Optional.ofNullable(pattern);
            return this;
        }

        /**
         * Sets further variant axes, label to value (e.g. Scent: Vanilla).
         *
         * @param extraAttributes the value, or null for none
         * @return this builder
         */
        public Builder extraAttributes(Map<String, String> extraAttributes) {
            this.extraAttributes = extraAttributes == null ? Map.of() : extraAttributes;
            return this;
        }

        /**
         * Sets the Google product category.
         *
         * @param googleProductCategory the value, or null for none
         * @return this builder
         */
        public Builder googleProductCategory(String googleProductCategory) {
            this.googleProductCategory = Optional.ofNullable(googleProductCategory);
            return this;
        }

        /**
         * Sets the Facebook product category.
         *
         * @param fbProductCategory the value, or null for none
         * @return this builder
         */
        public Builder fbProductCategory(String fbProductCategory) {
            this.fbProductCategory = Optional.ofNullable(fbProductCategory);
            return this;
        }

        /**
         * Sets the store's own category path.
         *
         * @param productType the value, or null for none
         * @return this builder
         */
        public Builder productType(String productType) {
            this.productType = Optional.ofNullable(productType);
            return this;
        }

        /**
         * Sets custom labels 0 to 4 by position.
         *
         * @param customLabels the values, or null for none
         * @return this builder
         */
        public Builder customLabels(List<String> customLabels) {
            this.customLabels = customLabels == null ? List.of() : customLabels;
            return this;
        }

        /**
         * Sets custom labels 0 to 4 by position.
         *
         * @param customLabels the values
         * @return this builder
         */
        public Builder customLabels(String... customLabels) {
            this.customLabels = customLabels == null ? List.of() : Arrays.asList(customLabels);
            return this;
        }

        /**
         * Sets when the sale price applies.
         *
         * @param salePeriod the value, or null for none
         * @return this builder
         */
        public Builder salePeriod(SalePeriod salePeriod) {
            this.salePeriod = Optional.ofNullable(salePeriod);
            return this;
        }

        /**
         * Sets the variants. Each variant is a product of its own that inherits what it leaves empty from this
         * one; variants cannot have variants.
         *
         * @param variants the variants, or null for none
         * @return this builder
         * @throws IllegalArgumentException if a variant has variants of its own
         */
        public Builder variants(List<Product> variants) {
            List<Product> list = variants == null ? List.of() : variants;
            for (Product v : list) {
                if (v != null && !v.variants().isEmpty()) {
                    throw new IllegalArgumentException("variants must not have variants of their own (variant "
                            + v.productId() + ")");
                }
            }
            this.variants = list;
            return this;
        }

        /**
         * Adds a translation.
         *
         * @param locale the language
         * @param translation the texts in that language
         * @return this builder
         */
        public Builder translation(Locale locale, ProductTranslation translation) {
            if (locale != null && translation != null) {
                Map<Locale, ProductTranslation> m = new LinkedHashMap<>(translations);
                m.put(locale, translation);
                this.translations = m;
            }
            return this;
        }

        /**
         * Adds one further variant attribute.
         *
         * @param label the label, e.g. "Scent"
         * @param value the value, e.g. "Vanilla"
         * @return this builder
         */
        public Builder extraAttribute(String label, String value) {
            if (label != null && value != null) {
                Map<String, String> m = new LinkedHashMap<>(extraAttributes);
                m.put(label, value);
                this.extraAttributes = m;
            }
            return this;
        }

        /**
         * Builds the product. Never throws on incomplete data.
         *
         * @return the product
         */
        public Product build() {
            return new Product(productId, sku, name, description, translations, price, compareAtPrice, currency, stockQuantity, backorderPolicy, imageUrls, slug, productUrl, brand, condition, gtin, mpn, status, groupId, color, size, gender, ageGroup, material, pattern, extraAttributes, googleProductCategory, fbProductCategory, productType, customLabels, salePeriod, variants);
        }
    }
}
