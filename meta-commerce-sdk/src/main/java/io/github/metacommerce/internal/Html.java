package io.github.metacommerce.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns store HTML into the plain text Meta wants in {@code description}, and cleans HTML for
 * {@code rich_text_description}. Patterns are compiled once; no per-call regex compilation.
 */
public final class Html {
    private static final Pattern DROP_BLOCKS = Pattern.compile(
            "(?is)<(script|style|iframe|object|embed|template|noscript)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern DANGLING_BLOCKS = Pattern.compile(
            "(?is)<(script|style|iframe|object|embed|template|noscript)\\b.*");
    private static final Pattern BLOCK_TAGS = Pattern.compile(
            "(?i)<\\s*(br|/p|p|/div|div|/li|/h[1-6]|h[1-6]|/tr|/ul|/ol|/table|hr|/blockquote)\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<\\s*li\\b[^>]*>");
    private static final Pattern INLINE_TAGS = Pattern.compile(
            "(?i)</?(b|i|em|strong|span|a|u|small|sup|sub|font|mark|s|strike|abbr|code|bdi|bdo|q)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[A-Za-z/!?][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\f\\r \\u00A0\\u2007\\u202F]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{2,}");
    private static final Pattern EVENT_ATTRIBUTES = Pattern.compile(
            "(?i)\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Pattern SCRIPT_URLS = Pattern.compile("(?i)(href|src)\\s*=\\s*([\"']?)\\s*javascript:[^\"'>\\s]*\\2");
    private static final Map<String, Integer> ENTITIES = parseTable(
            "AElig=198,Aacute=193,Acirc=194,Agrave=192,Alpha=913,Aring=197,Atilde=195,Auml=196,Beta=914,"
            + "Ccedil=199,Chi=935,Dagger=8225,Delta=916,ETH=208,Eacute=201,Ecirc=202,Egrave=200,Epsilon=917,"
            + "Eta=919,Euml=203,Gamma=915,Iacute=205,Icirc=206,Igrave=204,Iota=921,Iuml=207,Kappa=922,"
            + "Lambda=923,Mu=924,Ntilde=209,Nu=925,OElig=338,Oacute=211,Ocirc=212,Ograve=210,Omega=937,"
            + "Omicron=927,Oslash=216,Otilde=213,Ouml=214,Phi=934,Pi=928,Prime=8243,Psi=936,Rho=929,Scaron=352,"
            + "Sigma=931,THORN=222,Tau=932,Theta=920,Uacute=218,Ucirc=219,Ugrave=217,Upsilon=933,Uuml=220,"
            + "Xi=926,Yacute=221,Yuml=376,Zeta=918,aacute=225,acirc=226,acute=180,aelig=230,agrave=224,"
            + "alefsym=8501,alpha=945,amp=38,and=8743,ang=8736,apos=39,aring=229,asymp=8776,atilde=227,"
            + "auml=228,bdquo=8222,beta=946,brvbar=166,bull=8226,cap=8745,ccedil=231,cedil=184,cent=162,"
            + "chi=967,circ=710,clubs=9827,cong=8773,copy=169,crarr=8629,cup=8746,curren=164,dArr=8659,"
            + "dagger=8224,darr=8595,deg=176,delta=948,diams=9830,divide=247,eacute=233,ecirc=234,egrave=232,"
            + "empty=8709,emsp=8195,ensp=8194,epsilon=949,equiv=8801,eta=951,eth=240,euml=235,euro=8364,"
            + "exist=8707,fnof=402,forall=8704,frac12=189,frac14=188,frac34=190,frasl=8260,gamma=947,ge=8805,"
            + "gt=62,hArr=8660,harr=8596,hearts=9829,hellip=8230,iacute=237,icirc=238,iexcl=161,igrave=236,"
            + "image=8465,infin=8734,int=8747,iota=953,iquest=191,isin=8712,iuml=239,kappa=954,lArr=8656,"
            + "lambda=955,lang=9001,laquo=171,larr=8592,lceil=8968,ldquo=8220,le=8804,lfloor=8970,lowast=8727,"
            + "loz=9674,lrm=8206,lsaquo=8249,lsquo=8216,lt=60,macr=175,mdash=8212,micro=181,middot=183,"
            + "minus=8722,mu=956,nabla=8711,nbsp=160,ndash=8211,ne=8800,ni=8715,not=172,notin=8713,nsub=8836,"
            + "ntilde=241,nu=957,oacute=243,ocirc=244,oelig=339,ograve=242,oline=8254,omega=969,omicron=959,"
            + "oplus=8853,or=8744,ordf=170,ordm=186,oslash=248,otilde=245,otimes=8855,ouml=246,para=182,"
            + "part=8706,permil=8240,perp=8869,phi=966,pi=960,piv=982,plusmn=177,pound=163,prime=8242,"
            + "prod=8719,prop=8733,psi=968,quot=34,rArr=8658,radic=8730,rang=9002,raquo=187,rarr=8594,"
            + "rceil=8969,rdquo=8221,real=8476,reg=174,rfloor=8971,rho=961,rlm=8207,rsaquo=8250,rsquo=8217,"
            + "sbquo=8218,scaron=353,sdot=8901,sect=167,shy=173,sigma=963,sigmaf=962,sim=8764,spades=9824,"
            + "sub=8834,sube=8838,sum=8721,sup=8835,sup1=185,sup2=178,sup3=179,supe=8839,szlig=223,tau=964,"
            + "there4=8756,theta=952,thetasym=977,thinsp=8201,thorn=254,tilde=732,times=215,trade=8482,"
            + "uArr=8657,uacute=250,uarr=8593,ucirc=251,ugrave=249,uml=168,upsih=978,upsilon=965,uuml=252,"
            + "weierp=8472,xi=958,yacute=253,yen=165,yuml=255,zeta=950,zwj=8205,zwnj=8204");

    private static final int NOT_A_BLOCK = -1;
    private static final int DANGLING = -2;
    /** Blocks dropped with their content (and a comment, {@code <!-- -->}). */
    private static final String[] DROPPED = {"script", "style", "iframe", "object", "embed", "template", "noscript"};
    /** Tags that end a line: opening ones, and closing ones (after {@code </}). */
    private static final String[] BLOCK_OPEN = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr"};
    private static final String[] BLOCK_CLOSE = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul",
        "ol", "table", "blockquote"};
    /** Tags removed without a trace (opening or closing). */
    private static final String[] INLINE = {"b", "i", "em", "strong", "span", "a", "u", "small", "sup", "sub",
        "font", "mark", "s", "strike", "abbr", "code", "bdi", "bdo", "q"};
    private static final int TEXT = 0;
    private static final int LIST_ITEM_TAG = 1;
    private static final int BLOCK_TAG = 2;
    private static final int INLINE_TAG = 3;
    private static final int OTHER_TAG = 4;

    private Html() {
    }

    /**
     * Converts HTML to plain text: scripts, styles and comments removed, block ends become line breaks, list items
     * become "- " lines, tags removed, entities decoded, whitespace collapsed.
     *
     * <p>One pass over the HTML removes the tags and collapses whitespace; when the HTML has an {@code &}, a
     * second pass over what is left decodes entities and collapses whitespace instead (an entity can be split by a
     * removed tag). The result is exactly that of the rules written as regular expressions
     * ({@link #toTextByRules}), which are still applied, as the fallback, to the rare malformed markup with a
     * {@code <} inside a tag.
     *
     * @param html the HTML, may be null
     * @return the text, never null
     */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        // without '&' there is nothing to decode, so whitespace is collapsed as the tags are removed
        boolean collapse = html.indexOf('&') < 0;
        Sink withoutTags = withoutTags(html, new Sink(html.length(), collapse));
        if (withoutTags == null) {
            return toTextByRules(html);
        }
        // strip() as the rules do: the sink leaves out leading and trailing collapsed space, so usually a no-op
        return (collapse ? withoutTags.finish() : decodeAndCollapse(withoutTags.out)).strip();
    }

