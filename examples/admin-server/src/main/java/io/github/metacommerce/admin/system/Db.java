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
