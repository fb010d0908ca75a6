package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.product.ImportFileException.Reason;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.SalePeriod;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@code PUT /products}: an array of product objects whose field names are those of
 * {@link Product.Builder}'s methods. Read one element at a time, so the array is never held as a whole.
 *
 * <pre>{@code
 * [
 *   {"productId": "tee", "name": "Tee", "description": "<p>Soft</p>", "brand": "Acme",
 *    "translations": {"de": {"name": "T-Shirt", "description": "<p>Weich</p>", "slug": "t-shirt"}},
 *    "imageUrls": ["https://cdn.example/tee.jpg"], "extraAttributes": {"Fit": "Slim"},
 *    "salePeriod": {"start": "2026-11-27T00:00:00+01:00", "end": "2026-11-30T23:59:59+01:00"},
 *    "variants": [
 *      {"productId": "tee-s", "sku": "TEE-S", "size": "S", "price": 15.00, "compareAtPrice": "19.00",
 *       "stockQuantity": 3, "backorderPolicy": "allow"}
 *    ]}
 * ]
 * }</pre>
 *
 * <h2>Fields</h2>
 * Text: {@code productId} (required), {@code sku}, {@code name}, {@code description}, {@code currency},
 * {@code slug}, {@code productUrl}, {@code brand}, {@code condition}, {@code gtin}, {@code mpn}, {@code groupId},
 * {@code color}, {@code size}, {@code gender}, {@code ageGroup}, {@code material}, {@code pattern},
 * {@code googleProductCategory}, {@code fbProductCategory}, {@code productType}. Amounts: {@code price},
 * {@code compareAtPrice} (a number or a string such as {@code "19.99"}). {@code stockQuantity}: a whole number.
 * {@code backorderPolicy}: {@code "deny"} or {@code "allow"}; {@code status}: {@code "active"}, {@code "draft"} or
 * {@code "archived"}. Lists of strings: {@code imageUrls}, {@code customLabels}. Objects: {@code extraAttributes}
 * (label to value), {@code translations} (BCP 47 language tag to {@code name}, {@code description}, {@code slug},
 * {@code productUrl}), {@code salePeriod} ({@code start}, {@code end}, ISO 8601). {@code variants}: product objects
 * without variants of their own. {@code null} is the same as leaving a field out.
 *
 * <p>An unknown field or a value of the wrong kind leaves the product out and is listed with its line and the
 * field's path (such as {@code variants[1].price}); a misspelt field is so never dropped silently.
 */
final class JsonProducts {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> TEXT = Set.of("productId", "sku", "name", "description", "currency", "slug",
            "productUrl", "brand", "condition", "gtin", "mpn", "groupId", "color", "size", "gender", "ageGroup",
            "material", "pattern", "googleProductCategory", "fbProductCategory", "productType");

    private final ZoneId zone;
    private final boolean stored;

    JsonProducts(ZoneId zone) {
        this(zone, false);
    }

    private JsonProducts(ZoneId zone, boolean stored) {
        this.zone = zone;
        this.stored = stored;
    }

    /**
     * A reader of stored product documents ({@link ProductDocument}): the same fields, but an amount may be any
     * decimal {@link BigDecimal#toString()} writes (such as {@code 1E+3}), so that every product read back equals the
     * one written.
     */
    static JsonProducts forDocuments() {
        return new JsonProducts(ZoneOffset.UTC, true);
    }

    /**
     * Reads one product object (an element of the array).
     *
     * @param node the object
     * @param line the line it starts on, for the problems
     * @param problems receives what is wrong, each with the field's path
     * @return the product; use it only when no problem was added
     */
    Product product(JsonNode node, long line, List<RowProblem> problems) {
        if (!node.isObject()) {
            problems.add(new RowProblem(line, "", "each element of the array must be a product object"));
            return Product.builder().build();
        }
        return product(node, "", line, problems, true);
    }

