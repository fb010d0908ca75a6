package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.BackorderPolicy;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductStatus;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyCsvTest {
    private final ImportResult result = ImportFiles.readResource("shopify-products.csv");

    private Product product(String handle) {
        return result.products().stream().map(ImportedProduct::product)
                .filter(p -> p.productId().equals(handle)).findFirst().orElseThrow();
    }

    @Test
    void readsTheSampleExportProductByProductInFileOrder() {
        assertThat(result.format()).isEqualTo(ImportFormat.SHOPIFY);
        assertThat(result.rowsRead()).isEqualTo(9);
        assertThat(result.problems()).isEmpty();
        assertThat(result.products()).extracting(ImportedProduct::line).containsExactly(2L, 6L, 10L, 11L);
        assertThat(result.products()).extracting(p -> p.product().productId())
                .containsExactly("trail-tent", "classic-tee", "old-lamp", "legacy-mug");
    }

    @Test
    void aProductWithOnlyTheDefaultVariantCarriesItsFieldsAndImagesInPositionOrder() {
        Product tent = product("trail-tent");
        assertThat(tent.hasVariants()).isFalse();
        assertThat(tent.groupId()).isEmpty();
        assertThat(tent.name()).isEqualTo("Trail Tent 2P");
        assertThat(tent.description())
                .isEqualTo("<p>Sleeps <b>two</b>, packs small.</p>\n<p>Say \"hello\" to the hills.</p>");
        assertThat(tent.slug()).contains("trail-tent");
        assertThat(tent.sku()).isEqualTo("TENT-2P");
        assertThat(tent.price()).contains(new BigDecimal("179.00"));
        assertThat(tent.compareAtPrice()).contains(new BigDecimal("199.00"));
        assertThat(tent.stockQuantity()).contains(12);
        assertThat(tent.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(tent.gtin()).contains("4006381333931");
        assertThat(tent.brand()).contains("Acme Outdoor");
        assertThat(tent.productType()).contains("Tents");
        assertThat(tent.googleProductCategory())
                .contains("Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents");
        assertThat(tent.gender()).contains("unisex");
        assertThat(tent.ageGroup()).contains("adult");
        assertThat(tent.condition()).contains("new");
        assertThat(tent.mpn()).contains("AC-TT2");
        assertThat(tent.customLabels()).containsExactly("summer", "", "bestseller");
        assertThat(tent.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(tent.imageUrls()).containsExactly("https://cdn.example.com/tent-front.jpg",
                "https://cdn.example.com/tent-inside.jpg", "https://cdn.example.com/tent-packed.jpg");
    }

    @Test
    void variantRowsBecomeVariantsOfOneGroupWithTheirOptionsAsAttributes() {
        Product tee = product("classic-tee");
        assertThat(tee.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(tee.groupId()).contains("classic-tee");
        assertThat(tee.brand()).contains("Acme Wear");
        assertThat(tee.gender()).contains("female");
        assertThat(tee.googleProductCategory()).contains("Apparel & Accessories > Clothing > Shirts & Tops");
        assertThat(tee.imageUrls()).containsExactly("https://cdn.example.com/tee-red.jpg",
                "https://cdn.example.com/tee-blue.jpg", "https://cdn.example.com/tee-back.jpg");
        assertThat(tee.variants()).extracting(Product::sku).containsExactly("TEE-RED-S", "TEE-RED-M", "TEE-BLUE-S");

        Product redS = tee.variants().get(0);
        assertThat(redS.productId()).isEqualTo("TEE-RED-S");
        assertThat(redS.color()).contains("Red");
        assertThat(redS.size()).contains("S");
        assertThat(redS.extraAttributes()).isEqualTo(Map.of("Fit", "Slim"));
        assertThat(redS.price()).contains(new BigDecimal("25.00"));
        assertThat(redS.compareAtPrice()).isEmpty();
        assertThat(redS.stockQuantity()).contains(5);
        assertThat(redS.backorderPolicy()).isEqualTo(BackorderPolicy.DENY);
        assertThat(redS.gtin()).contains("0012345678905");
        assertThat(redS.mpn()).contains("TEE-1");
        assertThat(redS.imageUrls()).containsExactly("https://cdn.example.com/tee-red.jpg");

        Product redM = tee.variants().get(1);
        assertThat(redM.size()).contains("M");
        assertThat(redM.compareAtPrice()).contains(new BigDecimal("30.00"));
        assertThat(redM.stockQuantity()).contains(0);
        assertThat(redM.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
        assertThat(redM.mpn()).contains("TEE-1-M");

        Product blueS = tee.variants().get(2);
        assertThat(blueS.color()).contains("Blue");
        assertThat(blueS.extraAttributes()).isEqualTo(Map.of("Fit", "Regular"));
        assertThat(blueS.price()).contains(new BigDecimal("27.50"));
        assertThat(blueS.mpn()).as("inherits the first row's MPN").contains("TEE-1");
    }

    @Test
    void archivedStatusAndAnUntrackedInventory() {
        Product lamp = product("old-lamp");
        assertThat(lamp.status()).isEqualTo(ProductStatus.ARCHIVED);
        assertThat(lamp.stockQuantity()).as("Variant Inventory Tracker is blank").isEmpty();
        assertThat(lamp.price()).contains(new BigDecimal("49.00"));
    }

    @Test
    void withoutAStatusAnUnpublishedProductIsADraft() {
        Product mug = product("legacy-mug");
        assertThat(mug.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(mug.imageUrls()).containsExactly("https://cdn.example.com/mug.jpg");
        assertThat(mug.stockQuantity()).contains(3);
    }

    @Test
    void readsTheNewerExportsColumnNames() {
        ImportResult r = ImportFiles.readText("URL handle,Title,Description,Vendor,Status,SKU,Barcode,"
                + "Option1 name,Option1 value,Price,Compare-at price,Inventory tracker,Inventory quantity,"
                + "Continue selling when out of stock,Product image URL,Image position,Variant image URL,"
                + "Google Shopping / Age group,Google Shopping / Custom label 0\n"
                + "cap,Cap,<p>Cap</p>,Acme,active,CAP-1,123,Size,One size,10.00,12.00,shopify,4,TRUE,"
                + "https://cdn.example.com/cap.jpg,1,,kids,promo\n");
        assertThat(r.format()).isEqualTo(ImportFormat.SHOPIFY);
        assertThat(r.problems()).isEmpty();
        Product cap = r.products().get(0).product();
        assertThat(cap.description()).isEqualTo("<p>Cap</p>");
        assertThat(cap.ageGroup()).contains("kids");
        assertThat(cap.customLabels()).containsExactly("promo");
        assertThat(cap.imageUrls()).containsExactly("https://cdn.example.com/cap.jpg");
        Product variant = cap.variants().get(0);
        assertThat(variant.size()).contains("One size");
        assertThat(variant.sku()).isEqualTo("CAP-1");
        assertThat(variant.gtin()).contains("123");
        assertThat(variant.price()).contains(new BigDecimal("10.00"));
        assertThat(variant.compareAtPrice()).contains(new BigDecimal("12.00"));
        assertThat(variant.stockQuantity()).contains(4);
        assertThat(variant.backorderPolicy()).isEqualTo(BackorderPolicy.ALLOW);
    }

    @Test
    void badValuesAreListedWithLineAndColumnAndOnlyTheirVariantOrImageIsLeftOut() {
        ImportResult r = ImportFiles.readText(
                "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,"
                        + "Variant Inventory Policy,Status,Image Src,Image Position\n"
                        + "hat,Hat,Size,S,HAT-S,abc,1,deny,active,,\n"
                        + "hat,,,M,HAT-M,10.00,many,deny,,,\n"
                        + "hat,,,L,HAT-L,10.00,2,sometimes,,,\n"
                        + "hat,,,XL,HAT-XL,11.00,2,deny,,https://cdn.example.com/hat.jpg,first\n"
                        + "hat,,,XXL,HAT-XXL,12.00,3,deny,,,\n"
                        + "scarf,Scarf,Title,Default Title,SC-1,5.00,1,deny,published,,\n"
                        + ",,,,SC-2,5.00,1,deny,,,\n"
                        + "hat,,,XS,HAT-XS,9.00,1,deny,,,\n");
        assertThat(r.problems()).extracting(RowProblem::toString).containsExactly(
                "line 2, column Variant Price: 'abc' is not a price (write it like 19.99)",
                "line 3, column Variant Inventory Qty: 'many' is not a whole number",
                "line 4, column Variant Inventory Policy: 'sometimes' is not an inventory policy (deny or continue)",
                "line 5, column Image Position: 'first' is not a whole number; the image "
                        + "'https://cdn.example.com/hat.jpg' is not imported",
                "line 7, column Status: 'published' is not a status (active, draft or archived); the product "
                        + "'scarf' is not imported",
                "line 8, column Handle: the row has no handle; every row of a product repeats its handle",
                "line 9, column Handle: the rows of handle 'hat' must follow each other; this row comes after "
                        + "another product and is not imported");
        assertThat(r.products()).hasSize(1);
        assertThat(r.products().get(0).product().variants()).extracting(Product::sku).containsExactly("HAT-XL", "HAT-XXL");
        assertThat(r.products().get(0).product().imageUrls()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(8);
    }

    @Test
    void aGenerated20000RowExportParsesProductByProduct() {
        int products = 5000;
        int variantsPerProduct = 4;
        InputStream in = new SequenceInputStream(new RowsEnumeration(products, variantsPerProduct));
        ImportResult r = ProductImporter.create().read(in);
        assertThat(r.problems()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(20_000);
        assertThat(r.products()).hasSize(products);
        Product last = r.products().get(products - 1).product();
        assertThat(last.productId()).isEqualTo("p-" + (products - 1));
        assertThat(last.variants()).hasSize(variantsPerProduct);
        assertThat(last.variants().get(3).sku()).isEqualTo("SKU-" + (products - 1) + "-3");
        assertThat(last.variants().get(3).price()).contains(new BigDecimal("13.00"));
        assertThat(r.products().get(1234).line()).isEqualTo(2 + 1234L * (variantsPerProduct + 1));
    }

    /** Writes a Shopify file row by row as a stream, so the test does not build the whole file as one string. */
    private static final class RowsEnumeration implements Enumeration<InputStream> {
        private final int products;
        private final int variants;
        private int next = -1;

        RowsEnumeration(int products, int variants) {
            this.products = products;
            this.variants = variants;
        }

        @Override
        public boolean hasMoreElements() {
            return next < products;
        }

        @Override
        public InputStream nextElement() {
            StringBuilder sb = new StringBuilder();
            if (next < 0) {
                sb.append("Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price,Status\n");
            } else {
                for (int v = 0; v < variants; v++) {
                    sb.append("p-").append(next).append(',')
                            .append(v == 0 ? "Product " + next + ",\"<p>Line one,\nline two</p>\",Size," : ",,,")
                            .append("S").append(v).append(",SKU-").append(next).append('-').append(v)
                            .append(',').append(10 + v).append(".00,").append(v == 0 ? "active" : "").append('\n');
                }
            }
            next++;
            return ImportFiles.bytes(sb.toString());
        }
    }
}
