package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.product.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch being settled, and what of it is counted already, so an unexpected failure (a ledger that throws, say)
 * counts only the rest, each item and translation exactly once.
 */
final class Settling {
    final List<Pending> items;
    /** Translation-only: the items are counted unchanged already, only their translations are open. */
    final boolean translationsOnly;
    /** Why an item left open by an unexpected failure is not confirmed. */
    final String why;
    /** Retailer ids counted with all their translations. */
    final Set<String> settled = new HashSet<>();
    /** Translations ({@link #key}) counted failed or not attempted. */
    final Set<String> translationsCounted = new HashSet<>();
    /** Translations Meta accepted: counted sent once the ledger has recorded them. */
    final Set<String> translationsAccepted = new HashSet<>();

    Settling(List<Pending> items, boolean translationsOnly, String why) {
        this.items = items;
        this.translationsOnly = translationsOnly;
        this.why = why;
    }

    static String key(String retailerId, String language) {
        return language + "\u0000" + retailerId;
    }

    long accepted(Pending p) {
        return p.localized().stream()
                .filter(l -> translationsAccepted.contains(key(p.retailerId(), l.languageValue())))
                .count();
    }

    /**
     * Counts what an unexpected failure left open: an item not yet counted is unconfirmed (Meta confirmed it but
     * the ledger has no record, so it is sent again next time); a translation Meta accepted but the ledger did not
     * record failed with a translation error; a translation not yet sent not attempted.
     */
    void settleRest(Tally tally) {
        for (Pending p : items) {
            if (settled.contains(p.retailerId())) {
                continue;
            }
            if (!translationsOnly) {
                tally.unconfirmedItem(p, ErrorCategory.UNKNOWN, why);
            }
            for (LocalizedItem l : p.localized()) {
                String k = key(p.retailerId(), l.languageValue());
                if (translationsCounted.contains(k)) {
                    continue;
                }
                if (translationsAccepted.contains(k)) {
                    tally.translationsFailed++;
                    tally.translationErrors.add(tally.issue(p.retailerId(), p.productId(), ErrorCategory.UNKNOWN,
                            Severity.ERROR, "TRANSLATION_UNCONFIRMED", "",
                            "The " + l.languageValue() + " translation was sent but the sync failed before "
                                    + "recording it; it will be sent again next time.", IssueSource.API));
                } else {
                    tally.translationsNotAttempted++;
                }
            }
            settled.add(p.retailerId());
        }
    }
}
