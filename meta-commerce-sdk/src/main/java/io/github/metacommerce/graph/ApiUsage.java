package io.github.metacommerce.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's rate-limit usage headers of one response, parsed: {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}
 * (a JSON object keyed by business object id, each holding an array of use-case entries).
 *
 * <p>A header that is absent or malformed yields an empty part; it never fails the call.
 */
public final class ApiUsage {
    private final Optional<AppUsage> app;
    private final Map<String, List<BusinessUseCaseUsage>> businessUseCases;

    private static final ApiUsage NONE = new ApiUsage(Optional.empty(), Map.of());

    /** Copies the components into immutable collections. */
    private ApiUsage(Optional<AppUsage> app, Map<String, List<BusinessUseCaseUsage>> businessUseCases) {
        Objects.requireNonNull(app, "app");
        businessUseCases = businessUseCases == null ? Map.of() : Map.copyOf(businessUseCases);
        this.app = app;
        this.businessUseCases = businessUseCases;
    }

    /**
     * Creates an {@code ApiUsage}.
     *
     * @param app the app usage, when the header was present
     * @param businessUseCases the business use-case usage per object id (catalog, business, ad account...)
     * @return the value
     */
    public static ApiUsage of(Optional<AppUsage> app, Map<String, List<BusinessUseCaseUsage>> businessUseCases) {
        return new ApiUsage(app, businessUseCases);
    }

    /**
     * Returns the app usage, when the header was present.
     *
     * @return the app usage, when the header was present
     */
    public Optional<AppUsage> app() {
        return app;
    }

    /**
     * Returns the business use-case usage per object id (catalog, business, ad account...).
     *
     * @return the business use-case usage per object id (catalog, business, ad account...)
     */
    public Map<String, List<BusinessUseCaseUsage>> businessUseCases() {
        return businessUseCases;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ApiUsage that)) {
            return false;
        }
        return Objects.equals(app, that.app)
                && Objects.equals(businessUseCases, that.businessUseCases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(app, businessUseCases);
    }

    @Override
    public String toString() {
        return "ApiUsage[app=" + app
                + ", businessUseCases=" + businessUseCases + "]";
    }

    /**
     * Returns the usage of a response that had no usage headers.
     *
     * @return the empty usage
     */
    public static ApiUsage none() {
        return NONE;
    }

    /**
     * Returns whether neither header was present.
     *
     * @return {@code true} when there is nothing to report
     */
    public boolean isEmpty() {
        return app.isEmpty() && businessUseCases.isEmpty();
    }

    /**
     * Returns the entries for one business object, for example a catalog id.
     *
     * @param objectId the object id as Meta keys it
     * @return the entries, empty when the object is not in the header
     */
    public List<BusinessUseCaseUsage> forObject(String objectId) {
        return businessUseCases.getOrDefault(objectId, List.of());
    }

    /**
     * Returns the highest percentage in either header: how close the app is to being throttled (100 = throttled).
     *
     * @return the highest percentage, 0 when there is no usage information
     */
    public int maxPercent() {
        int max = app.map(AppUsage::maxPercent).orElse(0);
        for (List<BusinessUseCaseUsage> entries : businessUseCases.values()) {
            for (BusinessUseCaseUsage e : entries) {
                max = Math.max(max, e.maxPercent());
            }
        }
        return max;
    }

    /**
     * Returns the longest {@code estimated_time_to_regain_access} in the business use-case header.
     *
     * @return the longest wait, empty when no entry asks to wait
     */
    public Optional<Duration> longestWaitToRegainAccess() {
        Duration longest = Duration.ZERO;
        for (List<BusinessUseCaseUsage> entries : businessUseCases.values()) {
            for (BusinessUseCaseUsage e : entries) {
                if (e.estimatedTimeToRegainAccess().compareTo(longest) > 0) {
                    longest = e.estimatedTimeToRegainAccess();
                }
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }
}
