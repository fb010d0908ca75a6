package io.github.metacommerce.admin.web;

import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.system.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Instagram Shopping page's frame: the connection summary (also the hub's), its five tabs and which of them
 * the store can open. Each tab's handler lives in its feature package, maps {@link #PATH} with its {@code tab}
 * parameter, calls {@link #prepare} and adds its panel's model.
 */
@Component
public class InstagramPage {
    /** The page's path. */
    public static final String PATH = "/admin/integrations/instagram-shopping";
    /** The page's template. */
    public static final String VIEW = "instagram";
    /** How long before the token expires the pages start warning. */
    public static final Duration WARN_BEFORE = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final MetaConnections connections;
    private final Clock clock;

    InstagramPage(MetaConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * What the pages show of a store's connection.
     *
     * @param exists whether the store has a connection (usable or not)
     * @param connected whether Meta accepts its token
     * @param label "Connected", "Not connected" or "Reconnect required"
     * @param badge the Bootstrap class of the label's badge
     * @param businessName the selected business
     * @param catalogName the selected catalog
     * @param hasCatalog whether a catalog is selected
     * @param lastSync when the last run ended
     * @param lastSyncText the last run's time and status, "never" before the first
     * @param syncError why the last run failed
     * @param tokenExpires when the token expires
     * @param warning a reconnect warning: expired, revoked, or expiring within {@link #WARN_BEFORE}
     */
    public record Status(boolean exists, boolean connected, String label, String badge, String businessName,
            String catalogName, boolean hasCatalog, String lastSync, String lastSyncText, String syncError,
            String tokenExpires, String warning) {
    }

    /**
     * One tab.
     *
     * @param id its id, the {@code tab} parameter
     * @param label its label
     * @param enabled whether the store can open it
     * @param reason why not, when disabled
     */
    public record Tab(String id, String label, boolean enabled, String reason) {
    }

    /**
     * The store's connection summary.
     *
     * @param store the store
     * @return the summary
     */
    public Status status(CurrentStore store) {
        Optional<MetaConnection> found = connections.find(store.id());
        if (found.isEmpty()) {
            return new Status(false, false, "Not connected", "text-bg-secondary", null, null, false, null, "never",
                    null, null, null);
        }
        MetaConnection c = found.get();
        Instant now = clock.instant();
        boolean expired = c.tokenExpiresAt().map(t -> !t.isAfter(now)).orElse(false);
        boolean connected = c.usable() && !expired;
        String warning;
        if (!c.usable()) {
            warning = "Meta no longer accepts this connection (" + c.statusReason().orElse("token expired or revoked")
                    + "). Reconnect with Facebook to sync again.";
        } else if (expired) {
            warning = "The Meta token expired on " + when(c.tokenExpiresAt().get())
                    + ". Reconnect with Facebook to sync again.";
        } else {
            warning = c.tokenExpiresAt().filter(t -> t.isBefore(now.plus(WARN_BEFORE)))
                    .map(t -> "The Meta token expires on " + when(t) + " (in " + daysLeft(now, t)
                            + "). Reconnect with Facebook before then to keep syncing.")
                    .orElse(null);
        }
        String lastSync = c.lastSyncAt().map(InstagramPage::when).orElse(null);
        String lastSyncText = lastSync == null ? "never" : lastSync + " · " + syncStatusLabel(c.syncStatus());
        return new Status(true, connected, connected ? "Connected" : "Reconnect required",
                connected ? "text-bg-success" : "text-bg-danger", c.businessName().orElse(null),
                c.catalogName().orElse(c.catalogId().orElse(null)), c.catalogId().isPresent(), lastSync, lastSyncText,
                c.syncError().orElse(null), c.tokenExpiresAt().map(InstagramPage::when).orElse(null), warning);
    }

    /**
     * Adds the frame's model: the status, the tabs, the active tab and whether it is enabled (when it is not, the
     * page says why instead of showing the panel).
     *
     * @param store the store
     * @param tab the active tab's id
     * @param model the model
     * @return the status, for the tab's own use
     */
    public Status prepare(CurrentStore store, String tab, Model model) {
        Status status = status(store);
        List<Tab> tabs = tabs(status);
        Tab active = tabs.stream().filter(t -> t.id().equals(tab)).findFirst().orElse(tabs.get(0));
        model.addAttribute("status", status);
        model.addAttribute("tabs", tabs);
        model.addAttribute("tab", active.id());
        model.addAttribute("tabEnabled", active.enabled());
        model.addAttribute("tabReason", active.reason());
        String fallback = status.connected() ? "catalog" : "connection";
        model.addAttribute("tabFallback", fallback);
        model.addAttribute("tabFallbackLabel", status.connected() ? "Choose a catalog" : "Connect with Facebook");
        return status;
    }

    /**
     * Whether a tab is enabled for a status.
     *
     * @param status the status
     * @param tab the tab's id
     * @return whether the store can open it
     */
    public static boolean enabled(Status status, String tab) {
        return tabs(status).stream().anyMatch(t -> t.id().equals(tab) && t.enabled());
    }

    private static List<Tab> tabs(Status s) {
        String needConnection = "Connect the store with Facebook first.";
        String needCatalog = "Select a catalog first (Catalog tab).";
        return List.of(new Tab("connection", "Connection", true, null),
                new Tab("catalog", "Catalog", s.connected(), s.connected() ? null : needConnection),
                new Tab("settings", "Settings", s.exists(), s.exists() ? null : needConnection),
                new Tab("sync", "Sync", s.hasCatalog(), s.hasCatalog() ? null : needCatalog),
                new Tab("errors", "Errors", s.hasCatalog(), s.hasCatalog() ? null : needCatalog));
    }

    /**
     * A moment as the pages show it.
     *
     * @param t the moment
     * @return {@code yyyy-MM-dd HH:mm UTC}
     */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /**
     * A time of day as the pages show it.
     *
     * @param t the moment
     * @return {@code HH:mm} in UTC
     */
    public static String timeOfDay(Instant t) {
        return HH_MM.format(t);
    }

    /**
     * A run's status in plain words.
     *
     * @param status {@code queued}, {@code running}, {@code completed}, {@code partial}, {@code failed},
     *     {@code cancelled} or {@code never}
     * @return the label
     */
    public static String syncStatusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "queued" -> "Queued";
            case "running" -> "Running";
            case "completed" -> "Completed";
            case "partial" -> "Completed with errors";
            case "failed" -> "Failed";
            case "cancelled" -> "Cancelled";
            case "never", "" -> "Never synced";
            default -> status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1);
        };
    }

    private static String daysLeft(Instant now, Instant t) {
        long hours = Duration.between(now, t).toHours();
        if (hours < 24) {
            return hours <= 1 ? "less than an hour" : hours + " hours";
        }
        long days = hours / 24;
        return Words.count(days, "day");
    }
}
