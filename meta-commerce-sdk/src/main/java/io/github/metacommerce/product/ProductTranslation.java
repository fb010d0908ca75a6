package io.github.metacommerce.product;

import java.util.Optional;

/**
 * A product's texts and page in another language.
 *
 * @param name the translated name
 * @param description the translated description (HTML allowed)
 * @param slug the translated slug, used with the store's URL template
 * @param productUrl an explicit translated product URL, preferred over the slug
 */
public record ProductTranslation(
        Optional<String> name, Optional<String> description, Optional<String> slug, Optional<String> productUrl) {

    /** Normalises absent values. */
    public ProductTranslation {
        name = name == null ? Optional.empty() : name;
        description = description == null ? Optional.empty() : description;
        slug = slug == null ? Optional.empty() : slug;
        productUrl = productUrl == null ? Optional.empty() : productUrl;
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
