package io.github.metacommerce.admin.product;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Import page: upload a Shopify, WooCommerce or native CSV (or JSON) file; the answer shows what was read and
 * written and each row's problem with its line and column. A file that cannot be read says why.
 */
@Controller
class ImportPage {
    private final ProductUpserts upserts;

    ImportPage(ProductUpserts upserts) {
        this.upserts = upserts;
    }

    /**
     * What an import did.
     *
     * @param format the file's format, in words
     * @param rowsRead data rows read
     * @param productsRead products read
     * @param created products created
     * @param updated products updated
     * @param unchanged products already as in the file
     * @param skipped rows skipped
     * @param problems the problems and skipped rows by line (at most {@link ProductController#MAX_LISTED_PROBLEMS})
     * @param problemCount how many problems there are in all
     */
    record ImportView(String format, long rowsRead, long productsRead, long created, long updated, long unchanged,
            int skipped, List<ProblemView> problems, int problemCount) {
    }

    /** A row's problem. */
    record ProblemView(long line, String column, String reason, boolean skipped) {
    }

    @GetMapping("/admin/products/import")
    String form() {
        return "import";
    }

    @PostMapping("/admin/products/import")
    String upload(CurrentStore store, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("flashError", "Choose a product file to import (CSV from Shopify or WooCommerce, or the "
                    + "native CSV).");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "import";
        }
        try {
            ProductUpserts.Outcome o = upserts.importFile(store, file);
            List<RowProblem> problems = o.problems();
            List<ProblemView> listed = Stream.concat(
                            problems.stream().map(p -> new ProblemView(p.line(), p.column(), p.message(), false)),
                            o.summary().skipped().stream().map(p -> new ProblemView(p.line(), p.column(), p.message(),
                                    true)))
                    .sorted(Comparator.comparingLong(ProblemView::line))
                    .limit(ProductController.MAX_LISTED_PROBLEMS).toList();
            model.addAttribute("result", new ImportView(o.summary().format().label(), o.summary().rowsRead(),
                    o.summary().productsRead(), o.sink().created(), o.sink().updated(), o.sink().unchanged(),
                    o.summary().skipped().size(), listed, problems.size()));
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("flashSuccess", problems.isEmpty() ? "Import done." : "Import done; some rows have "
                    + "problems (below). Fix them in the file and import it again.");
        } catch (ApiException e) {
            model.addAttribute("flashError", "This file was not imported: " + e.getMessage());
            response.setStatus(e.status().value());
        }
        return "import";
    }
}
