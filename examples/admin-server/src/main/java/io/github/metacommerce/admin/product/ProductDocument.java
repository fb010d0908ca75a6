package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Product} as the JSON object {@code PUT /products} takes (the field names of {@code JsonProducts}), the
 * form the {@code products} table stores and {@code GET /products/{id}} answers.
 *
 * <ul>
 *   <li>Lossless: {@code read(write(p)).equals(p)} for every field, variants included. Amounts are strings of
 *       {@link BigDecimal#toString()} ({@code "19.99"}, {@code "18"}, {@code "19.990"}), so the scale is kept; an
 *       optional text set to {@code ""} is written as {@code ""}, an absent one is left out.</li>
 *   <li>Deterministic: the same product gives the same string (fields in a fixed order, maps in the product's
 *       order), so an unchanged product is found by comparing strings.</li>
 *   <li>Compact: empty texts and lists are left out; {@code status} and {@code backorderPolicy} are always
 *       written.</li>
 * </ul>
 * Reading goes through {@code JsonProducts}' element parser, so the stored form and the upload form cannot drift
 * apart.
 */
final class ProductDocument {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonProducts READER = JsonProducts.forDocuments();

    private ProductDocument() {
    }

    /**
     * Writes a product.
     *
     * @param product the product
     * @return the JSON object as a string
     */
    static String write(Product product) {
        return MAPPER.writeValueAsString(tree(product));
    }

    /**
     * Writes a product as a tree, for an API answer.
     *
     * @param product the product
     * @return the JSON object
     */
    static ObjectNode tree(Product product) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("productId", product.productId());
        nonEmpty(o, "sku", product.sku());
        nonEmpty(o, "name", product.name());
        nonEmpty(o, "description", product.description());
        if (!product.translations().isEmpty()) {
            ObjectNode t = o.putObject("translations");
            for (Map.Entry<Locale, ProductTranslation> e : product.translations().entrySet()) {
                ObjectNode one = t.putObject(e.getKey().toLanguageTag());
                present(one, "name", e.getValue().name());
                present(one, "description", e.getValue().description());
                present(one, "slug", e.getValue().slug());
                present(one, "productUrl", e.getValue().productUrl());
            }
        }
        product.price().ifPresent(p -> o.put("price", p.toString()));
        product.compareAtPrice().ifPresent(p -> o.put("compareAtPrice", p.toString()));
        present(o, "currency", product.currency());
        product.stockQuantity().ifPresent(q -> o.put("stockQuantity", q.intValue()));
        o.put("backorderPolicy", product.backorderPolicy().name().toLowerCase(Locale.ROOT));
        strings(o, "imageUrls", product.imageUrls());
        present(o, "slug", product.slug());
        present(o, "productUrl", product.productUrl());
        present(o, "brand", product.brand());
        present(o, "condition", product.condition());
        present(o, "gtin", product.gtin());
        present(o, "mpn", product.mpn());
        o.put("status", product.status().name().toLowerCase(Locale.ROOT));
        present(o, "groupId", product.groupId());
        present(o, "color", product.color());
        present(o, "size", product.size());
        present(o, "gender", product.gender());
        present(o, "ageGroup", product.ageGroup());
        present(o, "material", product.material());
        present(o, "pattern", product.pattern());
        if (!product.extraAttributes().isEmpty()) {
            ObjectNode a = o.putObject("extraAttributes");
            product.extraAttributes().forEach(a::put);
        }
        present(o, "googleProductCategory", product.googleProductCategory());
        present(o, "fbProductCategory", product.fbProductCategory());
        present(o, "productType", product.productType());
        strings(o, "customLabels", product.customLabels());
        product.salePeriod().ifPresent(s -> salePeriod(o.putObject("salePeriod"), s));
        if (product.hasVariants()) {
            ArrayNode variants = o.putArray("variants");
            for (Product v : product.variants()) {
                variants.add(tree(v));
            }
        }
        return o;
    }

    /**
     * Reads a stored product.
     *
     * @param json what {@link #write(Product)} wrote
     * @return the product
     * @throws IllegalArgumentException if the text is not a product document (never for what this class wrote)
     */
    static Product read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a product document: " + e.getOriginalMessage(), e);
        }
        List<RowProblem> problems = new ArrayList<>();
        Product product = READER.product(node, 1, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a product document: " + problems);
        }
        return product;
    }

    private static void salePeriod(ObjectNode o, SalePeriod s) {
        o.put("start", s.start().toString());
        o.put("end", s.end().toString());
    }

    private static void nonEmpty(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static void present(ObjectNode o, String field, Optional<String> value) {
        value.ifPresent(v -> o.put(field, v));
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(field);
            values.forEach(a::add);
        }
    }
}
