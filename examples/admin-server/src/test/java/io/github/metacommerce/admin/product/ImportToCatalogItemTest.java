package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.catalog.CatalogItem;
import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the imported sample files become when the SDK maps them to Meta catalog items. */
class ImportToCatalogItemTest {
    private final ProductTransformer transformer = ProductTransformer.of(
            StoreSettings.builder().storeUrl("https://shop.example").currency("USD").build());

    private List<TransformedItem> items(String resource) {
        List<TransformedItem> out = new ArrayList<>();
        ImportFiles.readResource(resource).products().forEach(p -> out.addAll(transformer.transform(p.product())));
        return out;
    }

    private static CatalogItem upsert(List<TransformedItem> items, String retailerId) {
        TransformedItem t = items.stream().filter(i -> i.retailerId().equals(retailerId)).findFirst().orElseThrow();
        assertThat(t.action()).isEqualTo(ItemAction.UPSERT);
        return t.item().orElseThrow();
    }

    private static ItemAction action(List<TransformedItem> items, String retailerId) {
        return items.stream().filter(i -> i.retailerId().equals(retailerId)).findFirst().orElseThrow().action();
    }

    @Test
    void shopifyDraftsAndArchivedProductsAreDeletesAndActiveOnesCarryTheirSale() {
        List<TransformedItem> items = items("shopify-products.csv");
        assertThat(items).extracting(TransformedItem::retailerId)
                .containsExactly("TENT-2P", "TEE-RED-S", "TEE-RED-M", "TEE-BLUE-S", "LAMP-1", "MUG-1");
        assertThat(action(items, "TEE-RED-S")).isEqualTo(ItemAction.DELETE);
        assertThat(action(items, "TEE-BLUE-S")).isEqualTo(ItemAction.DELETE);
        assertThat(action(items, "LAMP-1")).isEqualTo(ItemAction.DELETE);
        assertThat(action(items, "MUG-1")).isEqualTo(ItemAction.DELETE);
        CatalogItem tent = upsert(items, "TENT-2P");
        assertThat(tent.price().orElseThrow().amount()).isEqualByComparingTo("199.00");
        assertThat(tent.salePrice().orElseThrow().amount()).isEqualByComparingTo("179.00");
        assertThat(tent.itemGroupId()).isEmpty();
    }

    @Test
    void wooCommerceVariationsShareOneItemGroupIdAndKeepTheirSalePrices() {
        List<TransformedItem> items = items("woocommerce-products.csv");
        CatalogItem blue = upsert(items, "woo-hoodie-blue");
        CatalogItem red = upsert(items, "woo-hoodie-red");
        assertThat(blue.itemGroupId()).contains("woo-hoodie");
        assertThat(red.itemGroupId()).contains("woo-hoodie");
        assertThat(red.price().orElseThrow().amount()).isEqualByComparingTo(new BigDecimal("45"));
        assertThat(red.salePrice().orElseThrow().amount()).isEqualByComparingTo(new BigDecimal("40"));
        CatalogItem beanie = upsert(items, "woo-beanie");
        assertThat(beanie.salePrice().orElseThrow().amount()).isEqualByComparingTo(new BigDecimal("18"));
        assertThat(beanie.gtin()).contains("4006381333948");
        assertThat(action(items, "woo-ebook")).isEqualTo(ItemAction.DELETE);
        assertThat(action(items, "woo-sock")).isEqualTo(ItemAction.DELETE);
        assertThat(action(items, "woo-cap-black")).isEqualTo(ItemAction.DELETE);
    }
}
