package io.github.metacommerce.admin.product;

/** Reads the data rows of one CSV format, in file order, into an {@link ImportSink}. */
interface CsvFormatReader {
    /**
     * Takes the next non-blank data row.
     *
     * @param row the row
     */
    void accept(Row row);

    /** Called after the last row: emits what is still open. */
    void finish();
}
