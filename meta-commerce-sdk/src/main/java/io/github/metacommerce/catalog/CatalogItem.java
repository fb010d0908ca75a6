package io.github.metacommerce.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Meta catalog item of type PRODUCT_ITEM, as sent in the {@code data} object of an items_batch request.
 * Typed enums render Meta's exact strings ({@code "in stock"}, {@code "available for order"}); {@link #toData()}
 * uses Meta's field names and omits absent fields.
 *
 * <pre>{@code
 * CatalogItem item = CatalogItem.builder().id("SKU-1").title("Trail Tent").description("2-person tent")
 *         .availability(Availability.IN_STOCK).condition(Condition.NEW)
 *         .price(Price.of(new BigDecimal("199.00"), "USD"))
 *         .link("https://shop.example/products/trail-tent").imageLink("https://shop.example/img/tent.jpg")
 *         .brand("Acme").build();
 * }</pre>
 *
 * <p>Items are built leniently (absent values are empty, never null) so that bad store data can be reported by
 * {@link io.github.metacommerce.product.ProductValidator} rather than thrown. Items are created only through
 * {@link #builder()} (or {@link #toBuilder()} from another item), so that fields can be added in later releases
 * without breaking callers.
 */
public final class CatalogItem {
    private final String id;
    private final Optional<String> title;
    private final Optional<String> description;
    private final Optional<String> richTextDescription;
    private final Optional<Availability> availability;
    private final Optional<Condition> condition;
    private final Optional<Price> price;
    private final Optional<Price> salePrice;
    private final Optional<String> salePriceEffectiveDate;
    private final Optional<String> link;
    private final Optional<String> imageLink;
    private final List<String> additionalImageLinks;
    private final Optional<String> brand;
    private final Optional<String> gtin;
    private final Optional<String> mpn;
    private final Optional<String> itemGroupId;
    private final Optional<String> color;
    private final Optional<String> size;
    private final Optional<Gender> gender;
    private final Optional<AgeGroup> ageGroup;
    private final Optional<String> material;
    private final Optional<String> pattern;
    private final Map<String, String> additionalVariantAttributes;
    private final Optional<String> googleProductCategory;
    private final Optional<String> fbProductCategory;
    private final Optional<String> productType;
    private final List<String> customLabels;
    private final Optional<Integer> quantityToSellOnFacebook;
    private final Optional<Visibility> visibility;

    /** How many custom labels Meta has ({@code custom_label_0} to {@code custom_label_4}). */
    public static final int MAX_CUSTOM_LABELS = 5;

    /** Normalises absent values to empty ones and copies collections. */
    private CatalogItem(
            String id,
            Optional<String> title,
            Optional<String> description,
            Optional<String> richTextDescription,
            Optional<Availability> availability,
            Optional<Condition> condition,
            Optional<Price> price,
            Optional<Price> salePrice,
            Optional<String> salePriceEffectiveDate,
            Optional<String> link,
            Optional<String> imageLink,
            List<String> additionalImageLinks,
            Optional<String> brand,
            Optional<String> gtin,
            Optional<String> mpn,
            Optional<String> itemGroupId,
            Optional<String> color,
            Optional<String> size,
            Optional<Gender> gender,
            Optional<AgeGroup> ageGroup,
            Optional<String> material,
            Optional<String> pattern,
            Map<String, String> additionalVariantAttributes,
            Optional<String> googleProductCategory,
            Optional<String> fbProductCategory,
            Optional<String> productType,
            List<String> customLabels,
            Optional<Integer> quantityToSellOnFacebook,
            Optional<Visibility> visibility) {
        id = id == null ? "" : id;
        title = title == null ? Optional.empty() : title;
        description = description == null ? Optional.empty() : description;
        richTextDescription = richTextDescription == null ? Optional.empty() : richTextDescription;
        availability = availability == null ? Optional.empty() : availability;
        condition = condition == null ? Optional.empty() : condition;
        price = price == null ? Optional.empty() : price;
        salePrice = salePrice == null ? Optional.empty() : salePrice;
        salePriceEffectiveDate = salePriceEffectiveDate == null ? Optional.empty() : salePriceEffectiveDate;
        link = link == null ? Optional.empty() : link;
        imageLink = imageLink == null ? Optional.empty() : imageLink;
        additionalImageLinks = additionalImageLinks == null ? List.of() : List.copyOf(additionalImageLinks);
        brand = brand == null ? Optional.empty() : brand;
        gtin = gtin == null ? Optional.empty() : gtin;
        mpn = mpn == null ? Optional.empty() : mpn;
        itemGroupId = itemGroupId == null ? Optional.empty() : itemGroupId;
        color = color == null ? Optional.empty() : color;
        size = size == null ? Optional.empty() : size;
        gender = gender == null ? Optional.empty() : gender;
        ageGroup = ageGroup == null ? Optional.empty() : ageGroup;
        material = material == null ? Optional.empty() : material;
        pattern = pattern == null ? Optional.empty() : pattern;
        additionalVariantAttributes = additionalVariantAttributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(additionalVariantAttributes));
        googleProductCategory = googleProductCategory == null ? Optional.empty() : googleProductCategory;
        fbProductCategory = fbProductCategory == null ? Optional.empty() : fbProductCategory;
        productType = productType == null ? Optional.empty() : productType;
        customLabels = customLabels == null ? List.of() : List.copyOf(customLabels);
        quantityToSellOnFacebook = quantityToSellOnFacebook == null ? Optional.empty() : quantityToSellOnFacebook;
        visibility = visibility == null ? Optional.empty() : visibility;
        this.id = id;
        this.title = title;
        this.description = description;
        this.richTextDescription = richTextDescription;
        this.availability = availability;
        this.condition = condition;
        this.price = price;
        this.salePrice = salePrice;
        this.salePriceEffectiveDate = salePriceEffectiveDate;
        this.link = link;
        this.imageLink = imageLink;
        this.additionalImageLinks = additionalImageLinks;
        this.brand = brand;
        this.gtin = gtin;
        this.mpn = mpn;
        this.itemGroupId = itemGroupId;
        this.color = color;
        this.size = size;
        this.gender = gender;
        this.ageGroup = ageGroup;
        this.material = material;
        this.pattern = pattern;
        this.additionalVariantAttributes = additionalVariantAttributes;
        this.googleProductCategory = googleProductCategory;
        this.fbProductCategory = fbProductCategory;
        this.productType = productType;
        this.customLabels = customLabels;
        this.quantityToSellOnFacebook = quantityToSellOnFacebook;
        this.visibility = visibility;
    }

    /**
     * Returns the retailer id ({@code data.id}), at most 100 characters; empty when the store has none.
     *
     * @return the retailer id ({@code data.id}), at most 100 characters; empty when the store has none
     */
    public String id() {
        return id;
    }

    /**
     * Returns the title (required by Meta).
     *
     * @return the title (required by Meta)
     */
    public Optional<String> title() {
        return title;
    }

    /**
     * Returns the plain-text description (required by Meta).
     *
     * @return the plain-text description (required by Meta)
     */
    public Optional<String> description() {
        return description;
    }

    /**
     * Returns the HTML description, shown on Instagram product pages.
     *
     * @return the HTML description, shown on Instagram product pages
     */
    public Optional<String> richTextDescription() {
        return richTextDescription;
    }

    /**
     * Returns the availability (required by Meta).
     *
     * @return the availability (required by Meta)
     */
    public Optional<Availability> availability() {
        return availability;
    }

    /**
     * Returns the condition (required by Meta).
     *
     * @return the condition (required by Meta)
     */
    public Optional<Condition> condition() {
        return condition;
    }

    /**
     * Returns the regular price (required by Meta).
     *
     * @return the regular price (required by Meta)
     */
    public Optional<Price> price() {
        return price;
    }

    /**
     * Returns the discounted price, lower than the price.
     *
     * @return the discounted price, lower than the price
     */
    public Optional<Price> salePrice() {
        return salePrice;
    }

    /**
     * Returns the sale period, {@code start/end} in ISO 8601 with offsets.
     *
     * @return the sale period, {@code start/end} in ISO 8601 with offsets
     */
    public Optional<String> salePriceEffectiveDate() {
        return salePriceEffectiveDate;
    }

    /**
     * Returns the product page on the merchant's site (required by Meta).
     *
     * @return the product page on the merchant's site (required by Meta)
     */
    public Optional<String> link() {
        return link;
    }

    /**
     * Returns the main image URL (required by Meta).
     *
     * @return the main image URL (required by Meta)
     */
    public Optional<String> imageLink() {
        return imageLink;
    }

    /**
     * Returns further image URLs.
     *
     * @return further image URLs
     */
    public List<String> additionalImageLinks() {
        return additionalImageLinks;
    }

    /**
     * Returns the brand (required unless GTIN or MPN is given).
     *
     * @return the brand (required unless GTIN or MPN is given)
     */
    public Optional<String> brand() {
        return brand;
    }

    /**
     * Returns the GTIN (UPC, EAN, JAN, ISBN, ITF-14).
     *
     * @return the GTIN (UPC, EAN, JAN, ISBN, ITF-14)
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
     * Returns the variant group id shared by all variants of a product.
     *
     * @return the variant group id shared by all variants of a product
     */
    public Optional<String> itemGroupId() {
        return itemGroupId;
    }

    /**
     * Returns the color variant value.
     *
     * @return the color variant value
     */
    public Optional<String> color() {
        return color;
    }

    /**
     * Returns the size variant value.
     *
     * @return the size variant value
     */
    public Optional<String> size() {
        return size;
    }

    /**
     * Returns the gender.
     *
     * @return the gender
     */
    public Optional<Gender> gender() {
        return gender;
    }

    /**
     * Returns the age group.
     *
     * @return the age group
     */
    public Optional<AgeGroup> ageGroup() {
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
     * Returns further variant axes, label to value.
     *
     * @return further variant axes, label to value
     */
    public Map<String, String> additionalVariantAttributes() {
        return additionalVariantAttributes;
    }

    /**
     * Returns the Google product category (name or id).
     *
     * @return the Google product category (name or id)
     */
    public Optional<String> googleProductCategory() {
        return googleProductCategory;
    }

    /**
     * Returns the Facebook product category (name or id).
     *
     * @return the Facebook product category (name or id)
     */
    public Optional<String> fbProductCategory() {
        return fbProductCategory;
    }

    /**
     * Returns the merchant's own category path.
     *
     * @return the merchant's own category path
     */
    public Optional<String> productType() {
        return productType;
    }

    /**
     * Returns custom labels 0 to 4 by position (blank = not set).
     *
     * @return custom labels 0 to 4 by position (blank = not set)
     */
    public List<String> customLabels() {
        return customLabels;
    }

    /**
     * Returns the stock to sell.
     *
     * @return the stock to sell
     */
    public Optional<Integer> quantityToSellOnFacebook() {
        return quantityToSellOnFacebook;
    }

    /**
     * Returns whether shops show the item.
     *
     * @return whether shops show the item
     */
    public Optional<Visibility> visibility() {
        return visibility;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogItem that)) {
            return false;
        }
        return Objects.equals(id, that.id)
                && Objects.equals(title, that.title)
                && Objects.equals(description, that.description)
                && Objects.equals(richTextDescription, that.richTextDescription)
                && Objects.equals(availability, that.availability)
                && Objects.equals(condition, that.condition)
                && Objects.equals(price, that.price)
                && Objects.equals(salePrice, that.salePrice)
                && Objects.equals(salePriceEffectiveDate, that.salePriceEffectiveDate)
                && Objects.equals(link, that.link)
                && Objects.equals(imageLink, that.imageLink)
                && Objects.equals(additionalImageLinks, that.additionalImageLinks)
                && Objects.equals(brand, that.brand)
                && Objects.equals(gtin, that.gtin)
                && Objects.equals(mpn, that.mpn)
                && Objects.equals(itemGroupId, that.itemGroupId)
                && Objects.equals(color, that.color)
                && Objects.equals(size, that.size)
                && Objects.equals(gender, that.gender)
                && Objects.equals(ageGroup, that.ageGroup)
                && Objects.equals(material, that.material)
                && Objects.equals(pattern, that.pattern)
                && Objects.equals(additionalVariantAttributes, that.additionalVariantAttributes)
                && Objects.equals(googleProductCategory, that.googleProductCategory)
                && Objects.equals(fbProductCategory, that.fbProductCategory)
                && Objects.equals(productType, that.productType)
                && Objects.equals(customLabels, that.customLabels)
                && Objects.equals(quantityToSellOnFacebook, that.quantityToSellOnFacebook)
                && Objects.equals(visibility, that.visibility);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                title,
                description,
                richTextDescription,
                availability,
                condition,
                price,
                salePrice,
                salePriceEffectiveDate,
                link,
                imageLink,
                additionalImageLinks,
                brand,
                gtin,
                mpn,
                itemGroupId,
                color,
                size,
                gender,
                ageGroup,
                material,
                pattern,
                additionalVariantAttributes,
                googleProductCategory,
                fbProductCategory,
                productType,
                customLabels,
                quantityToSellOnFacebook,
                visibility);
    }

    @Override
    public String toString() {
        return "CatalogItem[id=" + id
                + ", title=" + title
                + ", description=" + description
                + ", richTextDescription=" + richTextDescription
                + ", availability=" + availability
                + ", condition=" + condition
                + ", price=" + price
                + ", salePrice=" + salePrice
                + ", salePriceEffectiveDate=" + salePriceEffectiveDate
                + ", link=" + link
                + ", imageLink=" + imageLink
                + ", additionalImageLinks=" + additionalImageLinks
                + ", brand=" + brand
                + ", gtin=" + gtin
                + ", mpn=" + mpn
                + ", itemGroupId=" + itemGroupId
                + ", color=" + color
                + ", size=" + size
                + ", gender=" + gender
                + ", ageGroup=" + ageGroup
                + ", material=" + material
                + ", pattern=" + pattern
                + ", additionalVariantAttributes=" + additionalVariantAttributes
                + ", googleProductCategory=" + googleProductCategory
                + ", fbProductCategory=" + fbProductCategory
                + ", productType=" + productType
                + ", customLabels=" + customLabels
                + ", quantityToSellOnFacebook=" + quantityToSellOnFacebook
                + ", visibility=" + visibility + "]";
    }

    /**
     * Starts a builder.
     *
     * @return a builder with everything empty
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this item's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().id(id);
            b.title = title;
            b.description = description;
            b.richTextDescription = richTextDescription;
            b.availability = availability;
            b.condition = condition;
            b.price = price;
            b.salePrice = salePrice;
            b.salePriceEffectiveDate = salePriceEffectiveDate;
            b.link = link;
            b.imageLink = imageLink;
            b.additionalImageLinks = additionalImageLinks;
            b.brand = brand;
            b.gtin = gtin;
            b.mpn = mpn;
            b.itemGroupId = itemGroupId;
            b.color = color;
            b.size = size;
            b.gender = gender;
            b.ageGroup = ageGroup;
            b.material = material;
            b.pattern = pattern;
            b.additionalVariantAttributes = additionalVariantAttributes;
            b.googleProductCategory = googleProductCategory;
            b.fbProductCategory = fbProductCategory;
            b.productType = productType;
            b.customLabels = customLabels;
            b.quantityToSellOnFacebook = quantityToSellOnFacebook;
            b.visibility = visibility;
        return b;
    }

    /**
     * Returns the variant fields this item fills: {@code color}, {@code size}, {@code gender},
     * {@code age_group}, {@code material}, {@code pattern} and each additional variant label.
     *
     * @return Meta's names of the variant fields present
     */
    public java.util.Set<String> variantFields() {
        java.util.Set<String> f = new java.util.TreeSet<>();
        color.ifPresent(v -> f.add("color"));
        size.ifPresent(v -> f.add("size"));
        gender.ifPresent(v -> f.add("gender"));
        ageGroup.ifPresent(v -> f.add("age_group"));
        material.ifPresent(v -> f.add("material"));
        pattern.ifPresent(v -> f.add("pattern"));
        additionalVariantAttributes.keySet().forEach(k -> f.add("additional_variant_attribute:" + k));
        return f;
    }

    /**
     * Renders the {@code data} object of an items_batch request: Meta's field names, absent fields omitted.
     *
     * @return an ordered map of strings, numbers and lists
     */
    public Map<String, Object> toData() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        title.ifPresent(v -> d.put("title", v));
        description.ifPresent(v -> d.put("description", v));
        richTextDescription.ifPresent(v -> d.put("rich_text_description", v));
        availability.ifPresent(v -> d.put("availability", v.metaValue()));
        condition.ifPresent(v -> d.put("condition", v.metaValue()));
        price.ifPresent(v -> d.put("price", v.metaValue()));
        salePrice.ifPresent(v -> d.put("sale_price", v.metaValue()));
        salePriceEffectiveDate.ifPresent(v -> d.put("sale_price_effective_date", v));
        link.ifPresent(v -> d.put("link", v));
        imageLink.ifPresent(v -> d.put("image_link", v));
        if (!additionalImageLinks.isEmpty()) {
            d.put("additional_image_link", additionalImageLinks);
        }
        brand.ifPresent(v -> d.put("brand", v));
        gtin.ifPresent(v -> d.put("gtin", v));
        mpn.ifPresent(v -> d.put("mpn", v));
        itemGroupId.ifPresent(v -> d.put("item_group_id", v));
        color.ifPresent(v -> d.put("color", v));
        size.ifPresent(v -> d.put("size", v));
        gender.ifPresent(v -> d.put("gender", v.metaValue()));
        ageGroup.ifPresent(v -> d.put("age_group", v.metaValue()));
        material.ifPresent(v -> d.put("material", v));
        pattern.ifPresent(v -> d.put("pattern", v));
        if (!additionalVariantAttributes.isEmpty()) {
            d.put("additional_variant_attribute", variantAttributeString(additionalVariantAttributes));
        }
        googleProductCategory.ifPresent(v -> d.put("google_product_category", v));
        fbProductCategory.ifPresent(v -> d.put("fb_product_category", v));
        productType.ifPresent(v -> d.put("product_type", v));
        for (int i = 0; i < customLabels.size() && i < MAX_CUSTOM_LABELS; i++) {
            String label = customLabels.get(i);
            if (label != null && !label.isBlank()) {
                d.put("custom_label_" + i, label);
            }
        }
        quantityToSellOnFacebook.ifPresent(v -> d.put("quantity_to_sell_on_facebook", v));
        visibility.ifPresent(v -> d.put("visibility", v.metaValue()));
        return d;
    }

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString RICH_TEXT_DESCRIPTION = new SerializedString("rich_text_description");
    private static final SerializedString AVAILABILITY = new SerializedString("availability");
    private static final SerializedString CONDITION = new SerializedString("condition");
    private static final SerializedString PRICE = new SerializedString("price");
    private static final SerializedString SALE_PRICE = new SerializedString("sale_price");
    private static final SerializedString SALE_PRICE_EFFECTIVE_DATE = new SerializedString("sale_price_effective_date");
    private static final SerializedString LINK = new SerializedString("link");
    private static final SerializedString IMAGE_LINK = new SerializedString("image_link");
    private static final SerializedString ADDITIONAL_IMAGE_LINK = new SerializedString("additional_image_link");
    private static final SerializedString BRAND = new SerializedString("brand");
    private static final SerializedString GTIN = new SerializedString("gtin");
    private static final SerializedString MPN = new SerializedString("mpn");
    private static final SerializedString ITEM_GROUP_ID = new SerializedString("item_group_id");
    private static final SerializedString COLOR = new SerializedString("color");
    private static final SerializedString SIZE = new SerializedString("size");
    private static final SerializedString GENDER = new SerializedString("gender");
    private static final SerializedString AGE_GROUP = new SerializedString("age_group");
    private static final SerializedString MATERIAL = new SerializedString("material");
    private static final SerializedString PATTERN = new SerializedString("pattern");
    private static final SerializedString ADDITIONAL_VARIANT_ATTRIBUTE =
            new SerializedString("additional_variant_attribute");
    private static final SerializedString GOOGLE_PRODUCT_CATEGORY = new SerializedString("google_product_category");
    private static final SerializedString FB_PRODUCT_CATEGORY = new SerializedString("fb_product_category");
    private static final SerializedString PRODUCT_TYPE = new SerializedString("product_type");
    private static final SerializedString[] CUSTOM_LABEL = {new SerializedString("custom_label_0"),
        new SerializedString("custom_label_1"), new SerializedString("custom_label_2"),
        new SerializedString("custom_label_3"), new SerializedString("custom_label_4")};
    private static final SerializedString QUANTITY_TO_SELL_ON_FACEBOOK =
            new SerializedString("quantity_to_sell_on_facebook");
    private static final SerializedString VISIBILITY = new SerializedString("visibility");

    /**
     * Writes the fields of {@link #toData()}, in the same order and with the same values, straight to a generator
     * (the caller writes the enclosing braces), so that a request is serialised without building the map first.
     * Package-private: used by {@link ItemRequest#of(CatalogItem)}.
     */
    void writeData(JsonGenerator g) throws IOException {
        g.writeFieldName(ID);
        g.writeString(id);
        write(g, TITLE, title);
        write(g, DESCRIPTION, description);
        write(g, RICH_TEXT_DESCRIPTION, richTextDescription);
        if (availability.isPresent()) {
            g.writeFieldName(AVAILABILITY);
            g.writeString(availability.get().metaValue());
        }
        if (condition.isPresent()) {
            g.writeFieldName(CONDITION);
            g.writeString(condition.get().metaValue());
        }
        if (price.isPresent()) {
            g.writeFieldName(PRICE);
            g.writeString(price.get().metaValue());
        }
        if (salePrice.isPresent()) {
            g.writeFieldName(SALE_PRICE);
            g.writeString(salePrice.get().metaValue());
        }
        write(g, SALE_PRICE_EFFECTIVE_DATE, salePriceEffectiveDate);
        write(g, LINK, link);
        write(g, IMAGE_LINK, imageLink);
        if (!additionalImageLinks.isEmpty()) {
            g.writeFieldName(ADDITIONAL_IMAGE_LINK);
            g.writeStartArray();
            for (String l : additionalImageLinks) {
                g.writeString(l);
            }
            g.writeEndArray();
        }
        write(g, BRAND, brand);
        write(g, GTIN, gtin);
        write(g, MPN, mpn);
        write(g, ITEM_GROUP_ID, itemGroupId);
        write(g, COLOR, color);
        write(g, SIZE, size);
        if (gender.isPresent()) {
            g.writeFieldName(GENDER);
            g.writeString(gender.get().metaValue());
        }
        if (ageGroup.isPresent()) {
            g.writeFieldName(AGE_GROUP);
            g.writeString(ageGroup.get().metaValue());
        }
        write(g, MATERIAL, material);
        write(g, PATTERN, pattern);
        if (!additionalVariantAttributes.isEmpty()) {
            g.writeFieldName(ADDITIONAL_VARIANT_ATTRIBUTE);
            g.writeString(variantAttributeString(additionalVariantAttributes));
        }
        write(g, GOOGLE_PRODUCT_CATEGORY, googleProductCategory);
        write(g, FB_PRODUCT_CATEGORY, fbProductCategory);
        write(g, PRODUCT_TYPE, productType);
        for (int i = 0; i < customLabels.size() && i < MAX_CUSTOM_LABELS; i++) {
            String label = customLabels.get(i);
            if (label != null && !label.isBlank()) {
                g.writeFieldName(CUSTOM_LABEL[i]);
                g.writeString(label);
            }
        }
        if (quantityToSellOnFacebook.isPresent()) {
            g.writeFieldName(QUANTITY_TO_SELL_ON_FACEBOOK);
            g.writeNumber(quantityToSellOnFacebook.get().intValue());
        }
        if (visibility.isPresent()) {
            g.writeFieldName(VISIBILITY);
            g.writeString(visibility.get().metaValue());
        }
    }

    private static void write(JsonGenerator g, SerializedString name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeFieldName(name);
            g.writeString(value.get());
        }
    }

    /**
     * Renders additional variant attributes in the string form Meta's items_batch reference shows,
     * {@code "Scent:Fruity,Flavor:Apple"}, removing {@code ,} and {@code :} from labels and values.
     *
     * @param attributes label to value
     * @return the string
     */
    static String variantAttributeString(Map<String, String> attributes) {
        StringBuilder b = new StringBuilder();
        attributes.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(clean(k)).append(':').append(clean(v));
        });
        return b.toString();
    }

    private static String clean(String s) {
        return Objects.toString(s, "").replace(",", " ").replace(":", " ").strip();
    }

    /** Builds a {@link CatalogItem}; every setter accepts null as "not set". */
    public static final class Builder {
        private String id = "";
        private Optional<String> title = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Optional<String> richTextDescription = Optional.empty();
        private Optional<Availability> availability = Optional.empty();
        private Optional<Condition> condition = Optional.empty();
        private Optional<Price> price = Optional.empty();
        private Optional<Price> salePrice = Optional.empty();
        private Optional<String> salePriceEffectiveDate = Optional.empty();
        private Optional<String> link = Optional.empty();
        private Optional<String> imageLink = Optional.empty();
        private List<String> additionalImageLinks = List.of();
        private Optional<String> brand = Optional.empty();
        private Optional<String> gtin = Optional.empty();
        private Optional<String> mpn = Optional.empty();
        private Optional<String> itemGroupId = Optional.empty();
        private Optional<String> color = Optional.empty();
        private Optional<String> size = Optional.empty();
        private Optional<Gender> gender = Optional.empty();
        private Optional<AgeGroup> ageGroup = Optional.empty();
        private Optional<String> material = Optional.empty();
        private Optional<String> pattern = Optional.empty();
        private Map<String, String> additionalVariantAttributes = Map.of();
        private Optional<String> googleProductCategory = Optional.empty();
        private Optional<String> fbProductCategory = Optional.empty();
        private Optional<String> productType = Optional.empty();
        private List<String> customLabels = List.of();
        private Optional<Integer> quantityToSellOnFacebook = Optional.empty();
        private Optional<Visibility> visibility = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the retailer id.
         *
         * @param id the retailer id; null becomes empty
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id == null ? "" : id;
            return this;
        }

        /**
         * Sets the title (required by Meta).
         *
         * @param title the value, or null for none
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Optional.ofNullable(title);
            return this;
        }

        /**
         * Sets the plain-text description (required by Meta).
         *
         * @param description the value, or null for none
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Optional.ofNullable(description);
            return this;
        }

        /**
         * Sets the HTML description, shown on Instagram product pages.
         *
         * @param richTextDescription the value, or null for none
         * @return this builder
         */
        public Builder richTextDescription(String richTextDescription) {
            this.richTextDescription = Optional.ofNullable(richTextDescription);
            return this;
        }

        /**
         * Sets the availability (required by Meta).
         *
         * @param availability the value, or null for none
         * @return this builder
         */
        public Builder availability(Availability availability) {
            this.availability = Optional.ofNullable(availability);
            return this;
        }

        /**
         * Sets the condition (required by Meta).
         *
         * @param condition the value, or null for none
         * @return this builder
         */
        public Builder condition(Condition condition) {
            this.condition = Optional.ofNullable(condition);
            return this;
        }

        /**
         * Sets the regular price (required by Meta).
         *
         * @param price the value, or null for none
         * @return this builder
         */
        public Builder price(Price price) {
            this.price = Optional.ofNullable(price);
            return this;
        }

        /**
         * Sets the discounted price, lower than the price.
         *
         * @param salePrice the value, or null for none
         * @return this builder
         */
        public Builder salePrice(Price salePrice) {
            this.salePrice = Optional.ofNullable(salePrice);
            return this;
        }

        /**
         * Sets the sale period, {@code start/end} in ISO 8601 with offsets.
         *
         * @param salePriceEffectiveDate the value, or null for none
         * @return this builder
         */
        public Builder salePriceEffectiveDate(String salePriceEffectiveDate) {
            this.salePriceEffectiveDate = Optional.ofNullable(salePriceEffectiveDate);
            return this;
        }

        /**
         * Sets the product page on the merchant's site (required by Meta).
         *
         * @param link the value, or null for none
         * @return this builder
         */
        public Builder link(String link) {
            this.link = Optional.ofNullable(link);
            return this;
        }

        /**
         * Sets the main image URL (required by Meta).
         *
         * @param imageLink the value, or null for none
         * @return this builder
         */
        public Builder imageLink(String imageLink) {
            this.imageLink = Optional.ofNullable(imageLink);
            return this;
        }

        /**
         * Sets further image URLs.
         *
         * @param additionalImageLinks the values, or null for none
         * @return this builder
         */
        public Builder additionalImageLinks(List<String> additionalImageLinks) {
            this.additionalImageLinks = additionalImageLinks == null ? List.of() : additionalImageLinks;
            return this;
        }

        /**
         * Sets the brand (required unless GTIN or MPN is given).
         *
         * @param brand the value, or null for none
         * @return this builder
         */
        public Builder brand(String brand) {
            this.brand = Optional.ofNullable(brand);
            return this;
        }

        /**
         * Sets the GTIN (UPC, EAN, JAN, ISBN, ITF-14).
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
         * Sets the variant group id shared by all variants of a product.
         *
         * @param itemGroupId the value, or null for none
         * @return this builder
         */
        public Builder itemGroupId(String itemGroupId) {
            this.itemGroupId = Optional.ofNullable(itemGroupId);
            return this;
        }

        /**
         * Sets the color variant value.
         *
         * @param color the value, or null for none
         * @return this builder
         */
        public Builder color(String color) {
            this.color = Optional.ofNullable(color);
            return this;
        }

        /**
         * Sets the size variant value.
         *
         * @param size the value, or null for none
         * @return this builder
         */
        public Builder size(String size) {
            this.size = Optional.ofNullable(size);
            return this;
        }

        /**
         * Sets the gender.
         *
         * @param gender the value, or null for none
         * @return this builder
         */
        public Builder gender(Gender gender) {
            this.gender = Optional.ofNullable(gender);
            return this;
        }

        /**
         * Sets the age group.
         *
         * @param ageGroup the value, or null for none
         * @return this builder
         */
        public Builder ageGroup(AgeGroup ageGroup) {
            this.ageGroup = Optional.ofNullable(ageGroup);
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
         * Sets further variant axes, label to value.
         *
         * @param additionalVariantAttributes the values, or null for none
         * @return this builder
         */
        public Builder additionalVariantAttributes(Map<String, String> additionalVariantAttributes) {
            this.additionalVariantAttributes = additionalVariantAttributes == null ? Map.of() : additionalVariantAttributes;
            return this;
        }

        /**
         * Sets the Google product category (name or id).
         *
         * @param googleProductCategory the value, or null for none
         * @return this builder
         */
        public Builder googleProductCategory(String googleProductCategory) {
            this.googleProductCategory = Optional.ofNullable(googleProductCategory);
            return this;
        }

        /**
         * Sets the Facebook product category (name or id).
         *
         * @param fbProductCategory the value, or null for none
         * @return this builder
         */
        public Builder fbProductCategory(String fbProductCategory) {
            this.fbProductCategory = Optional.ofNullable(fbProductCategory);
            return this;
        }

        /**
         * Sets the merchant's own category path.
         *
         * @param productType the value, or null for none
         * @return this builder
         */
        public Builder productType(String productType) {
            this.productType = Optional.ofNullable(productType);
            return this;
        }

        /**
         * Sets custom labels 0 to 4 by position (blank = not set).
         *
         * @param customLabels the values, or null for none
         * @return this builder
         */
        public Builder customLabels(List<String> customLabels) {
            this.customLabels = customLabels == null ? List.of() : customLabels;
            return this;
        }

        /**
         * Sets the stock to sell.
         *
         * @param quantityToSellOnFacebook the value, or null for none
         * @return this builder
         */
        public Builder quantityToSellOnFacebook(Integer quantityToSellOnFacebook) {
            this.quantityToSellOnFacebook = Optional.ofNullable(quantityToSellOnFacebook);
            return this;
        }

        /**
         * Sets whether shops show the item.
         *
         * @param visibility the value, or null for none
         * @return this builder
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = Optional.ofNullable(visibility);
            return this;
        }

        /**
         * Builds the item. Never throws: problems are found by the validator.
         *
         * @return the item
         */
        public CatalogItem build() {
            return new CatalogItem(id, title, description, richTextDescription, availability, condition, price, salePrice, salePriceEffectiveDate, link, imageLink, additionalImageLinks, brand, gtin, mpn, itemGroupId, color, size, gender, ageGroup, material, pattern, additionalVariantAttributes, googleProductCategory, fbProductCategory, productType, customLabels, quantityToSellOnFacebook, visibility);
        }
    }
}