    /**
     * The rules of {@link #toText(String)} as regular expressions, applied one after the other. Kept as the
     * definition the single pass is tested against, and for markup with a {@code <} inside a tag.
     *
     * @param html the HTML, not empty
     * @return the text
     */
    static String toTextByRules(String html) {
        String s = DROP_BLOCKS.matcher(html).replaceAll(" ");
        s = DANGLING_BLOCKS.matcher(s).replaceAll(" ");
        s = LIST_ITEM.matcher(s).replaceAll("\n- ");
        s = BLOCK_TAGS.matcher(s).replaceAll("\n");
        s = INLINE_TAGS.matcher(s).replaceAll("");
        s = TAGS.matcher(s).replaceAll(" ");
        s = decodeEntities(s);
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = MANY_NEWLINES.matcher(s).replaceAll("\n");
        return s.strip();
    }

    /**
     * Cleans HTML for {@code rich_text_description}: removes scripts, styles, embedded frames, comments, event
     * handler attributes and {@code javascript:} links; keeps the rest of the markup.
     *
     * <p>Each rule runs only when the text holds what it looks for (a {@code <script}-like tag or a comment, an
     * {@code on...=} attribute, {@code javascript:}), so ordinary HTML is only scanned, never rewritten.
     *
     * @param html the HTML, may be null
     * @return the cleaned HTML, never null
     */
    public static String sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = html;
        if (hasDroppedBlockMarker(s)) {
            s = DROP_BLOCKS.matcher(s).replaceAll("");
            s = DANGLING_BLOCKS.matcher(s).replaceAll("");
        }
        if (hasEventAttributeMarker(s)) {
            s = EVENT_ATTRIBUTES.matcher(s).replaceAll("");
        }
        if (hasScriptUrlMarker(s)) {
            s = SCRIPT_URLS.matcher(s).replaceAll("$1=\"#\"");
        }
        return s.strip();
    }

    /**
     * The rules of {@link #sanitize(String)} applied unconditionally; the definition sanitize is tested against.
     *
     * @param html the HTML, not empty
     * @return the cleaned HTML
     */
    static String sanitizeByRules(String html) {
        String s = DROP_BLOCKS.matcher(html).replaceAll("");
        s = DANGLING_BLOCKS.matcher(s).replaceAll("");
        s = EVENT_ATTRIBUTES.matcher(s).replaceAll("");
        s = SCRIPT_URLS.matcher(s).replaceAll("$1=\"#\"");
        return s.strip();
    }

    /**
     * Removes tags the way the first six rules of {@link #toTextByRules} do, in one pass: a dropped block or a
     * comment becomes a space, and so does the rest of the text from a block that is never closed; a list item
     * becomes {@code "\n- "}, a block tag {@code "\n"}, an inline tag nothing, any other tag a space; a {@code <}
     * that starts no tag is text. Returns null for markup with a {@code <} between a tag's {@code <} and its
     * {@code >}, where the rules, applied one after the other, can overlap; the caller then applies the rules.
     */
    private static Sink withoutTags(String s, Sink out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) {
                out.text(s, i, n);
                break;
            }
            out.text(s, i, lt);
            int dropped = droppedBlockEnd(s, lt);
            if (dropped == DANGLING) {
                out.ch(' ');
                return out;
            }
            if (dropped >= 0) {
                out.ch(' ');
                i = dropped;
                continue;
            }
            int gt = s.indexOf('>', lt + 1);
            if (gt < 0) {
                out.ch('<');
                i = lt + 1;
                continue;
            }
            int nextLt = s.indexOf('<', lt + 1);
            if (nextLt >= 0 && nextLt < gt) {
                return null;
            }
            switch (tagKind(s, lt, gt)) {
                case LIST_ITEM_TAG:
                    out.ch('\n');
                    out.ch('-');
                    out.ch(' ');
                    break;
                case BLOCK_TAG:
                    out.ch('\n');
                    break;
                case INLINE_TAG:
                    break;
                case OTHER_TAG:
                    out.ch(' ');
                    break;
                default:
                    out.text(s, lt, gt + 1);
                    break;
            }
            i = gt + 1;
        }
        return out;
    }

    /**
     * At a {@code <}: the end of a dropped block ({@code <script ...>...</script >}, case-insensitive) or comment,
     * {@link #DANGLING} for such a block that is never closed, {@link #NOT_A_BLOCK} otherwise.
     */
    private static int droppedBlockEnd(String s, int lt) {
        int n = s.length();
        if (lt + 1 >= n || !mayStartDroppedBlock(s.charAt(lt + 1))) {
            return NOT_A_BLOCK;
        }
        if (s.startsWith("<!--", lt)) {
            int end = s.indexOf("-->", lt + 4);
            return end < 0 ? NOT_A_BLOCK : end + 3;
        }
        int nameEnd = wordEnd(s, lt + 1, n);
        String name = oneOf(s, lt + 1, nameEnd, DROPPED);
        if (name == null) {
            return NOT_A_BLOCK;
        }
        int gt = s.indexOf('>', nameEnd);
        if (gt < 0) {
            return DANGLING;
        }
        int from = gt + 1;
        while (true) {
            int close = s.indexOf("</", from);
            if (close < 0) {
                return DANGLING;
            }
            int k = close + 2 + name.length();
            if (k <= n && regionEqualsIgnoreCase(s, close + 2, name)) {
                while (k < n && isRegexSpace(s.charAt(k))) {
                    k++;
                }
                if (k < n && s.charAt(k) == '>') {
                    return k + 1;
                }
            }
            from = close + 1;
        }
    }

    /** What the rules make of {@code s[lt..gt]}, a {@code <...>} without another {@code <} inside. */
    private static int tagKind(String s, int lt, int gt) {
        int q = lt + 1;
        while (q < gt && isRegexSpace(s.charAt(q))) {
            q++;
        }
        boolean closing = q < gt && s.charAt(q) == '/';
        int nameStart = closing ? q + 1 : q;
        int nameEnd = wordEnd(s, nameStart, gt);
        if (!closing && nameEnd - nameStart == 2 && regionEqualsIgnoreCase(s, nameStart, "li")) {
            return LIST_ITEM_TAG;
        }
        if (oneOf(s, nameStart, nameEnd, closing ? BLOCK_CLOSE : BLOCK_OPEN) != null) {
            return BLOCK_TAG;
        }
        int inlineStart = lt + 1 < gt && s.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
        if (oneOf(s, inlineStart, wordEnd(s, inlineStart, gt), INLINE) != null) {
            return INLINE_TAG;
        }
        char first = s.charAt(lt + 1);
        boolean tag = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '/'
                || first == '!' || first == '?';
        return tag ? OTHER_TAG : TEXT;
    }

    /**
     * Where the tag pass writes: as it is, or with whitespace collapsed on the way as {@link #decodeAndCollapse}
     * does (for text without {@code &}, where decoding changes nothing).
     */
    private static final class Sink {
        final StringBuilder out;
        private final boolean collapse;
        /** 0: none, 1: a space is due, 2: a line break is due. */
        private int pending;

        Sink(int capacity, boolean collapse) {
            this.out = new StringBuilder(capacity);
            this.collapse = collapse;
        }

        void text(String s, int from, int to) {
            if (!collapse) {
                out.append(s, from, to);
                return;
            }
            int i = from;
            while (i < to) {
                int run = i;
                char c = 0;
                while (i < to) {
                    c = s.charAt(i);
                    if (c <= ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                        break;
                    }
                    i++;
                }
                if (i > run) {
                    flush();
                    out.append(s, run, i);
                }
                if (i < to) {
                    ch(c);
                    i++;
                }
            }
        }

        void ch(char c) {
            if (!collapse) {
                out.append(c);
            } else if (c == '\n') {
                pending = 2;
            } else if (isHorizontalSpace(c)) {
                if (pending == 0) {
                    pending = 1;
                }
            } else {
                flush();
                out.append(c);
            }
        }

        private void flush() {
            if (pending != 0) {
                // a leading space or line break would be stripped: left out
                if (out.length() > 0) {
                    out.append(pending == 1 ? ' ' : '\n');
                }
                pending = 0;
            }
        }

        /** The text, but for a trailing space or line break, which the caller strips anyway. */
        String finish() {
            return out.toString();
        }
    }

    /**
     * Decodes entities ({@link #decodeEntities}) and collapses whitespace in one pass: a run of spaces, tabs and
     * no-break spaces becomes one space, a run that holds a line break becomes one line break.
     */
    private static String decodeAndCollapse(CharSequence t) {
        int n = t.length();
        StringBuilder out = new StringBuilder(n);
        int pendingSpace = 0;
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            int cp = c;
            int next = i + 1;
            if (c == '&') {
                long decoded = entityAt(t, i);
                if (decoded != 0) {
                    next = (int) (decoded >>> 32);
                    cp = (int) decoded;
                    if (cp < 0) {
                        // an unknown entity, kept as written: letters and digits, no space
                        if (pendingSpace != 0) {
                            out.append(pendingSpace == 1 ? ' ' : '\n');
                            pendingSpace = 0;
                        }
                        out.append(t, i, next);
                        i = next;
                        continue;
                    }
                }
            }
            if (cp == '\n') {
                pendingSpace = 2;
            } else if (isHorizontalSpace(cp)) {
                if (pendingSpace == 0) {
                    pendingSpace = 1;
                }
            } else {
                if (pendingSpace != 0) {
                    out.append(pendingSpace == 1 ? ' ' : '\n');
                    pendingSpace = 0;
                }
                if (cp == c) {
                    out.append(c);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        if (pendingSpace != 0) {
            out.append(pendingSpace == 1 ? ' ' : '\n');
        }
        return out.toString();
    }

    /**
     * The entity starting at {@code t[i] == '&'} as {@link #ENTITY} matches it: 0 when none starts there, else
     * the end index in the high half and, in the low half, the code point or -1 for an unknown name.
     */
    private static long entityAt(CharSequence t, int i) {
        int n = t.length();
        int j = i + 1;
        if (j >= n) {
            return 0;
        }
        char c = t.charAt(j);
        int cp;
        int end;
        if (c == '#') {
            int k = j + 1;
            int d = k;
            while (d < n && d - k < 7 && isDigit(t.charAt(d))) {
                d++;
            }
            if (d > k) {
                cp = Integer.parseInt(t, k, d, 10);
                end = d;
            } else if (k < n && (t.charAt(k) == 'x' || t.charAt(k) == 'X')) {
                int h = k + 1;
                while (h < n && h - (k + 1) < 6 && Character.digit(t.charAt(h), 16) >= 0 && t.charAt(h) < 128) {
                    h++;
                }
                if (h == k + 1) {
                    return 0;
                }
                cp = Integer.parseInt(t, k + 1, h, 16);
                end = h;
            } else {
                return 0;
            }
            if (cp == 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = 0xFFFD;
            }
        } else if (isAsciiLetter(c)) {
            int k = j + 1;
            while (k < n && k - j < 32 && (isAsciiLetter(t.charAt(k)) || isDigit(t.charAt(k)))) {
                k++;
            }
            if (k - j < 2) {
                return 0;
            }
            Integer known = ENTITIES.get(t.subSequence(j, k).toString());
            cp = known == null ? -1 : known;
            end = k;
        } else {
            return 0;
        }
        if (end < n && t.charAt(end) == ';') {
            end++;
        }
        return ((long) end << 32) | (cp & 0xFFFFFFFFL);
    }

    /**
     * The end of the run of word characters from {@code from}, as regex {@code \b} sees them after a letter (Java
     * 17): letters, digits, {@code _} and non-spacing marks.
     */
    private static int wordEnd(String s, int from, int limit) {
        int k = from;
        while (k < limit) {
            char c = s.charAt(k);
            if (c < 128) {
                if (isAsciiLetter(c) || isDigit(c) || c == '_') {
                    k++;
                    continue;
                }
                break;
            }
            int cp = s.codePointAt(k);
            if (!(cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK)) {
                break;
            }
            k += Character.charCount(cp);
        }
        return k;
    }

    /** The name among {@code names} equal to {@code s[from, to)}, ignoring ASCII case; null when none. */
    private static String oneOf(String s, int from, int to, String[] names) {
        int length = to - from;
        if (length <= 0) {
            return null;
        }
        for (String name : names) {
            if (name.length() == length && regionEqualsIgnoreCase(s, from, name)) {
                return name;
            }
        }
        return null;
    }

    /** Whether {@code s} has {@code lowerName} at {@code at}, ignoring ASCII case only (as regex (?i) does). */
    private static boolean regionEqualsIgnoreCase(String s, int at, String lowerName) {
        if (at + lowerName.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerName.length(); k++) {
            char c = s.charAt(at + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #SCRIPT_URLS} could match: {@code javascript:} in any case (found from its colons). */
    private static boolean hasScriptUrlMarker(String s) {
        for (int colon = s.indexOf(':'); colon >= 0; colon = s.indexOf(':', colon + 1)) {
            if (colon >= 10 && regionEqualsIgnoreCase(s, colon - 10, "javascript")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #DROP_BLOCKS} or {@link #DANGLING_BLOCKS} could match: a comment or such a tag's start. */
    private static boolean hasDroppedBlockMarker(String s) {
        int last = s.length() - 1;
        for (int lt = s.indexOf('<'); lt >= 0 && lt < last; lt = s.indexOf('<', lt + 1)) {
            if (!mayStartDroppedBlock(s.charAt(lt + 1))) {
                continue;
            }
            if (s.startsWith("<!--", lt)) {
                return true;
            }
            for (String name : DROPPED) {
                if (regionEqualsIgnoreCase(s, lt + 1, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@link #EVENT_ATTRIBUTES} could match: an {@code =} after optional white space after a run of ASCII
     * letters that starts with {@code on}, has one more letter at least and follows white space (found from the
     * {@code =} signs, backwards).
     */
    private static boolean hasEventAttributeMarker(String s) {
        for (int eq = s.indexOf('='); eq >= 0; eq = s.indexOf('=', eq + 1)) {
            int end = eq;
            while (end > 0 && isRegexSpace(s.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isAsciiLetter(s.charAt(start - 1))) {
                start--;
            }
            if (end - start >= 3 && start > 0 && isRegexSpace(s.charAt(start - 1))
                    && regionEqualsIgnoreCase(s, start, "on")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code <} followed by {@code c} can start a comment or one of {@link #DROPPED}. */
    private static boolean mayStartDroppedBlock(char c) {
        switch (c) {
            case '!': case 's': case 'S': case 'i': case 'I': case 'o': case 'O': case 'e': case 'E': case 't':
            case 'T': case 'n': case 'N':
                return true;
            default:
                return false;
        }
    }

    /** Regex {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@link #HORIZONTAL_SPACE}'s characters. */
    private static boolean isHorizontalSpace(int c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u2007'
                || c == '\u202F';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Returns whether the text contains markup at all.
     *
     * @param text the text
     * @return {@code true} when it has a tag or an entity
     */
    public static boolean hasMarkup(String text) {
        return text != null && (text.indexOf('<') >= 0 || text.indexOf('&') >= 0);
    }

    /**
     * Decodes HTML 4 named entities, {@code &apos;} and numeric references; unknown ones are kept as written.
     *
     * @param s the text
     * @return the decoded text
     */
    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            int cp = -1;
            if (name.charAt(0) == '#') {
                try {
                    cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                } catch (NumberFormatException e) {
                    cp = -1;
                }
                if (cp == 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    cp = 0xFFFD;
                }
            } else {
                Integer known = ENTITIES.get(name);
                cp = known == null ? -1 : known;
            }
            m.appendReplacement(out, cp < 0 ? Matcher.quoteReplacement(m.group())
                    : Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Integer> parseTable(String table) {
        Map<String, Integer> map = new HashMap<>();
        for (String pair : table.split(",")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return Map.copyOf(map);
    }
}
