package io.tidewatch.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Reads a tenant's audit log straight from its schema, for tests that assert a change was recorded. */
public final class AuditRows {

    private AuditRows() {
    }

    /** How many entries with this action and target id the tenant's log holds. */
    public static long count(DataSource dataSource, long orgId, String action, Object targetId) {
        String sql = "SELECT COUNT(*) FROM tenant_" + orgId + ".audit_entry WHERE action = ?"
                + (targetId == null ? "" : " AND target_id = ?");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, action);
            if (targetId != null) {
                statement.setString(2, String.valueOf(targetId));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column of one row of a tenant table, for checks of what is stored (e.g. that a secret is sealed). */
    public static String column(DataSource dataSource, long orgId, String table, String column, long id) {
        String sql = "SELECT " + column + " FROM tenant_" + orgId + "." + table + " WHERE id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
