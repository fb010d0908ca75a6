package io.github.metacommerce.sync;

import io.github.metacommerce.catalog.ItemAction;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.catalog.LocalizedItem;
import io.github.metacommerce.product.IssueCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An item on its way to Meta. {@code localized} holds the translations still to account for: all of them until
 * the ledger lookup, then only those to send. {@code translationHashes} holds the hash of every current
 * translation by language; {@code known} is the ledger's record, or null for an item new to it. {@code hash} is
 * what the ledger compares: the payload's hash, with a digest of the translations folded in when the store keeps
 * no translation hashes; {@code itemHash} is the payload's hash alone. {@code fingerprint} is its product's
 * fingerprint to record once Meta confirms it (empty when the product must be mapped again next time, see
 * {@link Fingerprints}); {@code warnedMissingCategory} whether the local validator already warned that the
 * category is missing.
 */
record Pending(String productId, String retailerId, ItemAction action, ItemRequest request, String hash,
        String itemHash, List<LocalizedItem> localized, Map<String, String> translationHashes, SyncRecord known,
        boolean warnedMissingCategory, String fingerprint) {

    Pending withLookup(List<LocalizedItem> toSend, SyncRecord rec) {
        return new Pending(productId, retailerId, action, request, hash, itemHash, toSend, translationHashes, rec,
                warnedMissingCategory, fingerprint);
    }

    Pending withKnown(SyncRecord rec) {
        return new Pending(productId, retailerId, action, request, hash, itemHash, localized, translationHashes, rec,
                warnedMissingCategory, fingerprint);
    }

    /** The id the report lists it under when it was not attempted: its product's, else its retailer id. */
    String listedId() {
        return productId.isEmpty() ? retailerId : productId;
    }

    /**
     * Whether Meta's warning only repeats one the local validator already reported for this item: only Meta's
     * missing-category warning, which the validator mirrors as {@link IssueCode#MISSING_CATEGORY}. Any other
     * warning from Meta is kept, even on a field that had a local warning.
     */
    boolean alreadyWarned(String metaWording) {
        return warnedMissingCategory && isMissingCategory(metaWording);
    }

    private static boolean isMissingCategory(String metaWording) {
        String field = MetaMessageFields.fieldOf(metaWording);
        return (field.equals("google_product_category") || field.equals("fb_product_category"))
                && metaWording.toLowerCase(Locale.ROOT).contains("missing");
    }
}
