package io.github.metacommerce.admin.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Time conversions for {@code timestamp with time zone} columns, the same on H2 and PostgreSQL. */
public final class Db {
    private Db() {
    }

    /**
     * Converts an instant into a JDBC parameter.
     *
     * @param instant the instant, or {@code null}
     * @return the UTC offset date-time, or {@code null}
     */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The escape clause that goes with {@link #containsPattern(String)}: {@code like :q escape '!'}. */
    public static final String LIKE_ESCAPE = " escape '!'";

    /**
     * A case-insensitive "contains" pattern for {@code lower(column) like ?} followed by {@link #LIKE_ESCAPE}: the
     * text in lower case, its {@code %}, {@code _} and {@code !} escaped, between two {@code %}.
     *
     * @param text the text searched for
     * @return the pattern
     */
    public static String containsPattern(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
    }

    /**
     * Reads a nullable timestamp column.
     *
     * @param rs the result set
     * @param column the column
     * @return the instant, empty when the column is null
     * @throws SQLException on a JDBC failure
     */
    public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
