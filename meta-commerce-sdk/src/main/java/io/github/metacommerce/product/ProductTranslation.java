package io.github.metacommerce.product;

import java.util.Objects;
import java.util.Optional;

/**
 * A product's texts and page in another language.
 */
public final class ProductTranslation {
    private final Optional<String> name;
    private final Optional<String> description;
    private final Optional<String> slug;
    private final Optional<String> productUrl;

    /** Normalises absent values. */
    private ProductTranslation(
            Optional<String> name,
            Optional<String> description,
            Optional<String> slug,
            Optional<String> productUrl) {
        name = name == null ? Optional.empty() : name;
        description = description == null ? Optional.empty() : description;
        slug = slug == null ? Optional.empty() : slug;
        productUrl = productUrl == null ? Optional.empty() : productUrl;
        this.name = name;
        this.description = description;
        this.slug = slug;
        this.productUrl = productUrl;
    }

    /**
     * Returns the translated name.
     *
     * @return the translated name
     */
    public Optional<String> name() {
        return name;
    }

    /**
     * Returns the translated description (HTML allowed).
     *
     * @return the translated description (HTML allowed)
     */
    public Optional<String> description() {
        return description;
    }

    /**
     * Returns the translated slug, used with the store's URL template.
     *
     * @return the translated slug, used with the store's URL template
     */
    public Optional<String> slug() {
        return slug;
    }

    /**
     * Returns an explicit translated product URL, preferred over the slug.
     *
     * @return an explicit translated product URL, preferred over the slug
     */
    public Optional<String> productUrl() {
        return productUrl;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProductTranslation that)) {
            return false;
        }
        return Objects.equals(name, that.name)
                && Objects.equals(description, that.description)
                && Objects.equals(slug, that.slug)
                && Objects.equals(productUrl, that.productUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, slug, productUrl);
    }

    @Override
    public String toString() {
        return "ProductTranslation[name=" + name
                + ", description=" + description
                + ", slug=" + slug
                + ", productUrl=" + productUrl + "]";
    }

    /**
     * Creates a translation of name and description.
     *
     * @param name the name, may be null
     * @param description the description, may be null
     * @return the translation
     */
    public static ProductTranslation of(String name, String description) {
        return new ProductTranslation(Optional.ofNullable(name), Optional.ofNullable(description), Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns a copy with a translated slug.
     *
     * @param slug the slug
     * @return the translation
     */
    public ProductTranslation withSlug(String slug) {
        return new ProductTranslation(name, description, Optional.ofNullable(slug), productUrl);
    }

    /**
     * Returns a copy with an explicit translated URL.
     *
     * @param url the URL
     * @return the translation
     */
    public ProductTranslation withProductUrl(String url) {
        return new ProductTranslation(name, description, slug, Optional.ofNullable(url));
    }
}
