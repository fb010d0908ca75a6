package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
