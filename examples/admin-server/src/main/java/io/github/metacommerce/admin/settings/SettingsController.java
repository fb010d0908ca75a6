package io.github.metacommerce.admin.settings;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.net.IDN;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes 5 and 6: the store's configuration (the token masked, never returned) and saving its sync settings. A
 * field left out of {@code save-config} keeps its value; a value that is not allowed is a 400 naming the field.
 */
@RestController
@RequestMapping("/api/meta-commerce")
class SettingsController {
    /** What an API answer shows in place of a token. */
    static final String MASK = "••••••••";
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final int MAX_LANGUAGES = 20;
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final StoreSettingsTable settings;
    private final MetaConnections connections;

    SettingsController(StoreSettingsTable settings, MetaConnections connections) {
        this.settings = settings;
        this.connections = connections;
    }

    record ScheduleBody(String type, Integer everyHours, String dailyAt, String timeZone) {
    }

    record SyncSettingsBody(String outOfStockPolicy, ScheduleBody schedule, List<String> languages,
            Boolean syncOnChange) {
    }

    record SaveConfig(SyncSettingsBody syncSettings, String defaultBrand, String storeDomain, String currency) {
    }

    @GetMapping("/config")
    Map<String, Object> config(CurrentStore store) {
        Optional<MetaConnection> connection = connections.find(store.id());
        SettingsRow s = settings.find(store.id());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("accessToken", connection.map(c -> MASK).orElse(null));
        config.put("businessId", connection.flatMap(MetaConnection::businessId).orElse(null));
        config.put("businessName", connection.flatMap(MetaConnection::businessName).orElse(null));
        config.put("catalogId", connection.flatMap(MetaConnection::catalogId).orElse(null));
        config.put("catalogName", connection.flatMap(MetaConnection::catalogName).orElse(null));
        config.put("defaultBrand", s.defaultBrand().orElse(null));
        config.put("storeDomain", s.storeDomain().orElse(null));
        config.put("currency", s.currency());
        config.put("syncSettings", syncSettings(s));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("configured", connection.map(c -> c.usable() && c.catalogId().isPresent()).orElse(false));
        answer.put("config", config);
        return answer;
    }

    @PostMapping("/save-config")
    Map<String, Object> save(CurrentStore store, @RequestBody SaveConfig body) {
        store.requireOwner("change the settings");
        if (body == null) {
            throw ApiException.badRequest("body", "Send the settings as a JSON object.");
        }
        settings.save(store.id(), merge(settings.find(store.id()), body));
        return Map.of("success", true);
    }

    /**
     * The settings after a save: each field given replaces the current value once it is valid; a field left out
     * keeps it.
     *
     * @param current the stored settings
     * @param body what was sent
     * @return the new settings
     * @throws ApiException 400 naming the first field whose value is not allowed
     */
    static SettingsRow merge(SettingsRow current, SaveConfig body) {
        Optional<String> brand = body.defaultBrand() == null ? current.defaultBrand() : brand(body.defaultBrand());
        Optional<String> domain = body.storeDomain() == null ? current.storeDomain() : domain(body.storeDomain());
        String currency = body.currency() == null ? current.currency() : currency(body.currency());
        SyncSettingsBody sync = body.syncSettings();
        OutOfStockPolicy policy = sync == null || sync.outOfStockPolicy() == null ? current.outOfStockPolicy()
                : policy(sync.outOfStockPolicy());
        SyncSchedule schedule = sync == null || sync.schedule() == null ? current.schedule()
                : schedule(sync.schedule());
        List<String> languages = sync == null || sync.languages() == null ? current.languages()
                : languages(sync.languages());
        boolean onChange = sync == null || sync.syncOnChange() == null ? current.syncOnChange() : sync.syncOnChange();
        return new SettingsRow(brand, domain, currency, policy, schedule, languages, onChange);
    }

