package io.github.metacommerce.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Length-safe text handling: counts code points and cuts on grapheme-cluster boundaries. */
public final class Text {
    /** One extended grapheme cluster (a user-perceived character: emoji sequences, combining marks). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String ELLIPSIS = "\u2026";
    /** How far back from the cut a word boundary is looked for. */
    private static final int WORD_WINDOW = 20;

    private Text() {
    }

    /**
     * Counts code points (what Meta's limits are taken to count; a surrogate pair is one).
     *
     * @param s the text
     * @return the number of code points
     */
    public static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /**
     * Cuts text to at most {@code max} code points without splitting a grapheme cluster (an emoji, a flag, a
     * letter with its accents). When something is cut, the text ends at a word boundary if one is near and gets
     * an ellipsis; the result, ellipsis included, is never longer than {@code max}.
     *
     * @param s the text
     * @param max the limit in code points, at least 1
     * @return the text, unchanged when it fits
     */
    public static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (length(s) <= max) {
            return s;
        }
        int budget = Math.max(0, max - 1);
        Matcher m = GRAPHEME.matcher(s);
        int end = 0;
        int used = 0;
        while (m.find()) {
            int cps = s.codePointCount(m.start(), m.end());
            if (used + cps > budget) {
                break;
            }
            used += cps;
            end = m.end();
        }
        String cut = s.substring(0, end);
        boolean atWordEnd = end < s.length() && Character.isWhitespace(s.codePointAt(end));
        int space = lastWhitespace(cut);
        if (!atWordEnd && space > 0 && length(cut.substring(space)) <= WORD_WINDOW) {
            cut = cut.substring(0, space);
        }
        cut = stripTrailingPunctuation(cut.stripTrailing());
        return cut.isEmpty() ? firstGraphemesWithin(s, max) : cut + ELLIPSIS;
    }

    private static int lastWhitespace(String s) {
        for (int i = s.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ",;:-\u2013\u2014".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).stripTrailing();
    }

    /** For text without room for an ellipsis (limit 1 or a single huge cluster): whole clusters only. */
    private static String firstGraphemesWithin(String s, int max) {
        Matcher m = GRAPHEME.matcher(s);
        int end = 0;
        int used = 0;
        while (m.find()) {
            int cps = s.codePointCount(m.start(), m.end());
            if (used + cps > max) {
                break;
            }
            used += cps;
            end = m.end();
        }
        return s.substring(0, end);
    }

    /**
     * Returns whether the text has control characters (tab and line breaks included).
     *
     * @param s the text
     * @return {@code true} when it has one
     */
    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
