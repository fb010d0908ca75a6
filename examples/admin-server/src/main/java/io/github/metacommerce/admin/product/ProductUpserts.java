package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads products (a body or an uploaded file) with the store's time zone and upserts them in chunks inside one
 * transaction, so a file that turns out to be unreadable halfway changes nothing; for the REST routes and the
 * Import page alike.
 */
@Component
class ProductUpserts {
    private static final Logger log = LoggerFactory.getLogger(ProductUpserts.class);

    private final Products products;
    private final StoreSettingsTable settings;
    private final TransactionTemplate tx;

    ProductUpserts(Products products, StoreSettingsTable settings, TransactionTemplate tx) {
        this.products = products;
        this.settings = settings;
        this.tx = tx;
    }

    /** What an upsert read and wrote. */
    record Outcome(ImportSummary summary, ChunkedUpsert sink) {
        /** The problems of reading and of writing, by line. */
        List<RowProblem> problems() {
            List<RowProblem> all = new ArrayList<>(summary.problems());
            all.addAll(sink.refused());
            all.sort(Comparator.comparingLong(RowProblem::line));
            return all;
        }
    }

    /**
     * Upserts what {@code read} reads; a file fault rolls back and is answered 400 (413 when too large) naming
     * {@code field}.
     */
    Outcome upsert(CurrentStore store, String field, BiFunction<ProductImporter, ChunkedUpsert, ImportSummary> read) {
        ProductImporter importer = ProductImporter.builder()
                .timeZone(settings.find(store.id()).schedule().timeZone()).build();
        ChunkedUpsert sink = new ChunkedUpsert(products, store.id());
        try {
            ImportSummary summary = tx.execute(status -> {
                ImportSummary s = read.apply(importer, sink);
                sink.flush();
                return s;
            });
            return new Outcome(summary, sink);
        } catch (ImportFileException e) {
            log.info("Store {}: refused a product {} ({}): {}", store.id(), field, e.reason(), e.getMessage());
            if (e.reason() == ImportFileException.Reason.TOO_LARGE) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "unknown_error", "payload_too_large",
                        Optional.of(field), e.getMessage());
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown_error",
                    "invalid_" + field + "_" + e.reason().name().toLowerCase(Locale.ROOT), Optional.of(field),
                    e.getMessage());
        }
    }

    /** Imports an uploaded file (Shopify, WooCommerce, native CSV or JSON, told apart by its content). */
    Outcome importFile(CurrentStore store, MultipartFile file) {
        store.requireOwner("import products");
        Outcome o = upsert(store, "file", (importer, sink) -> {
            try (InputStream in = file.getInputStream()) {
                return importer.read(in, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        log.info("Store {}: imported {} '{}' ({} rows, {} products: {} created, {} updated, {} unchanged, "
                + "{} problems)", store.id(), o.summary().format().label(), file.getOriginalFilename(),
                o.summary().rowsRead(), o.summary().productsRead(), o.sink().created(), o.sink().updated(),
                o.sink().unchanged(), o.problems().size());
        return o;
    }
}
