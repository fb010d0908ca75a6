package io.github.metacommerce.admin.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsers for the values the import formats share; each answers a value or a message for the merchant. */
final class Values {
    private static final Pattern PRICE = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,9}");

    /** A parse outcome: exactly one of value and message is set. */
    record Parsed<T>(T value, String message) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> fail(String message) {
            return new Parsed<>(null, message);
        }
    }

    private Values() {
    }

    static String quote(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return "'" + v + "'";
    }

    /** A non-negative amount with a dot for decimals, such as {@code 19.99}. */
    static Parsed<BigDecimal> price(String v) {
        String s = v.strip();
        if (!PRICE.matcher(s).matches()) {
            return Parsed.fail(quote(v) + " is not a price (write it like 19.99)");
        }
        return Parsed.of(new BigDecimal(s));
    }

    static Parsed<Integer> wholeNumber(String v) {
        String s = v.strip();
        if (!WHOLE.matcher(s).matches()) {
            return Parsed.fail(quote(v) + " is not a whole number");
        }
        return Parsed.of(Integer.valueOf(s.startsWith("+") ? s.substring(1) : s));
    }

    /** TRUE/FALSE (any case), also yes/no and 1/0. */
    static Parsed<Boolean> bool(String v) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return Parsed.of(Boolean.TRUE);
            case "false":
            case "no":
            case "0":
                return Parsed.of(Boolean.FALSE);
            default:
                return Parsed.fail(quote(v) + " is not TRUE or FALSE");
        }
    }

    /**
     * A point in time: ISO 8601 with an offset ({@code 2026-11-27T00:00:00+01:00}), or a local date-time or date
     * ({@code 2026-11-27 08:00:00}, {@code 2026-11-27}) in the given zone; a date alone means the start of that day,
     * or its last second when {@code endOfDay}.
     */
    static Parsed<OffsetDateTime> dateTime(String v, ZoneId zone, boolean endOfDay) {
        String s = v.strip();
        try {
            return Parsed.of(OffsetDateTime.parse(s));
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        try {
            return Parsed.of(LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            LocalDate d = LocalDate.parse(s);
            LocalDateTime t = endOfDay ? d.atTime(LocalTime.of(23, 59, 59)) : d.atStartOfDay();
            return Parsed.of(t.atZone(zone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Parsed.fail(quote(v) + " is not a date (write it like 2026-11-27 or 2026-11-27 08:00:00)");
        }
    }

    /**
     * Splits a list on commas that are not escaped with a backslash (WooCommerce writes a comma inside a term as
     * {@code \,}), strips each item and drops empty ones.
     */
    static List<String> commaList(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() && v.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    /** Splits on {@code |}, strips each item and drops empty ones. */
    static List<String> barList(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    /** Whether an option or attribute name means color, size or neither. */
    enum Axis {
        COLOR, SIZE, OTHER;

        static Axis of(String name) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "color":
                case "colour":
                    return COLOR;
                case "size":
                    return SIZE;
                default:
                    return OTHER;
            }
        }
    }
}
