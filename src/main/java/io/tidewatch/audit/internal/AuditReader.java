package io.tidewatch.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Reads an audit log, in the control schema or a tenant schema, with schema-qualified SQL: pages of entries newest
 * first, and the verification that recomputes the whole chain. Reads never lock the chain, so writers are not held up.
 */
@ApplicationScoped
public class AuditReader {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, impersonator_id, impersonator_name,"
            + " org_id, action, target_type, target_id, outcome, client_address, user_agent, details, prev_hash, hash";
    private static final int VERIFY_BATCH = 1000;

    private final AgroalDataSource dataSource;

    AuditReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** At most {@code limit} entries of the log in {@code schema} that match the filter, newest first. */
    public List<AuditEntry> list(String schema, AuditFilter filter, int limit) {
        String table = TenantSchemas.requireSafe(schema);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + table + ".audit_entry WHERE 1 = 1");
        if (filter.action() != null && filter.actionPrefix()) {
            sql.append(" AND (action = ? OR action LIKE ? ESCAPE '\\')");
            params.add(filter.action());
            params.add(escapeLike(filter.action()) + ".%");
        } else if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        if (filter.actorId() != null) {
            sql.append(" AND (actor_id = ? OR impersonator_id = ?)");
            params.add(filter.actorId());
            params.add(filter.actorId());
        }
        if (filter.actorName() != null) {
            sql.append(" AND (LOWER(actor_name) = ? OR LOWER(impersonator_name) = ?)");
            params.add(filter.actorName());
            params.add(filter.actorName());
        }
        if (filter.since() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(filter.since());
        }
        if (filter.until() != null) {
            sql.append(" AND occurred_at <= ?");
            params.add(filter.until());
        }
        if (filter.beforeId() != null) {
            sql.append(" AND id < ?");
            params.add(filter.beforeId());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, params);
            return readAll(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    /**
     * Recomputes the chain of the log in {@code schema} from its first entry to the chain head as it stood when the
     * check began: every id must follow the previous one, carry the previous entry's hash and hash to its stored value,
     * and the last one must be the head. Entries appended meanwhile are left for the next check.
     */
    public AuditVerification verify(String schema) {
        String table = TenantSchemas.requireSafe(schema);
        try (Connection connection = dataSource.getConnection()) {
            long lastId;
            String lastHash;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_id, last_hash FROM " + table + ".audit_chain WHERE id = 1");
                    ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    return AuditVerification.brokenAt(0, 1);
                }
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            return walk(connection, table, lastId, lastHash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not verify the audit log", e);
        }
    }

    private static AuditVerification walk(Connection connection, String table, long lastId, String lastHash)
            throws SQLException {
        long checked = 0;
        long expected = 1;
        String previous = AuditChain.GENESIS;
        String sql = "SELECT " + COLUMNS + " FROM " + table + ".audit_entry WHERE id >= ? AND id <= ? ORDER BY id"
                + " FETCH FIRST " + VERIFY_BATCH + " ROWS ONLY";
        while (expected <= lastId) {
            List<AuditEntry> batch;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, expected);
                statement.setLong(2, lastId);
                batch = readAll(statement);
            }
            if (batch.isEmpty()) {
                return AuditVerification.brokenAt(checked, expected);
            }
            for (AuditEntry entry : batch) {
                if (entry.id() != expected) {
                    return AuditVerification.brokenAt(checked, expected);
                }
                checked++;
                if (!previous.equals(entry.prevHash()) || !AuditChain.hash(entry.id(), entry, previous).equals(entry.hash())) {
                    return AuditVerification.brokenAt(checked, entry.id());
                }
                previous = entry.hash();
                expected++;
            }
        }
        if (!previous.equals(lastHash)) {
            return AuditVerification.brokenAt(checked, Math.max(1, lastId));
        }
        return AuditVerification.intact(checked);
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    private static List<AuditEntry> readAll(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                entries.add(read(rs));
            }
        }
        return entries;
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), nullableLong(rs, 3),
                rs.getString(4), nullableLong(rs, 5), rs.getString(6), nullableLong(rs, 7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
