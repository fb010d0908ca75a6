package io.github.metacommerce.admin.system;

/** Counts in words, as the pages and run summaries show them. */
public final class Words {
    private Words() {
    }

    /**
     * A count with its noun, singular for one: {@code count(1, "product")} is "1 product", {@code count(3,
     * "product")} "3 products".
     *
     * @param n the count
     * @param noun the noun in the singular (made plural with an "s")
     * @return the words
     */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
