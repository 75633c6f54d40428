package io.tidewatch.campaign.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import io.tidewatch.tenancy.TenantJdbc;

/**
 * JDBC on the current tenant's connection (the one Hibernate opened for the tenant context, inside the current
 * transaction), so unqualified SQL reaches the tenant's tables; control tables are always schema-qualified.
 */
@ApplicationScoped
public class Sql {

    /** The control schema, for qualified names in SQL text. */
    public static final String CONTROL = "tidewatch_control";

    /** SQLState of a unique or primary-key violation on both PostgreSQL and H2. */
    static final String UNIQUE_VIOLATION = "23505";

    private final TenantJdbc jdbc;

    Sql(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code work} on the tenant connection of the current unit of work. */
    public <T> T tenant(TenantJdbc.Work<T> work) {
        return jdbc.run(work);
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values (n > 0). */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static int bindLongs(PreparedStatement statement, int start, Collection<Long> values) throws SQLException {
        int index = start;
        for (long value : values) {
            statement.setLong(index++, value);
        }
        return index;
    }

    /**
     * The PostgreSQL driver's side of the connection, where the bulk paths ({@code COPY}, array parameters) apply;
     * empty on H2.
     */
    static Optional<PGConnection> postgres(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class) ? Optional.of(c.unwrap(PGConnection.class)) : Optional.empty();
    }

    /** True when the failure is a unique or primary-key violation. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
