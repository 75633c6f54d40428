package io.tidewatch.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Writes everything an organization holds into a ZIP: every table of its schema as a JSON and a CSV file, plus its
 * control-schema records (organization, memberships, seats). Read with plain JDBC so that tables added by later
 * migrations are exported without code changes.
 */
@ApplicationScoped
class OrganizationExporter {

    private static final String CONTROL = TenantSchemas.CONTROL;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    OrganizationExporter(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    byte[] export(long orgId, String slug, String name) {
        String schema = TenantSchemas.of(orgId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String table : tables(connection, schema)) {
                write(zip, "tenant/" + table, rows(connection, "SELECT * FROM " + schema + "." + table, null));
            }
            write(zip, "control/organization",
                    rows(connection, "SELECT * FROM " + CONTROL + ".organization WHERE id = ?", orgId));
            write(zip, "control/membership", rows(connection, "SELECT m.*, a.username FROM " + CONTROL + ".membership m JOIN "
                    + CONTROL + ".account a ON a.id = m.account_id WHERE m.org_id = ?", orgId));
            write(zip, "control/seat", rows(connection, "SELECT * FROM " + CONTROL + ".seat WHERE org_id = ?", orgId));
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(("Export of organization " + orgId + " (" + slug + ", " + name + ") taken before its schema was "
                    + "dropped. Each table is given as JSON and as CSV.\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not export organization " + orgId, e);
        }
        return bytes.toByteArray();
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(String::compareTo);
        return tables;
    }

    /** A table's column names (so an empty table's CSV still has its header) and rows. */
    record Table(List<String> columns, List<Map<String, Object>> rows) {
    }

    private static Table rows(Connection connection, String sql, Long orgId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (orgId != null) {
                statement.setLong(1, orgId);
            }
            return read(statement);
        }
    }

    private static Table read(PreparedStatement statement) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(columns.get(i - 1), value(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return new Table(columns, rows);
    }

    /**
     * A value as JSON and CSV carry it: bytes as base64, points in time as RFC 3339 in UTC whatever type the driver
     * hands over (PostgreSQL's driver gives a zone-less {@code Timestamp}, H2 an {@code OffsetDateTime}).
     */
    private static Object value(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toString();
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    private void write(ZipOutputStream zip, String name, Table table) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".json"));
        zip.write(json.writeValueAsBytes(table.rows()));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(name + ".csv"));
        zip.write(csv(table).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String csv(Table table) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", table.columns().stream().map(OrganizationExporter::cell).toList())).append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            out.append(String.join(",", row.values().stream().map(OrganizationExporter::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
