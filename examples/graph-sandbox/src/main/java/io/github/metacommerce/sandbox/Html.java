package io.github.metacommerce.sandbox;

/** HTML escaping for everything the sandbox renders, and query-string building for its redirects and links. */
final class Html {
    private Html() {
    }

    /** Appends form-encoded parameters to a URL that may already have a query. */
    static String withQuery(String base, java.util.Map<String, String> params) {
        StringBuilder b = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        boolean first = true;
        for (java.util.Map.Entry<String, String> e : params.entrySet()) {
            if (!first) {
                b.append('&');
            }
            first = false;
            b.append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static String escape(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1c1e21;max-width:70rem}"
                + "h1{font-size:1.4rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid "
                + "#ddd;padding:.3rem .6rem;text-align:left;font-size:.9rem}.box{border:1px solid #ddd;"
                + "border-radius:8px;padding:1.5rem;max-width:30rem}button{font-size:1rem;padding:.5rem 1.2rem;"
                + "margin-right:.5rem;border-radius:6px;border:1px solid #ccc}button.primary{background:#1877f2;"
                + "color:#fff;border-color:#1877f2}.err{color:#b00020}</style></head><body>" + body
                + "</body></html>";
    }
}
