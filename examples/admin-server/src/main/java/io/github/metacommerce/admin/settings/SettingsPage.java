package io.github.metacommerce.admin.settings;

import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.web.InstagramPage;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Settings tab: the same checks as {@code POST /save-config} ({@link SettingsController#merge}), each part of
 * the form checked on its own so that every bad field shows its error next to it while the other values stay as
 * typed; nothing is saved until all are valid.
 */
@Controller
class SettingsPage {
    /** The currencies of the select, by code. */
    private static final List<CurrencyOption> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .map(c -> new CurrencyOption(c.getCurrencyCode(), c.getCurrencyCode() + " – "
                    + c.getDisplayName(Locale.ENGLISH)))
            .toList();
    /** The form's controls by the API field their errors name, and their labels. */
    private static final Map<String, String> CONTROLS = Map.of("defaultBrand", "brand", "storeDomain", "domain",
            "currency", "currency", "syncSettings.outOfStockPolicy", "out-of-stock-policy",
            "syncSettings.schedule.type", "schedule-mode", "syncSettings.schedule.everyHours", "schedule-hours",
            "syncSettings.schedule.dailyAt", "schedule-time", "syncSettings.schedule.timeZone", "time-zone",
            "syncSettings.languages", "languages");
    private static final Map<String, String> LABELS = Map.of("brand", "The default brand", "domain",
            "The store domain", "currency", "The currency", "out-of-stock-policy", "The out-of-stock policy",
            "schedule-mode", "The schedule", "schedule-hours", "The number of hours", "schedule-time",
            "The time of day", "time-zone", "The time zone", "languages", "The languages");

    private final InstagramPage page;
    private final StoreSettingsTable settings;

    SettingsPage(InstagramPage page, StoreSettingsTable settings) {
        this.page = page;
        this.settings = settings;
    }

    /** A currency of the select. */
    record CurrencyOption(String code, String label) {
    }

    /**
     * The form's values, as typed.
     *
     * @param brand the default brand
     * @param domain the store domain
     * @param currency the ISO 4217 code
     * @param outOfStockPolicy {@code keep_visible}, {@code hide} or {@code delete}
     * @param scheduleMode {@code off}, {@code hourly} or {@code daily}
     * @param scheduleHours every how many hours, for {@code hourly}
     * @param scheduleTime the time of day, for {@code daily}
     * @param timeZone the store's time zone
     * @param languages language tags, separated by commas or spaces
     * @param syncOnChange whether a product change syncs that product (a checkbox: absent when unticked)
     */
    record SettingsForm(String brand, String domain, String currency, String outOfStockPolicy, String scheduleMode,
            String scheduleHours, String scheduleTime, String timeZone, String languages, Boolean syncOnChange) {

        static SettingsForm of(SettingsRow s) {
            SyncSchedule schedule = s.schedule();
            return new SettingsForm(s.defaultBrand().orElse(""), s.storeDomain().orElse(""), s.currency(),
                    s.outOfStockPolicy().name().toLowerCase(Locale.ROOT),
                    "interval".equals(schedule.type()) ? "hourly" : schedule.type(),
                    schedule.everyHours().map(String::valueOf).orElse(""),
                    schedule.dailyAt().map(LocalTime::toString).orElse(""), schedule.timeZone().getId(),
                    String.join(", ", s.languages()), s.syncOnChange());
        }
    }

    @GetMapping(path = InstagramPage.PATH, params = "tab=settings")
    String tab(CurrentStore store, Model model) {
        page.prepare(store, "settings", model);
        return form(model, SettingsForm.of(settings.find(store.id())), Map.of());
    }

    @PostMapping(InstagramPage.PATH + "/settings")
    String save(CurrentStore store, @ModelAttribute SettingsForm form, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        InstagramPage.Status status = page.prepare(store, "settings", model);
        if (!InstagramPage.enabled(status, "settings")) {
            return InstagramPage.VIEW;
        }
        try {
            store.requireOwner("change the settings");
        } catch (ApiException e) {
            model.addAttribute("flashError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return form(model, form, Map.of());
        }
        SettingsRow current = settings.find(store.id());
        Map<String, String> errors = new LinkedHashMap<>();
        for (SettingsController.SaveConfig part : parts(form, errors)) {
            try {
                SettingsController.merge(current, part);
            } catch (ApiException e) {
                String control = e.field().map(CONTROLS::get).orElse("settings-form");
                errors.putIfAbsent(control, message(control, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("flashError", errors.size() == 1 ? "One setting needs a change; nothing was saved."
                    : errors.size() + " settings need a change; nothing was saved.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, errors);
        }
        SettingsController.SaveConfig all = whole(form);
        settings.save(store.id(), SettingsController.merge(current, all));
        flash.addFlashAttribute("flashSuccess", "Settings saved. They apply from the next sync.");
        return "redirect:" + InstagramPage.PATH + "?tab=settings";
    }

    private static String form(Model model, SettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("currencyKnown", CURRENCIES.stream().anyMatch(c -> c.code().equals(form.currency())));
        return InstagramPage.VIEW;
    }

    /** The form split in the parts {@code merge} checks, one a field (the schedule is one part). */
    private static List<SettingsController.SaveConfig> parts(SettingsForm f, Map<String, String> errors) {
        List<SettingsController.SaveConfig> parts = new ArrayList<>();
        parts.add(new SettingsController.SaveConfig(null, text(f.brand()), null, null));
        parts.add(new SettingsController.SaveConfig(null, null, text(f.domain()), null));
        parts.add(new SettingsController.SaveConfig(null, null, null, text(f.currency())));
        Function<SettingsController.SyncSettingsBody, SettingsController.SaveConfig> sync = s ->
                new SettingsController.SaveConfig(s, null, null, null);
        parts.add(sync.apply(new SettingsController.SyncSettingsBody(text(f.outOfStockPolicy()), null, null, null)));
        parts.add(sync.apply(new SettingsController.SyncSettingsBody(null, null, languages(f.languages()), null)));
        try {
            parts.add(sync.apply(new SettingsController.SyncSettingsBody(null, schedule(f), null, null)));
        } catch (NumberFormatException e) {
            errors.put("schedule-hours", "The number of hours must be a whole number from 1 to 168.");
        }
        return parts;
    }

    private static SettingsController.SaveConfig whole(SettingsForm f) {
        return new SettingsController.SaveConfig(new SettingsController.SyncSettingsBody(text(f.outOfStockPolicy()),
                schedule(f), languages(f.languages()), Boolean.TRUE.equals(f.syncOnChange())), text(f.brand()), text(f.domain()),
                text(f.currency()));
    }

    private static SettingsController.ScheduleBody schedule(SettingsForm f) {
        String mode = text(f.scheduleMode());
        String type = "hourly".equals(mode) ? "interval" : mode;
        Integer hours = "interval".equals(type) && !text(f.scheduleHours()).isEmpty()
                ? Integer.valueOf(text(f.scheduleHours())) : null;
        return new SettingsController.ScheduleBody(type, hours, "daily".equals(type) ? text(f.scheduleTime()) : null,
                text(f.timeZone()));
    }

    private static List<String> languages(String value) {
        return Arrays.stream(text(value).split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** The API's message with the control's label in place of the JSON field's name. */
    private static String message(String control, String message) {
        return message.replaceFirst("^Field '[^']+'", LABELS.getOrDefault(control, "This value"));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
