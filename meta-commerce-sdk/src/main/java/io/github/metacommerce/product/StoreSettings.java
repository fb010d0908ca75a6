package io.github.metacommerce.product;

import io.github.metacommerce.catalog.Condition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one store's products become Meta catalog items: where product pages live, the currency, defaults, limits and
 * the out-of-stock policy.
 *
 * <pre>{@code
 * StoreSettings settings = StoreSettings.builder()
 *         .storeUrl("https://shop.example")
 *         .currency("EUR")
 *         .productPathTemplate("/p/{slug}")
 *         .outOfStockPolicy(OutOfStockPolicy.HIDE)
 *         .build();
 * }</pre>
 */
public final class StoreSettings {
    private final URI storeUrl;
    private final String productPathTemplate;
    private final Currency currency;
    private final Optional<String> defaultBrand;
    private final Condition defaultCondition;
    private final int titleLimit;
    private final int descriptionLimit;
    private final int maxAdditionalImages;
    private final OutOfStockPolicy outOfStockPolicy;
    private final Locale defaultLocale;

    /** Default product page path. */
    public static final String DEFAULT_PRODUCT_PATH_TEMPLATE = "/products/{slug}";
    /** Default title limit: 150 code points, as Meta's WooCommerce integration uses. */
    public static final int DEFAULT_TITLE_LIMIT = 150;
    /** Default description limit: 5,000 code points, the items_batch limit. */
    public static final int DEFAULT_DESCRIPTION_LIMIT = 5000;
    /** Default number of additional images: 20, the feed limit. */
    public static final int DEFAULT_MAX_ADDITIONAL_IMAGES = 20;

    /** Validates the settings, naming the bad option. */
    private StoreSettings(
            URI storeUrl,
            String productPathTemplate,
            Currency currency,
            Optional<String> defaultBrand,
            Condition defaultCondition,
            int titleLimit,
            int descriptionLimit,
            int maxAdditionalImages,
            OutOfStockPolicy outOfStockPolicy,
            Locale defaultLocale) {
        storeUrl = checkStoreUrl(storeUrl);
        if (productPathTemplate == null || !productPathTemplate.contains("{slug}")) {
            throw new IllegalArgumentException("productPathTemplate must contain {slug}, e.g. /products/{slug}");
        }
        if (!productPathTemplate.startsWith("/")) {
            productPathTemplate = "/" + productPathTemplate;
        }
        Objects.requireNonNull(currency, "currency must not be null");
        defaultBrand = defaultBrand == null ? Optional.empty() : defaultBrand.filter(b -> !b.isBlank());
        Objects.requireNonNull(defaultCondition, "defaultCondition must not be null");
        if (titleLimit < 1 || titleLimit > 200) {
            throw new IllegalArgumentException("titleLimit must be between 1 and 200, was " + titleLimit);
        }
        if (descriptionLimit < 1 || descriptionLimit > 9999) {
            throw new IllegalArgumentException("descriptionLimit must be between 1 and 9999, was " + descriptionLimit);
        }
        if (maxAdditionalImages < 0 || maxAdditionalImages > 20) {
            throw new IllegalArgumentException("maxAdditionalImages must be between 0 and 20, was "
                    + maxAdditionalImages);
        }
        Objects.requireNonNull(outOfStockPolicy, "outOfStockPolicy must not be null");
        Objects.requireNonNull(defaultLocale, "defaultLocale must not be null");
        this.storeUrl = storeUrl;
        this.productPathTemplate = productPathTemplate;
        this.currency = currency;
        this.defaultBrand = defaultBrand;
        this.defaultCondition = defaultCondition;
        this.titleLimit = titleLimit;
        this.descriptionLimit = descriptionLimit;
        this.maxAdditionalImages = maxAdditionalImages;
        this.outOfStockPolicy = outOfStockPolicy;
        this.defaultLocale = defaultLocale;
    }

    /**
     * Returns the store's base URL, https (http only for localhost), no trailing slash.
     *
     * @return the store's base URL, https (http only for localhost), no trailing slash
     */
    public URI storeUrl() {
        return storeUrl;
    }

