package io.github.metacommerce.internal;

import java.util.Arrays;

/**
 * A compact open-addressing set of longs (8 bytes per slot, load factor 3/4), for remembering a million ids in
 * about 16 MB.
 */
public final class LongHashSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /**
     * Adds a value.
     *
     * @param value the value
     * @return {@code true} if it was not present
     */
    public boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        if ((long) (size + 1) * 4 > (long) slots.length * 3) {
            grow();
        }
        return insert(slots, value);
    }

    /**
     * Returns whether the value is present.
     *
     * @param value the value
     * @return {@code true} if present
     */
    public boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long v = slots[i];
            if (v == EMPTY) {
                return false;
            }
            if (v == value) {
                return true;
            }
        }
    }

    /**
     * Returns the number of values.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == EMPTY) {
                table[i] = value;
                if (table == slots) {
                    size++;
                }
                return true;
            }
            if (v == value) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        Arrays.fill(bigger, EMPTY);
        for (long v : old) {
            if (v != EMPTY) {
                int mask = bigger.length - 1;
                int i = mix(v) & mask;
                while (bigger[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                bigger[i] = v;
            }
        }
        slots = bigger;
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * A 64-bit hash of a string (FNV-1a over UTF-16 units, then mixed); collisions among a million ids have a
     * probability of about 3 in 100 million.
     *
     * @param s the string
     * @return the hash
     */
    public static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
