package io.github.metacommerce.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The same issue repeated over several items, as one line: who found it, its code, field and message, how many
 * items got it, and the first few of their retailer ids. See {@link SyncReport#warningSummary()}.
 */
public final class SyncIssueGroup {
    /** How many retailer ids a group keeps as samples. */
    public static final int MAX_SAMPLES = 5;

    private final IssueSource source;
    private final String code;
    private final String field;
    private final String message;
    private final long count;
    private final List<String> sampleRetailerIds;

    private SyncIssueGroup(IssueSource source, String code, String field, String message, long count,
            List<String> sampleRetailerIds) {
        this.source = source;
        this.code = code;
        this.field = field;
        this.message = message;
        this.count = count;
        this.sampleRetailerIds = List.copyOf(sampleRetailerIds);
    }

    /**
     * Groups issues that share source, code, field and message, most frequent first (ties in order of first
     * appearance).
     *
     * @param issues the issues
     * @return the groups
     */
    static List<SyncIssueGroup> group(List<SyncIssue> issues) {
        record Key(IssueSource source, String code, String field, String message) {
        }
        final class Acc {
            long count;
            final List<String> samples = new ArrayList<>();
        }
        Map<Key, Acc> groups = new LinkedHashMap<>();
        for (SyncIssue i : issues) {
            Acc acc = groups.computeIfAbsent(new Key(i.source(), i.code(), i.field(), i.message()), k -> new Acc());
            acc.count++;
            if (acc.samples.size() < MAX_SAMPLES && !i.retailerId().isEmpty()
                    && !acc.samples.contains(i.retailerId())) {
                acc.samples.add(i.retailerId());
            }
        }
        List<SyncIssueGroup> out = new ArrayList<>(groups.size());
        groups.forEach((k, a) -> out.add(new SyncIssueGroup(k.source(), k.code(), k.field(), k.message(), a.count,
                a.samples)));
        out.sort(Comparator.comparingLong(SyncIssueGroup::count).reversed());
        return List.copyOf(out);
    }

    /**
     * Returns who found the issue.
     *
     * @return the source
     */
    public IssueSource source() {
        return source;
    }

    /**
     * Returns the issue's code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the field concerned, empty when unknown.
     *
     * @return the field
     */
    public String field() {
        return field;
    }

    /**
     * Returns the message.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * Returns how many times the issue occurred.
     *
     * @return the count, at least 1
     */
    public long count() {
        return count;
    }

    /**
     * Returns up to {@link #MAX_SAMPLES} retailer ids of items that got it.
     *
     * @return the ids, in order of appearance
     */
    public List<String> sampleRetailerIds() {
        return sampleRetailerIds;
    }

    /**
     * Returns the group as one log line, for example
     * {@code 642 x META_WARNING [google_product_category] Missing ... (e.g. SKU-1, SKU-2)}.
     *
     * @return the line
     */
    public String describe() {
        return count + " x " + code + (field.isEmpty() ? "" : " [" + field + "]") + " " + message
                + (sampleRetailerIds.isEmpty() ? "" : " (e.g. " + String.join(", ", sampleRetailerIds)
                        + (count > sampleRetailerIds.size() ? ", ..." : "") + ")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyncIssueGroup o && source == o.source && code.equals(o.code)
                && field.equals(o.field) && message.equals(o.message) && count == o.count
                && sampleRetailerIds.equals(o.sampleRetailerIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, code, field, message, count, sampleRetailerIds);
    }

    @Override
    public String toString() {
        return "SyncIssueGroup[" + describe() + "]";
    }
}
