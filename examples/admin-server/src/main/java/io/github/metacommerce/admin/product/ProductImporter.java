package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.product.ImportFileException.Reason;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;

/**
 * Reads a product file a merchant already has into the SDK's {@link io.github.metacommerce.product.Product}s. Pure:
 * no database, no network; thread-safe and reusable.
 *
 * <pre>{@code
 * ProductImporter importer = ProductImporter.builder()
 *         .maxBytes(50L * 1024 * 1024)
 *         .timeZone(ZoneId.of("Europe/Berlin"))   // the store's zone, for dates written without an offset
 *         .build();
 * ImportResult result = importer.read(upload.getInputStream());            // everything in memory
 * ImportSummary summary = importer.read(upload.getInputStream(), batch::add); // or product by product
 * }</pre>
 *
 * <h2>Formats</h2>
 * The format is detected from the start of the file: a {@code [} is the JSON of {@code PUT /products}
 * ({@code JsonProducts}); otherwise the first non-empty CSV record is the header row, and it is
 * <ul>
 *   <li>Shopify's product CSV export ({@code ShopifyCsv}) when it has {@code Handle} (or the newer
 *       {@code URL handle}) and {@code Title};</li>
 *   <li>WooCommerce's product CSV export ({@code WooCommerceCsv}) when it has {@code Type}, {@code SKU},
 *       {@code Name} and {@code Regular price} or {@code Parent};</li>
 *   <li>the native CSV ({@code NativeCsv}) when it has {@code productId}.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * A bad value never throws: the row (or the variant it describes) is left out and listed in
 * {@link ImportResult#problems()} with its line and column. A file that cannot be read at all throws
 * {@link ImportFileException}: empty, not UTF-8 (a UTF-8 byte order mark is fine), broken CSV quoting or JSON,
 * an unknown header, or more than {@link Builder#maxBytes(long)} bytes (counted while reading, so a huge upload is
 * refused without being held in memory).
 *
 * <h2>Memory</h2>
 * The file is read as a stream. Shopify rows are grouped by consecutive {@code Handle} and native variant rows
 * follow their parent, so only the current product's rows are held; WooCommerce variations may come anywhere after
 * their parent, so its products are held until the end of the file. Either way the rows themselves are not kept,
 * only the products built from them; {@link #read(InputStream, Consumer)} hands each product over as soon as it is
 * complete and keeps none of them.
 */
