package io.github.metacommerce.admin.product;

import java.util.Objects;

/**
 * A row (or a value in it) the import could not use, with where it is and why, for the merchant to fix in the file.
 * {@link #toString()} reads as a sentence: {@code line 14, column Variant Price: 'abc' is not a price}.
 *
 * @param line the line in the file where the row starts (the header is line 1; a JSON element's first line)
 * @param column the column (CSV) or field (JSON) at fault; empty when the whole row is at fault
 * @param message what is wrong, for a merchant
 */
public record RowProblem(long line, String column, String message) {

    /** Validates the components. */
    public RowProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + message;
    }
}
