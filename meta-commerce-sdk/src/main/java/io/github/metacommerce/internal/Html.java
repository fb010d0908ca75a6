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

    private Html() {
    }

    /**
     * Converts HTML to plain text: scripts, styles and comments removed, block ends become line breaks, list items
     * become "- " lines, tags removed, entities decoded, whitespace collapsed.
     *
     * @param html the HTML, may be null
     * @return the text, never null
     */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
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
     * @param html the HTML, may be null
     * @return the cleaned HTML, never null
     */
    public static String sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = DROP_BLOCKS.matcher(html).replaceAll("");
        s = DANGLING_BLOCKS.matcher(s).replaceAll("");
        s = EVENT_ATTRIBUTES.matcher(s).replaceAll("");
        s = SCRIPT_URLS.matcher(s).replaceAll("$1=\"#\"");
        return s.strip();
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
