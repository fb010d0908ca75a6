package io.github.metacommerce.admin.product;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A CSV header row: column names as written, looked up without regard to case (first occurrence wins). */
final class Header {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    Header(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(key(names.get(i)), i);
        }
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    boolean has(String name) {
        return index.containsKey(key(name));
    }

    /** The first of the given names the header has, as written in the file. */
    Optional<String> first(String... candidates) {
        for (String c : candidates) {
            Integer i = index.get(key(c));
            if (i != null) {
                return Optional.of(names.get(i).strip());
            }
        }
        return Optional.empty();
    }

    int indexOf(String name) {
        Integer i = index.get(key(name));
        return i == null ? -1 : i;
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
