package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.AppUsage;
import io.github.metacommerce.graph.BusinessUseCaseUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}; a malformed header is ignored, never fatal. */
public final class UsageHeaders {
    private static final Logger log = LoggerFactory.getLogger(UsageHeaders.class);

    private UsageHeaders() {
    }

    /**
     * Parses both headers.
     *
     * @param appUsage the {@code X-App-Usage} value, may be null
     * @param businessUseCaseUsage the {@code X-Business-Use-Case-Usage} value, may be null
     * @return the usage
     */
    public static ApiUsage parse(String appUsage, String businessUseCaseUsage) {
        Optional<AppUsage> app = parseApp(appUsage);
        Map<String, List<BusinessUseCaseUsage>> buc = parseBusinessUseCases(businessUseCaseUsage);
        if (app.isEmpty() && buc.isEmpty()) {
            return ApiUsage.none();
        }
        return ApiUsage.of(app, buc);
    }

    static Optional<AppUsage> parseApp(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.parse(header);
            if (!n.isObject()) {
                return Optional.empty();
            }
            return Optional.of(AppUsage.of(percent(n, "call_count"), percent(n, "total_cputime"),
                    percent(n, "total_time")));
        } catch (Exception e) {
            log.debug("Ignoring malformed X-App-Usage header ({} characters)", header.length());
            return Optional.empty();
        }
    }

    static Map<String, List<BusinessUseCaseUsage>> parseBusinessUseCases(String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode root = Json.parse(header);
            if (!root.isObject()) {
                return Map.of();
            }
            Map<String, List<BusinessUseCaseUsage>> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                List<BusinessUseCaseUsage> entries = new ArrayList<>();
                JsonNode value = e.getValue();
                if (value.isArray()) {
                    value.forEach(u -> entries.add(entry(u)));
                } else if (value.isObject()) {
                    entries.add(entry(value));
                }
                out.put(e.getKey(), List.copyOf(entries));
            }
            return out;
        } catch (Exception e) {
            log.debug("Ignoring malformed X-Business-Use-Case-Usage header ({} characters)", header.length());
            return Map.of();
        }
    }

    private static BusinessUseCaseUsage entry(JsonNode u) {
        long minutes = Json.number(u, "estimated_time_to_regain_access").orElse(0L);
        return BusinessUseCaseUsage.of(
                Json.text(u, "type").orElse(""),
                percent(u, "call_count"),
                percent(u, "total_cputime"),
                percent(u, "total_time"),
                Duration.ofMinutes(Math.max(0, minutes)),
                Json.text(u, "ads_api_access_tier"));
    }

    private static int percent(JsonNode n, String field) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Json.number(n, field).orElse(0L)));
    }
}
