package io.github.metacommerce.admin.product;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What an import read: the format, how many rows, the products in file order and every row it could not use.
 *
 * <pre>{@code
 * ImportResult result = ProductImporter.create().read(in);
 * result.products().forEach(p -> store.upsert(p.product()));
 * result.problems().forEach(p -> log.info("{}", p)); // "line 14, column Variant Price: 'abc' is not a price"
 * }</pre>
 */
public final class ImportResult {
    private final ImportFormat format;
    private final long rowsRead;
    private final List<ImportedProduct> products;
    private final List<RowProblem> problems;
    private final List<RowProblem> skipped;

    ImportResult(ImportFormat format, long rowsRead, List<ImportedProduct> products, List<RowProblem> problems,
            List<RowProblem> skipped) {
        this.format = Objects.requireNonNull(format, "format");
        this.rowsRead = rowsRead;
        this.products = Collections.unmodifiableList(new ArrayList<>(products));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
    }

    /**
     * Returns the format detected from the header row.
     *
     * @return the format
     */
    public ImportFormat format() {
        return format;
    }

    /**
     * Returns the number of data rows read (CSV records after the header, or JSON array elements).
     *
     * @return the rows read
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Returns the products in the order of their first row in the file.
     *
     * @return the products
     */
    public List<ImportedProduct> products() {
        return products;
    }

    /**
     * Returns the rows (or values) that could not be used because of bad data, in file order.
     *
     * @return the problems, empty when every row was used
     */
    public List<RowProblem> problems() {
        return problems;
    }

    /**
     * Returns rows that are fine but have nothing to import on their own (such as a WooCommerce grouped product,
     * whose member products are imported from their own rows), each with the reason.
     *
     * @return the skipped rows
     */
    public List<RowProblem> skipped() {
        return skipped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportResult that && format == that.format && rowsRead == that.rowsRead
                && products.equals(that.products) && problems.equals(that.problems) && skipped.equals(that.skipped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, rowsRead, products, problems, skipped);
    }

    @Override
    public String toString() {
        return "ImportResult[format=" + format + ", rowsRead=" + rowsRead + ", products=" + products.size()
                + ", problems=" + problems + ", skipped=" + skipped + "]";
    }
}