    ImportSummary read(Reader reader, long[] line, ImportSink sink) {
        try (JsonParser p = MAPPER.createParser(reader)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportFileException(Reason.BROKEN_JSON, "The JSON must be an array of products.");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new ImportFileException(Reason.BROKEN_JSON, "The JSON array is not closed with ].");
                }
                long start = p.currentTokenLocation().getLineNr();
                line[0] = start;
                JsonNode node = MAPPER.readTree(p);
                sink.rowsRead++;
                List<RowProblem> problems = new ArrayList<>();
                Product product = product(node, start, problems);
                if (problems.isEmpty()) {
                    sink.product(start, product);
                } else {
                    sink.problems(problems);
                }
            }
            if (p.nextToken() != null) {
                throw new ImportFileException(Reason.BROKEN_JSON, "The JSON has more after the closing ] of the "
                        + "product array (line " + p.currentTokenLocation().getLineNr() + ").");
            }
        }
        return sink.summary(ImportFormat.JSON);
    }

    static ImportFileException broken(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null ? "" : " near line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ImportFileException(Reason.BROKEN_JSON, "The file is not well-formed JSON" + where + ". "
                + "Check for a missing comma, quote or bracket there.", e);
    }

    private Product product(JsonNode node, String path, long line, List<RowProblem> problems, boolean top) {
        Product.Builder b = Product.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String field = e.getKey();
            JsonNode v = e.getValue();
            String at = path + field;
            if (v.isNull()) {
                continue;
            }
            if (TEXT.contains(field)) {
                String s = text(v, at, line, problems);
                if (s != null) {
                    setText(b, field, s);
                }
                continue;
            }
            switch (field) {
                case "price":
                    b.price(amount(v, at, line, problems));
                    break;
                case "compareAtPrice":
                    b.compareAtPrice(amount(v, at, line, problems));
                    break;
                case "stockQuantity":
                    if (v.isIntegralNumber() && v.canConvertToInt()) {
                        b.stockQuantity(v.intValue());
                    } else {
                        problems.add(new RowProblem(line, at, shown(v) + " is not a whole number"));
                    }
                    break;
                case "backorderPolicy":
                    b.backorderPolicy(parsed(v, at, line, problems, NativeCsv.NativeValues::backorderPolicy));
                    break;
                case "status":
                    b.status(parsed(v, at, line, problems, NativeCsv.NativeValues::status));
                    break;
                case "imageUrls":
                    b.imageUrls(strings(v, at, line, problems));
                    break;
                case "customLabels":
                    b.customLabels(strings(v, at, line, problems));
                    break;
                case "extraAttributes":
                    if (object(v, at, line, problems)) {
                        for (Map.Entry<String, JsonNode> a : v.properties()) {
                            String s = text(a.getValue(), at + "." + a.getKey(), line, problems);
                            if (s != null) {
                                b.extraAttribute(a.getKey(), s);
                            }
                        }
                    }
                    break;
                case "translations":
                    translations(b, v, at, line, problems);
                    break;
                case "salePeriod":
                    salePeriod(b, v, at, line, problems);
                    break;
                case "variants":
                    if (!top) {
                        problems.add(new RowProblem(line, at, "a variant cannot have variants of its own"));
                    } else if (!v.isArray()) {
                        problems.add(new RowProblem(line, at, "variants must be an array of product objects"));
                    } else {
                        List<Product> variants = new ArrayList<>();
                        int i = 0;
                        for (JsonNode item : v) {
                            String ip = at + "[" + i++ + "]";
                            if (object(item, ip, line, problems)) {
                                variants.add(product(item, ip + ".", line, problems, false));
                            }
                        }
                        b.variants(variants);
                    }
                    break;
                default:
                    problems.add(new RowProblem(line, at, "unknown field " + Values.quote(field)));
                    break;
            }
        }
        Product p = b.build();
        if (p.productId().isBlank()) {
            problems.add(new RowProblem(line, path + "productId", "the product has no productId"));
        }
        return p;
    }

    private static void setText(Product.Builder b, String field, String s) {
        switch (field) {
            case "productId": b.productId(s); break;
            case "sku": b.sku(s); break;
            case "name": b.name(s); break;
            case "description": b.description(s); break;
            case "currency": b.currency(s); break;
            case "slug": b.slug(s); break;
            case "productUrl": b.productUrl(s); break;
            case "brand": b.brand(s); break;
            case "condition": b.condition(s); break;
            case "gtin": b.gtin(s); break;
            case "mpn": b.mpn(s); break;
            case "groupId": b.groupId(s); break;
            case "color": b.color(s); break;
            case "size": b.size(s); break;
            case "gender": b.gender(s); break;
            case "ageGroup": b.ageGroup(s); break;
            case "material": b.material(s); break;
            case "pattern": b.pattern(s); break;
            case "googleProductCategory": b.googleProductCategory(s); break;
            case "fbProductCategory": b.fbProductCategory(s); break;
            default: b.productType(s); break;
        }
    }

    private void translations(Product.Builder b, JsonNode v, String at, long line, List<RowProblem> problems) {
        if (!object(v, at, line, problems)) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String tp = at + "." + e.getKey();
            Locale locale = Locale.forLanguageTag(e.getKey().replace('_', '-'));
            if (locale.getLanguage().isEmpty()) {
                problems.add(new RowProblem(line, tp, Values.quote(e.getKey()) + " is not a language tag (such as "
                        + "de or fr-CA)"));
                continue;
            }
            if (!object(e.getValue(), tp, line, problems)) {
                continue;
            }
            String name = null;
            String description = null;
            String slug = null;
            String url = null;
            for (Map.Entry<String, JsonNode> f : e.getValue().properties()) {
                String fp = tp + "." + f.getKey();
                if (f.getValue().isNull()) {
                    continue;
                }
                String s = text(f.getValue(), fp, line, problems);
                switch (f.getKey()) {
                    case "name": name = s; break;
                    case "description": description = s; break;
                    case "slug": slug = s; break;
                    case "productUrl": url = s; break;
                    default:
                        problems.add(new RowProblem(line, fp, "unknown field " + Values.quote(f.getKey())));
                        break;
                }
            }
            b.translation(locale, ProductTranslation.of(name, description).withSlug(slug).withProductUrl(url));
        }
    }

    private void salePeriod(Product.Builder b, JsonNode v, String at, long line, List<RowProblem> problems) {
        if (!object(v, at, line, problems)) {
            return;
        }
        OffsetDateTime start = null;
        OffsetDateTime end = null;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fp = at + "." + f.getKey();
            switch (f.getKey()) {
                case "start":
                    start = parsed(f.getValue(), fp, line, problems, s -> Values.dateTime(s, zone, false));
                    break;
                case "end":
                    end = parsed(f.getValue(), fp, line, problems, s -> Values.dateTime(s, zone, true));
                    break;
                default:
                    problems.add(new RowProblem(line, fp, "unknown field " + Values.quote(f.getKey())));
                    break;
            }
        }
        if (start != null && end != null) {
            b.salePeriod(new SalePeriod(start, end));
        } else {
            problems.add(new RowProblem(line, at, "a sale period needs both start and end"));
        }
    }

    private BigDecimal amount(JsonNode v, String at, long line, List<RowProblem> problems) {
        if (stored && v.isString()) {
            try {
                return new BigDecimal(v.stringValue());
            } catch (NumberFormatException e) {
                problems.add(new RowProblem(line, at, shown(v) + " is not a decimal number"));
                return null;
            }
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            if (d.signum() >= 0) {
                return d;
            }
            problems.add(new RowProblem(line, at, shown(v) + " is not a price (write it like 19.99)"));
            return null;
        }
        return parsed(v, at, line, problems, Values::price);
    }

    private static <T> T parsed(JsonNode v, String at, long line, List<RowProblem> problems,
            Function<String, Values.Parsed<T>> parser) {
        if (!v.isString()) {
            problems.add(new RowProblem(line, at, shown(v) + " is not text"));
            return null;
        }
        Values.Parsed<T> p = parser.apply(v.stringValue());
        if (p.message() != null) {
            problems.add(new RowProblem(line, at, p.message()));
        }
        return p.value();
    }

    private static String text(JsonNode v, String at, long line, List<RowProblem> problems) {
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber()) {
            return v.asString();
        }
        problems.add(new RowProblem(line, at, shown(v) + " is not text"));
        return null;
    }

    private static List<String> strings(JsonNode v, String at, long line, List<RowProblem> problems) {
        List<String> out = new ArrayList<>();
        if (!v.isArray()) {
            problems.add(new RowProblem(line, at, "must be an array of strings"));
            return out;
        }
        int i = 0;
        for (JsonNode item : v) {
            String s = text(item, at + "[" + i++ + "]", line, problems);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean object(JsonNode v, String at, long line, List<RowProblem> problems) {
        if (v.isObject()) {
            return true;
        }
        problems.add(new RowProblem(line, at, "must be an object"));
        return false;
    }

    private static String shown(JsonNode v) {
        String s = v.toString();
        return Values.quote(s);
    }
}
