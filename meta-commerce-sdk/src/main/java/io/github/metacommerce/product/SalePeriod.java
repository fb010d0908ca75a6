package io.github.metacommerce.product;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * When a sale runs. Sent as {@code sale_price_effective_date} ({@code start/end}, ISO 8601 with offsets) so Meta
 * switches the sale price on and off by itself.
 *
 * @param start when the sale starts
 * @param end when it ends (must be after the start, or the validator reports it)
 */
public record SalePeriod(OffsetDateTime start, OffsetDateTime end) {

    /** Validates the components. */
    public SalePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
