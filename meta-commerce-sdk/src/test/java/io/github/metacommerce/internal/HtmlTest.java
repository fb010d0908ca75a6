package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