    /**
     * Returns the product page path with a {@code {slug}} placeholder, e.g. {@code /products/{slug}}.
     *
     * @return the product page path with a {@code {slug}} placeholder, e.g. {@code /products/{slug}}
     */
    public String productPathTemplate() {
        return productPathTemplate;
    }

    /**
     * Returns the store's currency.
     *
     * @return the store's currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the brand for products without one; empty means the store's host name.
     *
     * @return the brand for products without one; empty means the store's host name
     */
    public Optional<String> defaultBrand() {
        return defaultBrand;
    }

    /**
     * Returns the condition for products without one.
     *
     * @return the condition for products without one
     */
    public Condition defaultCondition() {
        return defaultCondition;
    }

    /**
     * Returns the longest title sent, in code points (1 to 200).
     *
     * @return the longest title sent, in code points (1 to 200)
     */
    public int titleLimit() {
        return titleLimit;
    }

    /**
     * Returns the longest plain-text description sent, in code points (1 to 9,999).
     *
     * @return the longest plain-text description sent, in code points (1 to 9,999)
     */
    public int descriptionLimit() {
        return descriptionLimit;
    }

    /**
     * Returns how many images after the first are sent (0 to 20).
     *
     * @return how many images after the first are sent (0 to 20)
     */
    public int maxAdditionalImages() {
        return maxAdditionalImages;
    }

    /**
     * Returns what happens to out-of-stock products.
     *
     * @return what happens to out-of-stock products
     */
    public OutOfStockPolicy outOfStockPolicy() {
        return outOfStockPolicy;
    }

