package io.github.metacommerce.admin.product;

import java.util.List;
import java.util.Objects;

/**
 * What a streaming import read, without the products themselves (those went to the caller's consumer as they
 * completed): the format, the counts and every row it could not use.
 *
 * <pre>{@code
 * ImportSummary summary = importer.read(upload, p -> batch.add(p.product()));
 * log.info("{} rows, {} products, {} problems", summary.rowsRead(), summary.productsRead(),
 *         summary.problems().size());
 * }</pre>
 *
 * @param format the format detected from the header row (or a leading {@code [})
 * @param rowsRead the data rows read (CSV records after the header, or JSON array elements)
 * @param productsRead the products handed to the consumer
 * @param problems the rows (or values) that could not be used because of bad data, by line
 * @param skipped rows that are fine but have nothing to import on their own, each with the reason
 */
public record ImportSummary(ImportFormat format, long rowsRead, long productsRead, List<RowProblem> problems,
        List<RowProblem> skipped) {

    /** Validates and copies the components. */
    public ImportSummary {
        Objects.requireNonNull(format, "format");
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }
}
