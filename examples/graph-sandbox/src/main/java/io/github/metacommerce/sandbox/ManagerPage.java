package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** A small "Commerce Manager": businesses, catalogs, items and recent batches. Everything is escaped. */
final class ManagerPage {
    private static final int ITEMS_SHOWN = 50;
    private static final int BATCHES_SHOWN = 20;

    private ManagerPage() {
    }

    /** "showing 1 to 50 of 6,269 items", "showing all 20 items", "showing 1 item" or "no items". */
    static String showing(int from, int shown, int total, String what) {
        if (total == 0) {
            return "no " + what;
        }
        if (total == 1) {
            return "showing 1 " + (what.endsWith("es") ? what.substring(0, what.length() - 2)
                    : what.substring(0, what.length() - 1));
        }
        if (shown == total) {
            return String.format(Locale.ROOT, "showing all %,d %s", total, what);
        }
        return String.format(Locale.ROOT, "showing %,d to %,d of %,d %s", from + 1, from + shown, total, what);
    }

    /**
     * Renders the page.
     *
     * @param world the state
     * @param pagedCatalog the catalog whose items start at {@code offset}, or null
     * @param offset the first item shown of that catalog
     */
    static String render(World world, String pagedCatalog, int offset) {
        StringBuilder b = new StringBuilder("<h1>Graph sandbox: Commerce Manager</h1>");
        b.append("<p>App <b>").append(Html.escape(world.settings.appName())).append("</b> (")
                .append(Html.escape(world.settings.appId())).append("), ")
                .append(world.settings.batchCallsPerMinute()).append(" batch calls per catalog per minute.</p>");
        b.append("<h2>Businesses</h2><table><tr><th>Id</th><th>Name</th><th>Verification</th><th>Catalogs</th></tr>");
        world.businesses.values().stream().sorted(Comparator.comparing(World.Business::id)).forEach(bz ->
                b.append("<tr><td>").append(Html.escape(bz.id())).append("</td><td>").append(Html.escape(bz.name()))
                        .append("</td><td>").append(Html.escape(bz.verificationStatus())).append("</td><td>")
                        .append(Html.escape(String.join(", ", bz.ownedCatalogs()))).append("</td></tr>"));
        b.append("</table>");
        List<Catalog> catalogs = new ArrayList<>(world.catalogs.values());
        catalogs.sort(Comparator.comparing(c -> c.id));
        for (Catalog c : catalogs) {
            b.append("<h2>Catalog ").append(Html.escape(c.name)).append(" <small>(").append(Html.escape(c.id))
                    .append(", ").append(c.items.size()).append(" items)</small></h2>");
            b.append("<table><tr><th>Retailer id</th><th>Title</th><th>Price</th><th>Availability</th>"
                    + "<th>Image</th></tr>");
            int total = c.items.size();
            int from = c.id.equals(pagedCatalog) ? Math.min(offset, Math.max(0, total - 1)) : 0;
            Iterator<Catalog.Item> it = c.items.values().iterator();
            for (int i = 0; i < from && it.hasNext(); i++) {
                it.next();
            }
            int shown = 0;
            for (; shown < ITEMS_SHOWN && it.hasNext(); shown++) {
                Catalog.Item item = it.next();
                JsonNode d = Json.read(item.json());
                b.append("<tr><td>").append(Html.escape(item.retailerId())).append("</td><td>")
                        .append(Html.escape(d.path("title").asText())).append("</td><td>")
                        .append(Html.escape(d.path("price").asText())).append("</td><td>")
                        .append(Html.escape(d.path("availability").asText())).append("</td><td>")
                        .append(Html.escape(d.path("image_link").asText())).append("</td></tr>");
            }
            b.append("</table>");
            b.append("<p class=\"paging\">").append(showing(from, shown, total, "items"));
            String here = "/_sandbox/?catalog=" + Html.escape(c.id) + "&amp;offset=";
            if (from > 0) {
                b.append(" &middot; <a href=\"").append(here).append(Math.max(0, from - ITEMS_SHOWN))
                        .append("\">previous ").append(ITEMS_SHOWN).append("</a>");
            }
            if (from + shown < total) {
                b.append(" &middot; <a href=\"").append(here).append(from + shown).append("\">next ")
                        .append(Math.min(ITEMS_SHOWN, total - from - shown)).append("</a>");
            }
            if (total > 0) {
                b.append(" &middot; <a href=\"/_sandbox/catalogs/").append(Html.escape(c.id))
                        .append("/items?limit=").append(Math.min(total, 10_000)).append("\">as JSON</a>");
            }
            b.append("</p>");
        }
        b.append("<h2>Recent batches</h2><table><tr><th>Handle</th><th>Catalog</th><th>Requests</th>"
                + "<th>Status</th><th>Errors</th></tr>");
        List<Batch> recent = new ArrayList<>(world.batchOrder);
        for (int i = recent.size() - 1, shown = 0; i >= 0 && shown < BATCHES_SHOWN; i--, shown++) {
            Batch bt = recent.get(i);
            StringBuilder errors = new StringBuilder();
            synchronized (bt) {
                bt.errors.stream().limit(5).forEach(e -> errors.append(Html.escape(e.id())).append(": ")
                        .append(Html.escape(e.message())).append("<br>"));
                if (bt.errors.size() > 5) {
                    errors.append("and ").append(bt.errors.size() - 5).append(" more");
                }
            }
            b.append("<tr><td>").append(Html.escape(bt.handle)).append("</td><td>").append(Html.escape(bt.catalogId))
                    .append("</td><td>").append(bt.lines.size()).append("</td><td>")
                    .append(bt.finished ? "finished" : "in progress").append("</td><td>").append(errors)
                    .append("</td></tr>");
        }
        b.append("</table>");
        b.append("<p class=\"paging\">").append(showing(0, Math.min(BATCHES_SHOWN, recent.size()), recent.size(),
                "batches")).append(", newest first</p>");
        return Html.page("Graph sandbox", b.toString());
    }
}
