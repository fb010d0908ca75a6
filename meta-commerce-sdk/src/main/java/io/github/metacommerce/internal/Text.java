package io.github.metacommerce.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Length-safe text handling: counts code points and cuts on grapheme-cluster boundaries. */
public final class Text {
    /** One extended grapheme cluster (a user-perceived character: emoji sequences, combining marks). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String ELLIPSIS = "\u2026";
    /** U+FFFD, what an unpaired surrogate in a text field becomes. */
    public static final char REPLACEMENT = '\uFFFD';
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
     * Finds the first unpaired UTF-16 surrogate: a high surrogate not followed by a low one, or a low surrogate not
     * preceded by a high one. Such a string is not valid Unicode and has no UTF-8 form; encoders silently turn it
     * into {@code ?} or U+FFFD.
     *
     * @param s the text, may be null
     * @return the char index of the first unpaired surrogate, or -1 when the text is valid Unicode
     */
    public static int firstUnpairedSurrogate(String s) {
        if (s == null) {
            return -1;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns whether the text is valid Unicode (no unpaired surrogate).
     *
     * @param s the text, may be null
     * @return {@code true} for null and for valid text
     */
    public static boolean isValidUnicode(String s) {
        return firstUnpairedSurrogate(s) < 0;
    }

    /**
     * Counts the unpaired surrogates in the text.
     *
     * @param s the text, may be null
     * @return how many there are, 0 for valid text
     */
    public static int unpairedSurrogates(String s) {
        if (s == null) {
            return 0;
        }
        int count = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Replaces every unpaired surrogate with U+FFFD REPLACEMENT CHARACTER, keeping everything else, surrogate
     * pairs included, as it was.
     *
     * @param s the text, may be null
     * @return the text, the same instance when it was already valid; null stays null
     */
    public static String replaceUnpairedSurrogates(String s) {
        int first = firstUnpairedSurrogate(s);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, first);
        int n = s.length();
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Returns the 1-based character (code point) position of a char index, for messages.
     *
     * @param s the text
     * @param index a char index in it
     * @return the position a person would count
     */
    public static int position(String s, int index) {
        return s.codePointCount(0, index) + 1;
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
