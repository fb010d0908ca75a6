package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One items_batch or localized_items_batch call, processed asynchronously. */
final class Batch {
    /** One request of the batch. */
    record Line(int line, String method, String retailerId, ObjectNode data, String localization,
            boolean invalidAtSubmit) {
    }

    /** An error or warning of the batch. */
    record Message(int line, String id, String message) {
    }

    final String handle;
    final String catalogId;
    final boolean localized;
    final boolean allowUpsert;
    final Instant submittedAt;
    final Instant dueAt;
    final List<Line> lines;
    final List<Message> errors = new ArrayList<>();
    final List<Message> warnings = new ArrayList<>();
    final Set<String> invalidIds = new LinkedHashSet<>();
    volatile boolean finished;
    int created;
    int updated;
    int deleted;

    Batch(String handle, String catalogId, boolean localized, boolean allowUpsert, Instant submittedAt,
            Instant dueAt, List<Line> lines) {
        this.handle = handle;
        this.catalogId = catalogId;
        this.localized = localized;
        this.allowUpsert = allowUpsert;
        this.submittedAt = submittedAt;
        this.dueAt = dueAt;
        this.lines = lines;
    }
}
