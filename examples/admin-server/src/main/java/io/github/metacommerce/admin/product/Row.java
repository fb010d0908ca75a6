package io.github.metacommerce.admin.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV record with its start line, read by column name. Typed getters record a {@link RowProblem} naming the
 * column (as the file writes it) when a value does not parse, and return null; {@link #problems()} then lists them.
 */
final class Row {
    private final long line;
    private final CSVRecord record;
    private final Header header;
    private final List<RowProblem> problems = new ArrayList<>();

    Row(long line, CSVRecord record, Header header) {
        this.line = line;
        this.record = record;
        this.header = header;
    }

    long line() {
        return line;
    }

    Header header() {
        return header;
    }

    List<RowProblem> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String column, String message) {
        problems.add(new RowProblem(line, column, message));
    }

    /** The stripped value of the first of the columns the file has; empty when none or blank. */
    String get(String... columns) {
        for (String c : columns) {
            int i = header.indexOf(c);
            if (i >= 0) {
                return i < record.size() ? record.get(i).strip() : "";
            }
        }
        return "";
    }

    /** The stripped value of the first of the columns that is not blank; empty when none. */
    String firstFilled(String... columns) {
        for (String c : columns) {
            String v = get(c);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** The value as written, without stripping (for HTML descriptions). */
    String raw(String... columns) {
        for (String c : columns) {
            int i = header.indexOf(c);
            if (i >= 0) {
                return i < record.size() ? record.get(i) : "";
            }
        }
        return "";
    }

    /** The value or null when blank. */
    String text(String... columns) {
        String v = get(columns);
        return v.isEmpty() ? null : v;
    }

    String column(String... columns) {
        return header.first(columns).orElse(columns[0]);
    }

    BigDecimal price(String... columns) {
        return parse(Values::price, columns);
    }

    Integer wholeNumber(String... columns) {
        return parse(Values::wholeNumber, columns);
    }

    /** Parses a non-blank value; a parser answers a {@link Values.Parsed} with either a value or a message. */
    <T> T parse(Function<String, Values.Parsed<T>> parser, String... columns) {
        String v = get(columns);
        if (v.isEmpty()) {
            return null;
        }
        Values.Parsed<T> p = parser.apply(v);
        if (p.message() != null) {
            problem(column(columns), p.message());
            return null;
        }
        return p.value();
    }

    boolean isBlank() {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
