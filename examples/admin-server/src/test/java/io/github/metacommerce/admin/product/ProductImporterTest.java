package io.github.metacommerce.admin.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metacommerce.admin.product.ImportFileException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProductImporterTest {

    private static Reason reasonOf(Runnable read) {
        try {
            read.run();
        } catch (ImportFileException e) {
            return e.reason();
        }
        throw new AssertionError("no ImportFileException");
    }

    @Test
    void aUtf8ByteOrderMarkAndLeadingBlankLinesAreAccepted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes("\nHandle,Title,Variant SKU,Variant Price\nhat,Hat,H-1,9.00\n\nhat,,H-2,9.00\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportResult r = ProductImporter.create().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(r.format()).isEqualTo(ImportFormat.SHOPIFY);
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.products()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.product().name()).isEqualTo("Hat");
        });
    }

    @Test
    void detectsEachFormatFromItsHeader() {
        assertThat(ImportFiles.readText("Handle,Title\n").format()).isEqualTo(ImportFormat.SHOPIFY);
        assertThat(ImportFiles.readText("ID,Type,SKU,Name,Regular price\n").format())
                .isEqualTo(ImportFormat.WOOCOMMERCE);
        assertThat(ImportFiles.readText("productId,name\n").format()).isEqualTo(ImportFormat.NATIVE_CSV);
        assertThat(ImportFiles.readText("  \n [ ]").format()).isEqualTo(ImportFormat.JSON);
    }

    @Test
    void anUnknownHeaderIsRefusedNamingWhatItSaw() {
        assertThatThrownBy(() -> ImportFiles.readText("Artikel,Preis,Menge\n1,2,3\n"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("The header row (Artikel, Preis, Menge) is not one of the formats")
                .extracting(e -> ((ImportFileException) e).reason().httpStatus()).isEqualTo(400);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(reasonOf(() -> ImportFiles.readText(""))).isEqualTo(Reason.EMPTY_FILE);
        assertThat(reasonOf(() -> ImportFiles.readText("\n\r\n  \n"))).isEqualTo(Reason.EMPTY_FILE);
        assertThat(reasonOf(() -> ImportFiles.readText(",,,\n,,\n"))).isEqualTo(Reason.EMPTY_FILE);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = "Handle,Title\nbag,Sac \u00e0 main\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ProductImporter.create().read(new ByteArrayInputStream(latin1)))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("not UTF-8")
                .extracting(e -> ((ImportFileException) e).reason()).isEqualTo(Reason.NOT_UTF8);
        byte[] utf16 = "\uFEFFHandle,Title\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(reasonOf(() -> ProductImporter.create().read(new ByteArrayInputStream(utf16))))
                .isEqualTo(Reason.NOT_UTF8);
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ImportFiles.readText("Handle,Title\nhat,Hat\nbag,\"Bag\n"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("The CSV quoting is broken near line 3")
                .extracting(e -> ((ImportFileException) e).reason()).isEqualTo(Reason.BROKEN_QUOTING);
        assertThat(reasonOf(() -> ImportFiles.readText("Handle,Title\nhat,\"Hat\"x\n")))
                .isEqualTo(Reason.BROKEN_QUOTING);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileReadingWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            private final byte[] row = "hat,Hat,H,1.00\n".getBytes(StandardCharsets.UTF_8);
            private final byte[] head = "Handle,Title,Variant SKU,Variant Price\n".getBytes(StandardCharsets.UTF_8);
            private long pos;

            @Override
            public int read() {
                byte b = pos < head.length ? head[(int) pos] : row[(int) ((pos - head.length) % row.length)];
                pos++;
                return b;
            }
        };
        ProductImporter importer = ProductImporter.builder().maxBytes(1024 * 1024).build();
        assertThatThrownBy(() -> importer.read(endless))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("larger than the limit of 1 MB")
                .extracting(e -> ((ImportFileException) e).reason().httpStatus()).isEqualTo(413);
    }

    @Test
    void aFileAtTheLimitIsRead() {
        byte[] file = "Handle,Title\nhat,Hat\n".getBytes(StandardCharsets.UTF_8);
        ImportResult r = ProductImporter.builder().maxBytes(file.length).build().read(new ByteArrayInputStream(file));
        assertThat(r.products()).hasSize(1);
        assertThat(reasonOf(() -> ProductImporter.builder().maxBytes(file.length - 1).build()
                .read(new ByteArrayInputStream(file)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void theSizeLimitMustBePositive() {
        assertThatThrownBy(() -> ProductImporter.builder().maxBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes");
    }
}
