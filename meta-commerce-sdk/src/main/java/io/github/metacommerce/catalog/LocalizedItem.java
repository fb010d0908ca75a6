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
 *
 * @param retailerId the item's retailer id
 * @param locale the language
 * @param title the translated title, cut like the original
 * @param description the translated plain-text description
 * @param richTextDescription the translated HTML description
 * @param link the translated product page
 */
public record LocalizedItem(
        String retailerId,
        Locale locale,
        Optional<String> title,
        Optional<String> description,
        Optional<String> richTextDescription,
        Optional<String> link) {

    /** Validates the components. */
    public LocalizedItem {
        Objects.requireNonNull(retailerId, "retailerId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(richTextDescription, "richTextDescription");
        Objects.requireNonNull(link, "link");
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