public final class ProductImporter {
    /** The default size limit: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    private static final int SNIFF_CHARS = 64 * 1024;

    private final long maxBytes;
    private final ZoneId timeZone;

    private ProductImporter(Builder b) {
        this.maxBytes = b.maxBytes;
        this.timeZone = b.timeZone;
    }

    /**
     * Creates an importer with the defaults: 50 MB, dates without an offset in UTC.
     *
     * @return the importer
     */
    public static ProductImporter create() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the size limit in bytes.
     *
     * @return the limit
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Returns the zone for dates written without an offset (WooCommerce writes the store's local time).
     *
     * @return the zone
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /**
     * Reads a whole file into memory. The stream is read to its end (or to the first fatal fault) but not closed.
     *
     * @param in the file's bytes
     * @return the products and the rows that could not be used
     * @throws ImportFileException if the file as a whole cannot be imported
     * @throws UncheckedIOException if reading the stream itself fails
     */
    public ImportResult read(InputStream in) {
        List<ImportedProduct> products = new ArrayList<>();
        ImportSummary s = read(in, products::add);
        return new ImportResult(s.format(), s.rowsRead(), products, s.problems(), s.skipped());
    }

    /**
     * Reads a file as a stream, handing each product to {@code consumer} as soon as it is complete: Shopify, native
     * CSV and JSON products are never all held; WooCommerce products come at the end of the file (its variations
     * may follow anywhere). A product already handed over stays handed over when a later part of the file turns
     * out to be unreadable, so a caller that must not keep half a file works inside a transaction. Exceptions the
     * consumer throws pass through unchanged. The stream is not closed.
     *
     * @param in the file's bytes
     * @param consumer takes each product in file order
     * @return the format, the counts and the rows that could not be used
     * @throws ImportFileException if the file as a whole cannot be imported
     * @throws UncheckedIOException if reading the stream itself fails
     */
    public ImportSummary read(InputStream in, Consumer<ImportedProduct> consumer) {
        return read(in, consumer, false);
    }

    /**
     * Reads only the JSON form ({@code PUT /products}): like {@link #read(InputStream, Consumer)}, but anything
     * that is not a JSON array is refused with {@link Reason#BROKEN_JSON} instead of being read as CSV.
     *
     * @param in the JSON bytes
     * @param consumer takes each product in array order
     * @return the format ({@link ImportFormat#JSON}), the counts and the elements that could not be used
     * @throws ImportFileException if the body is not a JSON array of products (or too large, or empty)
     * @throws UncheckedIOException if reading the stream itself fails
     */
    public ImportSummary readJson(InputStream in, Consumer<ImportedProduct> consumer) {
        return read(in, consumer, true);
    }

    private ImportSummary read(InputStream in, Consumer<ImportedProduct> consumer, boolean jsonOnly) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(consumer, "consumer");
        BufferedInputStream bytes = new BufferedInputStream(new LimitedInputStream(in, maxBytes));
        long[] line = {1};
        try {
            skipUtf8Bom(bytes);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, decoder), SNIFF_CHARS);
            int first = firstNonBlank(reader, line);
            if (first < 0) {
                throw new ImportFileException(Reason.EMPTY_FILE, jsonOnly ? "The body is empty: send a JSON array "
                        + "of products." : "The file is empty: it has no header row and no products.");
            }
            if (first == '[') {
                return new JsonProducts(timeZone).read(reader, line, new ImportSink(consumer));
            }
            if (jsonOnly) {
                throw new ImportFileException(Reason.BROKEN_JSON, "The body must be a JSON array of products "
                        + "([{\"productId\": ...}, ...]).");
            }
            return readCsv(reader, line, new ImportSink(consumer));
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | UncheckedIOException | JacksonException e) {
            throw translate(e, line[0]);
        }
    }

    private ImportSummary readCsv(BufferedReader reader, long[] line, ImportSink sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        Iterator<CSVRecord> it = parser.iterator();
        Header header = null;
        CsvFormatReader formatReader = null;
        ImportFormat detected = null;
        long end = 0;
        while (true) {
            line[0] = end + 1;
            if (!it.hasNext()) {
                break;
            }
            long start = end + 1;
            end = parser.getCurrentLineNumber();
            CSVRecord record = it.next();
            if (header == null) {
                if (blank(record)) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                record.forEach(names::add);
                header = new Header(names);
                detected = detect(header);
                formatReader = readerFor(detected, sink);
                continue;
            }
            Row row = new Row(start, record, header);
            if (row.isBlank()) {
                continue;
            }
            sink.rowsRead++;
            formatReader.accept(row);
        }
        if (header == null) {
            throw new ImportFileException(Reason.EMPTY_FILE, "The file is empty: it has no header row and no "
                    + "products.");
        }
        formatReader.finish();
        return sink.summary(detected);
    }

    private CsvFormatReader readerFor(ImportFormat format, ImportSink sink) {
        switch (format) {
            case SHOPIFY:
                return new ShopifyCsv(sink);
            case WOOCOMMERCE:
                return new WooCommerceCsv(sink, timeZone);
            default:
                return new NativeCsv(sink, timeZone);
        }
    }

    static ImportFormat detect(Header h) {
        if ((h.has("Handle") || h.has("URL handle")) && h.has("Title")) {
            return ImportFormat.SHOPIFY;
        }
        if (h.has("Type") && h.has("SKU") && h.has("Name") && (h.has("Regular price") || h.has("Parent"))) {
            return ImportFormat.WOOCOMMERCE;
        }
        if (h.has("productId")) {
            return ImportFormat.NATIVE_CSV;
        }
        String seen = h.toString();
        if (seen.length() > 200) {
            seen = seen.substring(0, 197) + "...";
        }
        throw new ImportFileException(Reason.UNKNOWN_FORMAT, "The header row (" + seen + ") is not one of the "
                + "formats this import reads: a Shopify product CSV export (Handle, Title, ...), a WooCommerce "
                + "product CSV export (ID, Type, SKU, Name, ...), the native CSV (productId, sku, name, ...) or a "
                + "JSON array of products.");
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void skipUtf8Bom(BufferedInputStream in) throws IOException {
        in.mark(3);
        int a = in.read();
        int b = in.read();
        int c = in.read();
        if (a == 0xEF && b == 0xBB && c == 0xBF) {
            return;
        }
        if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE)) {
            throw new ImportFileException(Reason.NOT_UTF8, "The file is UTF-16 text, not UTF-8. Save it as "
                    + "\"CSV UTF-8\" (or export it again) and upload it once more.");
        }
        in.reset();
    }

    private static int firstNonBlank(BufferedReader reader, long[] line) throws IOException {
        reader.mark(SNIFF_CHARS);
        int read = 0;
        int c;
        while ((c = reader.read()) >= 0 && Character.isWhitespace(c) && ++read < SNIFF_CHARS - 1) {
            if (c == '\n') {
                line[0]++;
            }
        }
        reader.reset();
        line[0] = 1;
        return c;
    }

    private ImportFileException translate(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.LimitExceededException) {
                return new ImportFileException(Reason.TOO_LARGE, "The file is larger than the limit of "
                        + megabytes() + ". Split it into smaller files and import them one after the other.", e);
            }
            if (t instanceof CharacterCodingException) {
                return new ImportFileException(Reason.NOT_UTF8, "The file is not UTF-8 text (near line " + line
                        + "). Save it as \"CSV UTF-8\" (or export it again) and upload it once more.", e);
            }
        }
        if (e instanceof JacksonException) {
            return JsonProducts.broken((JacksonException) e);
        }
        return new ImportFileException(Reason.BROKEN_QUOTING, "The CSV quoting is broken near line " + line
                + ": a value that starts with a double quote must end with one, and a double quote inside a "
                + "quoted value is written twice (\"\").", e);
    }

    private String megabytes() {
        long mb = 1024 * 1024;
        return maxBytes % mb == 0 ? (maxBytes / mb) + " MB" : maxBytes + " bytes";
    }

    /** Options for a {@link ProductImporter}. */
    public static final class Builder {
        private long maxBytes = DEFAULT_MAX_BYTES;
        private ZoneId timeZone = ZoneOffset.UTC;

        private Builder() {
        }

        /**
         * Sets the largest file accepted, in bytes; more is refused with {@link Reason#TOO_LARGE}.
         *
         * @param maxBytes the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if the limit is below 1
         */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Sets the zone of dates written without an offset (the store's zone).
         *
         * @param timeZone the zone
         * @return this builder
         */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = Objects.requireNonNull(timeZone, "timeZone == null");
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         */
        public ProductImporter build() {
            return new ProductImporter(this);
        }
    }
}
