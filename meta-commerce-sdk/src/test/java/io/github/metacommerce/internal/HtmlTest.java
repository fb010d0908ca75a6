package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>Sleeps <b>two</b>.</p><p>Weighs 2&nbsp;kg.</p>         | Sleeps two.\\nWeighs 2 kg.
            Tom &amp; Jerry &lt;3 &quot;fun&quot; &#39;ok&#39; &apos;x&apos; | Tom & Jerry <3 "fun" 'ok' 'x'
            &eacute;t&eacute; &euro;5 &#x1F600; &hellip;               | été €5 😀 …
            Safe<script>alert('x')</script> text<style>p{color:red}</style>! | Safe text !
            <ul><li>One</li><li>Two</li></ul>                           | - One\\n- Two
            a < b and c > d                                             | a < b and c > d
            Broken <b>tag                                               | Broken tag
            &unknown; &#0; &#xD800;                                     | &unknown; \uFFFD \uFFFD
            <!-- hidden -->Shown                                        | Shown
            `  lots   of\t\tspace  `                                    | lots of space
            Line<br>break<br/>again                                     | Line\\nbreak\\nagain
            Open <script>never closed                                   | Open
            """)
    void convertsHtmlToPlainText(String html, String expected) {
        assertThat(Html.toText(html)).isEqualTo(expected.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p onclick="steal()">Hi</p>                      | <p>Hi</p>
            <a href="javascript:alert(1)">x</a>              | <a href="#">x</a>
            <b>Bold</b><script>x()</script><iframe src=y></iframe> | <b>Bold</b>
            """)
    void sanitizesRichText(String html, String expected) {
        assertThat(Html.sanitize(html)).isEqualTo(expected);
    }

    /** Pieces that exercise every rule and their overlaps; only characters whose regex word class is the same on every JDK. */
    private static final String[] PIECES = {
        "<p>", "</p>", "<P class=\"x\">", "< p>", "</ p>", "< /p>", "<pre>", "<param>", "<br>", "<br/>", "<BR />",
        "<hr>", "<h1>", "</h1>", "<h7>", "<h12>", "<div>", "</DIV>", "<li>", "< li class=a>", "</li>", "<lix>",
        "<ul>", "</ul>", "<ol>", "</ol>", "<tr>", "</tr>", "<td>", "</table>", "</blockquote>", "<blockquote>",
        "<b>", "</b>", "<B>", "<strong>", "</strong>", "<s>", "<strike>", "</sub>", "<sup>", "<a href=\"/x\">",
        "</a>", "<span style='c'>", "<em>", "<i>", "<q>", "<bdo dir=rtl>", "<img src=x.jpg>", "<x_y>", "<b_>",
        "<!DOCTYPE html>", "<?xml?>", "<>", "</>", "< >", "<1>", "<-->", "<!-- c -->", "<!--", "-->", "<!-->",
        "<script>", "</script>", "</script >", "</SCRIPT\n>", "<script src=a>", "<Script>", "</scriptx>",
        "<style>", "</style>", "<iframe src=y>", "</iframe>", "<noscript>", "</noscript>", "<template>",
        "</template>", "<object>", "</object>", "<embed>", "</embed>", "<scripts>", "<script", "<style",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&nbsp;", "&eacute;", "&euro;", "&#x1F600;",
        "&#X41;", "&#0;", "&#xD800;", "&#12345678;", "&#1234567", "&#x110000;", "&#;", "&#x;", "&x;", "&a;",
        "&unknown;", "&amp", "&ampfoo;", "&Aacute", "&", "&#10;", "&#9;", "&#160;",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f",
        "\u00A0", "\u2007", "\u202F", "\u2003", "\u001C", "<", ">", "a", "b", "Tent", "2 kg", "€", "\uD83D\uDE00",
        "x", " - ", ";", "/", "!", "?", "=", "\"", "'", " onclick=\"steal()\"", " ONLOAD = x", " on=", " only ",
        " onmouseover='a'", "href=\"javascript:alert(1)\"", "src = 'JavaScript:x'", "href=javascript:y",
        "javascript:", " href=\"#\"",
    };

    private static String randomHtml(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + r.nextInt(14);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void theSinglePassGivesWhatTheRulesGive() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            String html = randomHtml(r);
            assertThat(Html.toText(html)).as("toText of [%s]", html).isEqualTo(Html.toTextByRules(html));
        }
    }

    @Test
    void sanitizingOnlyWhereARuleCanMatchGivesWhatTheRulesGive() {
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < 200_000; i++) {
            String html = randomHtml(r);
            assertThat(Html.sanitize(html)).as("sanitize of [%s]", html).isEqualTo(Html.sanitizeByRules(html));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `<p>The <b>Trail Tent</b> is built for long days outside.</p><ul><li>Weight: 900 g</li></ul>`
            `a < b <p>c</p>`
            `<p title="<b>">x</p>`
            `<p <!-- c --> >text`
            `Open <script>never closed <p>after</p>`
            `<style>a<script>b</style>c</script>d`
            `&am<b></b>p; &l<i>t</i>;`
            `x <!-- open <p>y</p>`
            """)
    void knownOverlapsGiveWhatTheRulesGive(String html) {
        assertThat(Html.toText(html)).isEqualTo(Html.toTextByRules(html));
        assertThat(Html.sanitize(html)).isEqualTo(Html.sanitizeByRules(html));
    }
}
