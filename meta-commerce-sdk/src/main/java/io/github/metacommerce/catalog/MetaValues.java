package io.github.metacommerce.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Lenient lookup of an enum constant by Meta's string. */
final class MetaValues {
    private MetaValues() {
    }

    static <E> Optional<E> find(E[] values, Function<E, String> metaValue, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = normalise(value);
        for (E c : values) {
            if (normalise(metaValue.apply(c)).equals(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
