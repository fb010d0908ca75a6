package io.github.metacommerce.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} encoding and decoding of parameters. */
public final class FormEncoding {
    private FormEncoding() {
    }

    /**
     * Encodes parameters as UTF-8, strictly: text that has no UTF-8 form (an unpaired UTF-16 surrogate) is refused
     * rather than silently sent as {@code ?}, which would change retailer ids and titles on Meta's side.
     *
     * @param params the parameters in order
     * @return {@code a=1&b=2}, empty for no parameters
     * @throws IllegalArgumentException if a name or value is not valid Unicode; the message names the parameter
     *         and the position, never the value (it may be a secret)
     */
    public static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> {
            requireValidUnicode(k, k, "name");
            requireValidUnicode(k, v, "value");
            j.add(enc(k) + "=" + enc(v));
        });
        return j.toString();
    }

    private static void requireValidUnicode(String name, String text, String what) {
        int bad = Text.firstUnpairedSurrogate(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("The " + what + " of form parameter '"
                    + Text.replaceUnpairedSurrogates(name) + "' is not valid Unicode: an unpaired UTF-16 surrogate "
                    + "at character " + Text.position(text, bad) + " has no UTF-8 form. It was not sent, because "
                    + "encoding it would silently change it to '?'.");
        }
    }

    /**
     * Decodes a query string or form body; a repeated name keeps its last value.
     *
     * @param raw the raw text, may be null
     * @return the parameters in order
     */
    public static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(dec(k), dec(v));
        }
        return out;
    }

    /**
     * Removes parameters from a raw query string, keeping the others exactly as encoded.
     *
     * @param rawQuery the raw query, may be null
     * @param names the decoded names to drop
     * @return the remaining raw query, empty when nothing remains
     */
    public static String without(String rawQuery, Set<String> names) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = dec(eq < 0 ? pair : pair.substring(0, eq));
            if (!names.contains(name)) {
                j.add(pair);
            }
        }
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
