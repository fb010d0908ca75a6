package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @ParameterizedTest(name = "[{index}] {0} cut to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            short title                       | 20 | short title
            Trail tent for two people         | 15 | Trail tent for…
            Supercalifragilisticexpialidocious| 10 | Supercali…
            Tent 🏕️🏕️🏕️ deluxe                 |  8 | Tent…
            🏕️🏕️🏕️🏕️                          |  5 | 🏕️🏕️…
            👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦                           |  8 | 👨‍👩‍👧‍👦…
            🇫🇷🇩🇪🇮🇹                              |  5 | 🇫🇷🇩🇪…
            日本語のタイトルです長い             |  6 | 日本語のタ…
            𝒜𝒷𝒸𝒹𝑒𝒻                            |  4 | 𝒜𝒷𝒸…
            Café crème brûlée                 | 12 | Café crème…
            Sale, big, red                    | 11 | Sale, big…
            """)
    void truncatesOnGraphemeAndWordBoundaries(String input, int max, String expected) {
        String cut = Text.truncate(input, max);

        assertThat(cut).isEqualTo(expected);
        assertThat(Text.length(cut)).isLessThanOrEqualTo(max);
        assertThat(cut.chars().anyMatch(c -> Character.isSurrogate((char) c)
                && !isPaired(cut))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            👨‍👩‍👧‍👦 | 1 | ''
            ab      | 1 | a
            é       | 1 | é
            """)
    void withNoRoomForAnEllipsisKeepsWholeClustersOnly(String input, int max, String expected) {
        assertThat(Text.truncate(input, max)).isEqualTo(expected);
    }

    @Test
    void findsAndReplacesUnpairedSurrogatesButKeepsPairs() {
        assertThat(Text.firstUnpairedSurrogate("\uD800")).isZero();
        assertThat(Text.firstUnpairedSurrogate("A\uDC00")).isEqualTo(1);
        assertThat(Text.firstUnpairedSurrogate("\uD83D\uDE00 ok")).isEqualTo(-1);
        assertThat(Text.firstUnpairedSurrogate("\uD83D\uDE00\uDE00")).isEqualTo(2);
        assertThat(Text.firstUnpairedSurrogate("\uD83D\uD83D\uDE00")).isZero();
        assertThat(Text.firstUnpairedSurrogate(null)).isEqualTo(-1);
        assertThat(Text.isValidUnicode("日本 \uD83C\uDFD5\uFE0F")).isTrue();
        assertThat(Text.unpairedSurrogates("\uDC00a\uD800\uD83D\uDE00\uD800")).isEqualTo(3);
        assertThat(Text.replaceUnpairedSurrogates("\uDC00a\uD800\uD83D\uDE00\uD800"))
                .isEqualTo("\uFFFDa\uFFFD\uD83D\uDE00\uFFFD");
        String valid = "Trail tent \uD83C\uDFD5";
        assertThat(Text.replaceUnpairedSurrogates(valid)).isSameAs(valid);
        assertThat(Text.position("\uD83D\uDE00x\uD800", 3)).isEqualTo(3);
    }

    private static boolean isPaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
