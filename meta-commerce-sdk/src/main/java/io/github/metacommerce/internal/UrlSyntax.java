package io.github.metacommerce.internal;

/**
 * Exact shortcuts around {@link java.net.URI} parsing for URLs the SDK builds itself, so that the pipeline does not
 * parse every link and image URL twice. Each method answers a question about how {@code new URI(s)} parses a string
 * without running the parser; for anything outside the simple cases it answers {@code false} and the caller parses.
 * Not API.
 */
public final class UrlSyntax {
    /** The ASCII characters {@code java.net.URI} takes in a path as they are: unreserved, {@code :@&=+$,;/}. */
    private static final boolean[] PATH = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PATH[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            PATH[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PATH[c] = true;
        }
        for (char c : "-_.!~*'():@&=+$,;/".toCharArray()) {
            PATH[c] = true;
        }
    }

    private UrlSyntax() {
    }

    /**
     * Whether {@code s} from {@code from} to its end is made only of path characters (ASCII letters, digits,
     * {@code -_.!~*'():@&=+$,;/}) and complete escapes ({@code %} and two hex digits): no query, no fragment, no
     * space, nothing non-ASCII. {@code java.net.URI} accepts such text as a path, and it cannot end the
     * authority of a URL it is appended to unless it starts with something other than {@code /}.
     *
     * @param s the text
     * @param from the first index to look at
     * @return {@code true} when every character from {@code from} is a path character
     */
    public static boolean isPlainPath(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && PATH[c]) {
                continue;
            }
            if (c == '%' && i + 2 < n && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                i += 2;
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * Whether {@code java.net.URI} reads a scheme in {@code s}: a {@code :} before any {@code /}, {@code ?} or
     * {@code #}. Such a string either parses as an absolute URI or does not parse at all.
     *
     * @param s the text
     * @return {@code true} when {@code s} has a scheme delimiter where the parser looks for one
     */
    public static boolean hasSchemeDelimiter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return true;
            }
            if (c == '/' || c == '?' || c == '#') {
                return false;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
