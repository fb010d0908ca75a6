package io.github.metacommerce.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount in a currency, rendered the way items_batch wants it: {@code "<amount> <ISO 4217 code>"} with the
 * currency's own number of minor digits, rounded half-up ({@code "9.99 USD"}, {@code "1500 JPY"},
 * {@code "2.500 KWD"}).
 *
 * @param amount the amount
 * @param currencyCode the ISO 4217 code, upper case
 */
public record Price(BigDecimal amount, String currencyCode) {

    /** Validates the components. */
    public Price {
        Objects.requireNonNull(amount, "amount");
        currencyCode = Objects.requireNonNull(currencyCode, "currencyCode").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Creates a price.
     *
     * @param amount the amount
     * @param currencyCode the ISO 4217 code
     * @return the price
     */
    public static Price of(BigDecimal amount, String currencyCode) {
        return new Price(amount, currencyCode);
    }

    /**
     * Returns the JDK currency for the code.
     *
     * @return the currency, empty when the code is not a real ISO 4217 code
     */
    public Optional<Currency> currency() {
        if (currencyCode.length() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the amount rounded half-up to the currency's minor digits; for a currency without fixed minor digits
     * ({@code XAU}) or an unknown one, the amount without trailing zeros ({@code 1.00000 XAU} is {@code 1}).
     *
     * @return the rounded amount
     */
    public BigDecimal roundedAmount() {
        int digits = currency().map(Currency::getDefaultFractionDigits).filter(d -> d >= 0).orElse(-1);
        return digits < 0 ? amount.stripTrailingZeros() : amount.setScale(digits, RoundingMode.HALF_UP);
    }

    /**
     * Renders the price for Meta.
     *
     * @return e.g. {@code "9.99 USD"}
     */
    public String metaValue() {
        return roundedAmount().toPlainString() + " " + currencyCode;
    }

    @Override
    public String toString() {
        // never round an out-of-range amount just to print it (1E+999999999 would take minutes or throw)
        boolean printable = Math.abs((long) amount.scale()) < 1_000 && amount.precision() < 1_000;
        return printable ? metaValue() : amount + " " + currencyCode;
    }
}
