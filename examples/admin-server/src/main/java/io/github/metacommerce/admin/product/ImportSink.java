package io.github.metacommerce.admin.product;

import io.github.metacommerce.product.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Hands what the format readers produce to the caller (products, as they complete) and collects the problems. */
final class ImportSink {
    private final Consumer<ImportedProduct> products;
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowProblem> skipped = new ArrayList<>();
    long rowsRead;
    long productsRead;

    ImportSink(Consumer<ImportedProduct> products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    void product(long line, Product product) {
        productsRead++;
        products.accept(new ImportedProduct(line, product));
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

    ImportSummary summary(ImportFormat format) {
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportSummary(format, rowsRead, productsRead, problems, skipped);
    }
}
