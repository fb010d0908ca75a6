package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSyntaxTest {
    /** Every ASCII character plus escapes, broken escapes, non-ASCII and an unpaired surrogate. */
    private static final String[] PIECES = pieces();

    private static String[] pieces() {
        String[] p = new String[128 + 9];
        for (int c = 0; c < 128; c++) {
            p[c] = String.valueOf((char) c);
        }
        String[] more = {"%20", "%2F", "%zz", "%4", "\u00e9", "\u20ac", "\uD83D\uDE00", "\uD800", "images/"};
        System.arraycopy(more, 0, p, 128, more.length);
        return p;
    }

    private static String random(SplittableRandom r, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            // mostly path characters, so that the plain cases are met often
            b.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : "abc-._~/%41:@"
                    .substring(r.nextInt(13)).substring(0, 1));
        }
        return b.toString();
    }

    @Test
    void aPlainPathAlwaysParsesAsARelativeReference() {
        SplittableRandom r = new SplittableRandom(7);
        int plain = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, 12);
            if (s.startsWith("//") || UrlSyntax.hasSchemeDelimiter(s) || !UrlSyntax.isPlainPath(s, 0)) {
                continue;
            }
            plain++;
            try {
                assertThat(new URI(s).isAbsolute()).as(s).isFalse();
            } catch (URISyntaxException e) {
                throw new AssertionError("'" + s + "' was taken as a plain path but does not parse", e);
            }
        }
        assertThat(plain).isGreaterThan(10_000);
    }

    @Test
    void aSchemeDelimiterMeansAbsoluteOrUnparseable() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            String s = (r.nextBoolean() ? "https" : "") + random(r, 10);
            if (!UrlSyntax.hasSchemeDelimiter(s)) {
                try {
                    assertThat(new URI(s).isAbsolute()).as(s).isFalse();
                } catch (URISyntaxException e) {
                    // not parseable: fine either way
                }
                continue;
            }
            try {
                assertThat(new URI(s).isAbsolute()).as(s).isTrue();
            } catch (URISyntaxException e) {
                // not parseable: fine
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"/images/tent.jpg,true", "images/a-b_c~d.e,true", "/a%20b,true", "/a%2,false", "/a b,false",
            "/a?x=1,false", "/a#f,false", "/caf\u00e9,false", "/[x],false", "'',true"})
    void plainPaths(String s, boolean plain) {
        assertThat(UrlSyntax.isPlainPath(s, 0)).isEqualTo(plain);
    }
}
