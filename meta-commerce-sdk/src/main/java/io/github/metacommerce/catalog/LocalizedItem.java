package io.github.metacommerce.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A per-language override of an item's text and link, for {@code POST /{catalog}/localized_items_batch} with
 * {@code localization = {"type": "LANGUAGE", "value": ...}}. Overrides never create items.
 *
 * <p>The language value is written {@code <language>_XX} (for example {@code fr_XX}), Meta's convention for a
 * language that applies in every country; the exact accepted list is not confirmed in Meta's documentation.
 */
public final class LocalizedItem {
    private final String retailerId;
    private final Locale locale;
    private final Optional<String> title;
    private final Optional<String> description;
    private final Optional<String> richTextDescription;
    private final Optional<String> link;

    /** Validates the components. */
    private LocalizedItem(
            String retailerId,
            Locale locale,
            Optional<String> title,
            Optional<String> description,
            Optional<String> richTextDescription,
            Optional<String> link) {
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(richTextDescription, "richTextDescription");
        Objects.requireNonNull(link, "link");
        this.retailerId = retailerId;
        this.locale = locale;
        this.title = title;
        this.description = description;
        this.richTextDescription = richTextDescription;
        this.link = link;
    }

    /**
     * Creates a {@code LocalizedItem}.
     *
     * @param retailerId the item's retailer id
     * @param locale the language
     * @param title the translated title, cut like the original
     * @param description the translated plain-text description
     * @param richTextDescription the translated HTML description
     * @param link the translated product page
     * @return the value
     */
    public static LocalizedItem of(
            String retailerId,
            Locale locale,
            Optional<String> title,
            Optional<String> description,
            Optional<String> richTextDescription,
            Optional<String> link) {
        return new LocalizedItem(retailerId, locale, title, description, richTextDescription, link);
    }

    /**
     * Returns the item's retailer id.
     *
     * @return the item's retailer id
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the language.
     *
     * @return the language
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns the translated title, cut like the original.
     *
     * @return the translated title, cut like the original
     */
    public Optional<String> title() {
        return title;
    }

    /**
     * Returns the translated plain-text description.
     *
     * @return the translated plain-text description
     */
    public Optional<String> description() {
        return description;
    }

    /**
     * Returns the translated HTML description.
     *
     * @return the translated HTML description
     */
    public Optional<String> richTextDescription() {
        return richTextDescription;
    }

    /**
     * Returns the translated product page.
     *
     * @return the translated product page
     */
    public Optional<String> link() {
        return link;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LocalizedItem that)) {
            return false;
        }
        return Objects.equals(retailerId, that.retailerId)
                && Objects.equals(locale, that.locale)
                && Objects.equals(title, that.title)
                && Objects.equals(description, that.description)
                && Objects.equals(richTextDescription, that.richTextDescription)
                && Objects.equals(link, that.link);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retailerId, locale, title, description, richTextDescription, link);
    }

    @Override
    public String toString() {
        return "LocalizedItem[retailerId=" + retailerId
                + ", locale=" + locale
                + ", title=" + title
                + ", description=" + description
                + ", richTextDescription=" + richTextDescription
                + ", link=" + link + "]";
    }

    /**
     * Returns Meta's language value for {@link #locale()}.
     *
     * @return e.g. {@code fr_XX}
     */
    public String languageValue() {
        return locale.getLanguage().toLowerCase(Locale.ROOT) + "_XX";
    }

    /**
     * Renders the {@code data} object of the override with Meta's field names, absent fields omitted.
     *
     * @return the data
     */
    public Map<String, Object> toData() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", retailerId);
        title.ifPresent(v -> d.put("title", v));
        description.ifPresent(v -> d.put("description", v));
        richTextDescription.ifPresent(v -> d.put("rich_text_description", v));
        link.ifPresent(v -> d.put("link", v));
        return d;
    }
}
