package io.github.metacommerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ItemRequestTest {
    /** Text pieces that JSON writers treat differently: quotes, escapes, controls, non-ASCII, pairs, lone halves. */
    private static final String[] TEXT = {"Trail Tent", "\"quoted\"", "back\\slash", "\\uD800", "tab\tnew\nline",
        "\u0000\u0001\u001f\u007f", "caf\u00e9", "\u20ac 5", "\u2028\u2029", "\uD83D\uDE00", "\uD83C\uDDEB\uD83C\uDDF7",
        "<p>Sleeps <b>two</b> &amp; more</p>", "/", "</script>", "", " ", "a,b:c", "\uFFFD", "\uD800", "\uDC00",
        "x\uD83D", "\uDE00y", "https://shop.example/p/tent?x=1&y=2", "\u00A0", "1E+5"};

    private static String text(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(TEXT[r.nextInt(TEXT.length)]);
        }
        return b.toString();
    }

    private static String maybe(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : text(r);
    }

    private static <E> E maybe(SplittableRandom r, E[] values) {
        return r.nextInt(3) == 0 ? null : values[r.nextInt(values.length)];
    }

    static CatalogItem randomItem(SplittableRandom r) {
        List<String> images = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            images.add(text(r));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            attributes.put(text(r), text(r));
        }
        List<String> labels = new ArrayList<>();
        for (int i = r.nextInt(7); i > 0; i--) {
            labels.add(r.nextInt(4) == 0 ? " " : text(r));
        }
        String[] currencies = {"USD", "EUR", "JPY", "XAU", "???"};
        BigDecimal[] amounts = {new BigDecimal("199.00"), new BigDecimal("0.005"), new BigDecimal("12"),
            new BigDecimal("1E+3"), new BigDecimal("-4.5")};
        return CatalogItem.builder().id(text(r)).title(maybe(r)).description(maybe(r))
                .richTextDescription(maybe(r)).availability(maybe(r, Availability.values()))
                .condition(maybe(r, Condition.values()))
                .price(r.nextBoolean() ? Price.of(amounts[r.nextInt(amounts.length)],
                        currencies[r.nextInt(currencies.length)]) : null)
                .salePrice(r.nextBoolean() ? Price.of(amounts[r.nextInt(amounts.length)], "USD") : null)
                .salePriceEffectiveDate(maybe(r)).link(maybe(r)).imageLink(maybe(r)).additionalImageLinks(images)
                .brand(maybe(r)).gtin(maybe(r)).mpn(maybe(r)).itemGroupId(maybe(r)).color(maybe(r)).size(maybe(r))
                .gender(maybe(r, Gender.values())).ageGroup(maybe(r, AgeGroup.values())).material(maybe(r))
                .pattern(maybe(r)).additionalVariantAttributes(attributes).googleProductCategory(maybe(r))
                .fbProductCategory(maybe(r)).productType(maybe(r)).customLabels(labels)
                .quantityToSellOnFacebook(r.nextBoolean() ? r.nextInt(2000) - 5 : null)
                .visibility(maybe(r, Visibility.values())).build();
    }

    private static byte[] written(ItemRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void streamingAnItemGivesTheSameRequestAsItsMap() throws Exception {
        SplittableRandom r = new SplittableRandom(42);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            CatalogItem item = randomItem(r);
            if (item.id().isBlank()) {
                continue;
            }
            checked++;
            ItemRequest viaMap = ItemRequest.update(item.toData());
            ItemRequest streamed = ItemRequest.of(item);
            assertThat(streamed.json()).isEqualTo(viaMap.json());
            if (viaMap.json().equals(new String(viaMap.json().getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8))) {
                assertThat(written(streamed)).isEqualTo(written(viaMap))
                        .isEqualTo(viaMap.json().getBytes(StandardCharsets.UTF_8));
            } else {
                // an unpaired surrogate: no UTF-8 form, never written
                assertThatThrownBy(() -> written(streamed)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not valid Unicode");
                assertThatThrownBy(() -> written(viaMap)).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(streamed.sizeInBytes()).isEqualTo(viaMap.sizeInBytes())
                    .isEqualTo(viaMap.json().getBytes(StandardCharsets.UTF_8).length);
            String expectedHash = HexFormat.of().formatHex(sha256.digest(
                    viaMap.json().getBytes(StandardCharsets.UTF_8)));
            assertThat(streamed.contentHash()).isEqualTo(expectedHash).isEqualTo(viaMap.contentHash());
            assertThat(streamed.method()).isEqualTo(ItemRequest.Method.UPDATE);
            assertThat(streamed.retailerId()).isEqualTo(viaMap.retailerId()).isEqualTo(item.id());
        }
        assertThat(checked).isGreaterThan(15_000);
    }

    @Test
    void aRequestIsTheMethodAndTheItemsData() {
        CatalogItem item = CatalogItem.builder().id("SKU-1").title("Trail \uD83D\uDE00 Tent")
                .price(Price.of(new BigDecimal("199"), "USD")).quantityToSellOnFacebook(3)
                .additionalImageLinks(List.of("https://shop.example/a.jpg")).build();
        ItemRequest request = ItemRequest.of(item);
        assertThat(request.json()).isEqualTo("{\"method\":\"UPDATE\",\"data\":{\"id\":\"SKU-1\",\"title\":\"Trail "
                + "\uD83D\uDE00 Tent\",\"price\":\"199.00 USD\",\"additional_image_link\":[\"https://shop.example/a.jpg\"],"
                + "\"quantity_to_sell_on_facebook\":3}}");
        assertThat(request.sizeInBytes()).isEqualTo(request.json().getBytes(StandardCharsets.UTF_8).length);
        assertThat(request.contentHash()).hasSize(64).matches("[0-9a-f]{64}").isSameAs(request.contentHash());
        assertThat(request).hasToString("ItemRequest[UPDATE SKU-1, " + request.sizeInBytes() + " bytes]");
    }

    @Test
    void aDifferentItemHasADifferentHash() {
        CatalogItem a = CatalogItem.builder().id("SKU-1").title("Tent").build();
        assertThat(ItemRequest.of(a).contentHash()).isEqualTo(ItemRequest.of(a.toBuilder().build()).contentHash())
                .isNotEqualTo(ItemRequest.of(a.toBuilder().title("Tent 2").build()).contentHash());
    }

    @Test
    void anItemWithoutRetailerIdIsRefusedLikeItsMap() {
        CatalogItem item = CatalogItem.builder().id(" ").title("Tent").build();
        assertThatThrownBy(() -> ItemRequest.of(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.id");
        assertThatThrownBy(() -> ItemRequest.update(item.toData())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.id");
        assertThatThrownBy(() -> ItemRequest.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deletesAndCreatesKeepTheirJson() throws IOException {
        ItemRequest delete = ItemRequest.delete("SKU-1");
        assertThat(delete.json()).isEqualTo("{\"method\":\"DELETE\",\"data\":{\"id\":\"SKU-1\"}}");
        assertThat(written(delete)).isEqualTo(delete.json().getBytes(StandardCharsets.UTF_8));
        ItemRequest create = ItemRequest.create(Map.of("id", "SKU-2"));
        assertThat(create.json()).isEqualTo("{\"method\":\"CREATE\",\"data\":{\"id\":\"SKU-2\"}}");
        assertThat(create.method()).isEqualTo(ItemRequest.Method.CREATE);
    }
}
