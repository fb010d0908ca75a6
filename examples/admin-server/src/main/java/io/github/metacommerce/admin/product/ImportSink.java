package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects what the format readers produce. */
final class ImportSink {
    final List<ImportedProduct> products = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowProblem> skipped = new ArrayList<>();
    long rowsRead;

    void product(long line, Product product) {
        products.add(new ImportedProduct(line, product));
    }

    void problem(long line, String column, String message) {
        problems.add(new RowProblem(line, column, message));
    }

    void problems(Collection<RowProblem> p) {
        problems.addAll(p);
    }

    void skip(long line, String column, String reason) {
        skipped.add(new RowProblem(line, column, reason));
    }

    ImportResult result(ImportFormat format) {
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(format, rowsRead, products, problems, skipped);
    }
}
