package io.tidewatch.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * A schema's shape for comparing two ways of building it: every table's columns, primary key, foreign keys, indexes
 * and named check constraints, as sorted lines free of the schema's name.
 */
public final class SchemaShape {

    private SchemaShape() {
    }

    /** The shape of {@code schema}, leaving out Flyway's {@code historyTable}. */
    public static TreeSet<String> of(DataSource dataSource, String schema, String historyTable) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase(historyTable)) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                describe(meta, schema, table, lines);
            }
            try (PreparedStatement checks = connection.prepareStatement("SELECT constraint_name, check_clause"
                    + " FROM information_schema.check_constraints WHERE constraint_schema = ?")) {
                checks.setString(1, schema);
                try (ResultSet rs = checks.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name.toLowerCase(Locale.ROOT).startsWith("ck_")) {
                            lines.add(String.join(" ", "check", name, rs.getString(2).replaceAll("\\s+", " ")));
                        }
                    }
                }
            }
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String line : lines) {
            normalized.add(line.replace(schema, "SCHEMA").replace(schema.toUpperCase(Locale.ROOT), "SCHEMA")
                    .toLowerCase(Locale.ROOT));
        }
        return normalized;
    }

    private static void describe(DatabaseMetaData meta, String schema, String table, TreeSet<String> lines)
            throws SQLException {
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                lines.add(String.join(" ", "column", table, rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                        rs.getString("COLUMN_SIZE"), rs.getString("IS_NULLABLE"), rs.getString("IS_AUTOINCREMENT"),
                        String.valueOf(rs.getString("COLUMN_DEF"))));
            }
        }
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                lines.add(String.join(" ", "primary-key", table, rs.getString("COLUMN_NAME")));
            }
        }
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                lines.add(String.join(" ", "foreign-key", table, rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"), rs.getString("DELETE_RULE")));
            }
        }
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null && name.toLowerCase(Locale.ROOT).startsWith("ix_")) {
                    lines.add(String.join(" ", "index", table, name, rs.getString("COLUMN_NAME"),
                            rs.getString("NON_UNIQUE")));
                } else if (name != null) {
                    lines.add(String.join(" ", "unique", table, rs.getString("COLUMN_NAME"), rs.getString("NON_UNIQUE")));
                }
            }
        }
    }
}