    /**
     * Returns the language of the product's own texts; translations into it are ignored.
     *
     * @return the language of the product's own texts; translations into it are ignored
     */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StoreSettings that)) {
            return false;
        }
        return Objects.equals(storeUrl, that.storeUrl)
                && Objects.equals(productPathTemplate, that.productPathTemplate)
                && Objects.equals(currency, that.currency)
                && Objects.equals(defaultBrand, that.defaultBrand)
                && Objects.equals(defaultCondition, that.defaultCondition)
                && titleLimit == that.titleLimit
                && descriptionLimit == that.descriptionLimit
                && maxAdditionalImages == that.maxAdditionalImages
                && Objects.equals(outOfStockPolicy, that.outOfStockPolicy)
                && Objects.equals(defaultLocale, that.defaultLocale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                storeUrl,
                productPathTemplate,
                currency,
                defaultBrand,
                defaultCondition,
                titleLimit,
                descriptionLimit,
                maxAdditionalImages,
                outOfStockPolicy,
                defaultLocale);
    }

    @Override
    public String toString() {
        return "StoreSettings[storeUrl=" + storeUrl
                + ", productPathTemplate=" + productPathTemplate
                + ", currency=" + currency
                + ", defaultBrand=" + defaultBrand
                + ", defaultCondition=" + defaultCondition
                + ", titleLimit=" + titleLimit
                + ", descriptionLimit=" + descriptionLimit
                + ", maxAdditionalImages=" + maxAdditionalImages
                + ", outOfStockPolicy=" + outOfStockPolicy
                + ", defaultLocale=" + defaultLocale + "]";
    }

    /**
     * Returns the brand used for products without one: the default brand, else the store's host name.
     *
     * @return the fallback brand
     */
    public String fallbackBrand() {
        return defaultBrand.orElseGet(() -> {
            String host = storeUrl.getHost();
            return host.startsWith("www.") ? host.substring(4) : host;
        });
    }

    /**
     * Starts a builder; {@link Builder#storeUrl(String)} and {@link Builder#currency(String)} are required.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.storeUrl = storeUrl;
        b.productPathTemplate = productPathTemplate;
        b.currency = currency;
        b.defaultBrand = defaultBrand.orElse(null);
        b.defaultCondition = defaultCondition;
        b.titleLimit = titleLimit;
        b.descriptionLimit = descriptionLimit;
        b.maxAdditionalImages = maxAdditionalImages;
        b.outOfStockPolicy = outOfStockPolicy;
        b.defaultLocale = defaultLocale;
        return b;
    }

    private static URI checkStoreUrl(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("storeUrl is required, e.g. https://shop.example");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (host == null || !("https".equals(scheme) || ("http".equals(scheme) && local))) {
            throw new IllegalArgumentException("storeUrl must be an absolute https URL such as https://shop.example"
                    + " (Meta requires product links on the merchant's own https site), was: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("storeUrl must not carry a query or fragment, was: " + uri);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** Builds {@link StoreSettings}. */
    public static final class Builder {
        private URI storeUrl;
        private String productPathTemplate = DEFAULT_PRODUCT_PATH_TEMPLATE;
        private Currency currency;
        private String defaultBrand;
        private Condition defaultCondition = Condition.NEW;
        private int titleLimit = DEFAULT_TITLE_LIMIT;
        private int descriptionLimit = DEFAULT_DESCRIPTION_LIMIT;
        private int maxAdditionalImages = DEFAULT_MAX_ADDITIONAL_IMAGES;
        private OutOfStockPolicy outOfStockPolicy = OutOfStockPolicy.KEEP_VISIBLE;
        private Locale defaultLocale = Locale.ENGLISH;

        private Builder() {
        }

        /**
         * Sets the store's base URL (required).
         *
         * @param url e.g. {@code https://shop.example}
         * @return this builder
         */
        public Builder storeUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("storeUrl must not be null or blank, e.g. https://shop.example");
            }
            try {
                this.storeUrl = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("storeUrl is not a valid URL: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Sets the product page path template.
         *
         * @param template a path with {@code {slug}}, e.g. {@code /products/{slug}}
         * @return this builder
         */
        public Builder productPathTemplate(String template) {
            this.productPathTemplate = template;
            return this;
        }

        /**
         * Sets the store's currency (required).
         *
         * @param code an ISO 4217 code, e.g. {@code EUR}
         * @return this builder
         */
        public Builder currency(String code) {
            try {
                this.currency = Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR or USD, was: "
                        + code, e);
            }
            return this;
        }

        /**
         * Sets the brand for products without one.
         *
         * @param brand the brand, or null to use the store's host name
         * @return this builder
         */
        public Builder defaultBrand(String brand) {
            this.defaultBrand = brand;
            return this;
        }

        /**
         * Sets the condition for products without one.
         *
         * @param condition the condition
         * @return this builder
         */
        public Builder defaultCondition(Condition condition) {
            this.defaultCondition = condition;
            return this;
        }

        /**
         * Sets the title limit.
         *
         * @param limit code points, 1 to 200
         * @return this builder
         */
        public Builder titleLimit(int limit) {
            this.titleLimit = limit;
            return this;
        }

        /**
         * Sets the description limit.
         *
         * @param limit code points, 1 to 9,999
         * @return this builder
         */
        public Builder descriptionLimit(int limit) {
            this.descriptionLimit = limit;
            return this;
        }

        /**
         * Sets how many images after the first are sent.
         *
         * @param max 0 to 20
         * @return this builder
         */
        public Builder maxAdditionalImages(int max) {
            this.maxAdditionalImages = max;
            return this;
        }

        /**
         * Sets what happens to out-of-stock products.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder outOfStockPolicy(OutOfStockPolicy policy) {
            this.outOfStockPolicy = policy;
            return this;
        }

        /**
         * Sets the language of the products' own texts.
         *
         * @param locale the locale
         * @return this builder
         */
        public Builder defaultLocale(Locale locale) {
            this.defaultLocale = locale;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the bad or missing option
         */
        public StoreSettings build() {
            if (currency == null) {
                throw new IllegalArgumentException("currency is required: call currency(\"EUR\") or similar");
            }
            return new StoreSettings(storeUrl, productPathTemplate, currency, Optional.ofNullable(defaultBrand),
                    defaultCondition, titleLimit, descriptionLimit, maxAdditionalImages, outOfStockPolicy,
                    defaultLocale);
        }
    }
}
