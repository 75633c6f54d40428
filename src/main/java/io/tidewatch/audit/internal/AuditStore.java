package io.tidewatch.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Appends entries to an audit log table, in the control schema or a tenant schema, with schema-qualified SQL on the
 * transaction's connection. The chain head row is locked for the append, so concurrent writers queue instead of
 * forking the chain.
 */
@ApplicationScoped
public class AuditStore {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, impersonator_id, impersonator_name,"
            + " org_id, action, target_type, target_id, outcome, client_address, user_agent, details, prev_hash, hash";

    private final AgroalDataSource dataSource;

    AuditStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends the entry to the log in {@code schema} and returns its id. */
    public long append(String schema, AuditEntry entry) {
        return append(schema, List.of(entry));
    }

    /** Appends the entries, in order, to the log in {@code schema} under one lock of its head; returns the last id. */
    public long append(String schema, List<AuditEntry> entries) {
        String table = TenantSchemas.requireSafe(schema);
        try (Connection connection = dataSource.getConnection()) {
            long lastId;
            String lastHash;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_id, last_hash FROM " + table + ".audit_chain WHERE id = 1 FOR UPDATE");
                    ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit chain head missing in " + table);
                }
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            for (AuditEntry entry : entries) {
                long id = lastId + 1;
                AuditEntry chained = entry.chained(id, lastHash, AuditChain.hash(id, entry, lastHash));
                insert(connection, table, chained);
                lastId = id;
                lastHash = chained.hash();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + ".audit_chain SET last_id = ?, last_hash = ? WHERE id = 1")) {
                update.setLong(1, lastId);
                update.setString(2, lastHash);
                update.executeUpdate();
            }
            return lastId;
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit log", e);
        }
    }

    private static void insert(Connection connection, String table, AuditEntry e) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + ".audit_entry ("
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, e.id());
            insert.setObject(2, e.occurredAt().atOffset(ZoneOffset.UTC));
            setLong(insert, 3, e.actorId());
            insert.setString(4, e.actorName());
            setLong(insert, 5, e.impersonatorId());
            insert.setString(6, e.impersonatorName());
            setLong(insert, 7, e.orgId());
            insert.setString(8, e.action());
            insert.setString(9, e.targetType());
            insert.setString(10, e.targetId());
            insert.setString(11, e.outcome());
            insert.setString(12, e.clientAddress());
            insert.setString(13, e.userAgent());
            insert.setString(14, e.details());
            insert.setString(15, e.prevHash());
            insert.setString(16, e.hash());
            insert.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
