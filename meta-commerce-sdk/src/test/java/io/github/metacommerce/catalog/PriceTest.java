package io.github.metacommerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void printsMetasFormWithTheCurrencysDigits() {
        assertThat(Price.of(new BigDecimal("1200.5"), "JPY").toString()).isEqualTo("1201 JPY");
        assertThat(Price.of(new BigDecimal("19.9"), "USD").toString()).isEqualTo("19.90 USD");
    }

    @Test
    void anOutOfRangeAmountPrintsWithoutRoundingOrThrowing() {
        assertThat(Price.of(new BigDecimal("1E+999999999"), "USD").toString()).isEqualTo("1E+999999999 USD");
        assertThat(Price.of(new BigDecimal("1E-999999999"), "EUR").toString()).isEqualTo("1E-999999999 EUR");
    }
}