    static Map<String, Object> syncSettings(SettingsRow s) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("type", s.schedule().type());
        schedule.put("everyHours", s.schedule().everyHours().orElse(null));
        schedule.put("dailyAt", s.schedule().dailyAt().map(LocalTime::toString).orElse(null));
        schedule.put("timeZone", s.schedule().timeZone().getId());
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("outOfStockPolicy", s.outOfStockPolicy().name().toLowerCase(Locale.ROOT));
        sync.put("schedule", schedule);
        sync.put("languages", s.languages());
        sync.put("syncOnChange", s.syncOnChange());
        return sync;
    }

    private static Optional<String> brand(String value) {
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > 100) {
            throw ApiException.badRequest("defaultBrand", "Field 'defaultBrand' must have at most 100 characters.");
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A host name ({@code shop.example}) or an https URL without path ({@code https://shop.example}). */
    static Optional<String> domain(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String host = v;
        if (v.regionMatches(true, 0, "https://", 0, 8)) {
            URI uri;
            try {
                uri = URI.create(v);
            } catch (IllegalArgumentException e) {
                throw invalidDomain();
            }
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                    || uri.getFragment() != null || (uri.getPath() != null && !uri.getPath().isEmpty()
                    && !uri.getPath().equals("/"))) {
                throw invalidDomain();
            }
            host = uri.getHost();
        } else if (v.contains("/") || v.contains(":")) {
            throw invalidDomain();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host.toLowerCase(Locale.ROOT), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw invalidDomain();
        }
        if (!HOST.matcher(ascii).matches()) {
            throw invalidDomain();
        }
        return Optional.of(ascii);
    }

    private static ApiException invalidDomain() {
        return ApiException.badRequest("storeDomain",
                "Field 'storeDomain' must be a host name such as shop.example, or an https URL such as "
                        + "https://shop.example (products link there, so plain http is not accepted).");
    }

    private static String currency(String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(code)) {
            throw ApiException.badRequest("currency",
                    "Field 'currency' must be an ISO 4217 currency code such as USD or EUR.");
        }
        return code;
    }

    private static OutOfStockPolicy policy(String value) {
        try {
            return OutOfStockPolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("syncSettings.outOfStockPolicy",
                    "Field 'syncSettings.outOfStockPolicy' must be one of: " + allowed(OutOfStockPolicy.values()) + ".");
        }
    }

    private static SyncSchedule schedule(ScheduleBody s) {
        String type = s.type() == null ? "off" : s.type().strip().toLowerCase(Locale.ROOT);
        ZoneId zone;
        try {
            zone = s.timeZone() == null || s.timeZone().isBlank() ? ZoneId.of("UTC") : ZoneId.of(s.timeZone().strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("syncSettings.schedule.timeZone",
                    "Field 'syncSettings.schedule.timeZone' must be a time zone such as Europe/Berlin or UTC.");
        }
        switch (type) {
            case "off":
                return new SyncSchedule("off", Optional.empty(), Optional.empty(), zone);
            case "interval":
                if (s.everyHours() == null || s.everyHours() < 1 || s.everyHours() > 168) {
                    throw ApiException.badRequest("syncSettings.schedule.everyHours",
                            "Field 'syncSettings.schedule.everyHours' must be a whole number of hours from 1 to 168.");
                }
                return new SyncSchedule("interval", Optional.of(s.everyHours()), Optional.empty(), zone);
            case "daily":
                if (s.dailyAt() == null || !HH_MM.matcher(s.dailyAt().strip()).matches()) {
                    throw ApiException.badRequest("syncSettings.schedule.dailyAt",
                            "Field 'syncSettings.schedule.dailyAt' must be a time of day as HH:MM, such as 03:30.");
                }
                try {
                    return new SyncSchedule("daily", Optional.empty(), Optional.of(LocalTime.parse(s.dailyAt().strip())),
                            zone);
                } catch (DateTimeParseException e) {
                    throw ApiException.badRequest("syncSettings.schedule.dailyAt",
                            "Field 'syncSettings.schedule.dailyAt' must be a time of day as HH:MM.");
                }
            default:
                throw ApiException.badRequest("syncSettings.schedule.type",
                        "Field 'syncSettings.schedule.type' must be one of: off, interval, daily.");
        }
    }

    private static List<String> languages(List<String> tags) {
        if (tags.size() > MAX_LANGUAGES) {
            throw ApiException.badRequest("syncSettings.languages",
                    "Field 'syncSettings.languages' takes at most " + MAX_LANGUAGES + " languages.");
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            Locale locale;
            try {
                locale = tag == null ? null : new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            } catch (IllformedLocaleException e) {
                locale = null;
            }
            if (locale == null || !LANGUAGES.contains(locale.getLanguage())) {
                throw ApiException.badRequest("syncSettings.languages",
                        "Field 'syncSettings.languages' has '" + tag + "', which is not a language tag such as "
                                + "fr-FR or de.");
            }
            String normalised = locale.toLanguageTag();
            if (!out.contains(normalised)) {
                out.add(normalised);
            }
        }
        return List.copyOf(out);
    }

    private static String allowed(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
