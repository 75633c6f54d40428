package io.tidewatch.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.SchemaShape;

/**
 * A new tenant schema is built by the baseline script ({@code B7}) instead of the versioned migrations V1 to V7; a
 * schema made before the script existed goes on with the versioned ones. Both must end as the same schema: same tables,
 * columns, keys, indexes and seeded rows.
 */
@QuarkusTest
class TenantBaselineScriptTest {

    private static final long FROM_BASELINE = 990_000_001L;
    private static final long FROM_VERSIONS = 990_000_002L;

    @Inject
    TenantMigrator migrator;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void dropSchemas() {
        migrator.drop(FROM_BASELINE);
        migrator.drop(FROM_VERSIONS);
    }

    @Test
    void aNewSchemaRunsTheBaselineScriptOnly() {
        migrator.migrate(FROM_BASELINE);

        assertThat(applied(flyway(FROM_BASELINE))).containsExactly("7 B7__tenant_schema.sql");
        assertThat(migrator.isCurrent(FROM_BASELINE)).isTrue();
    }

    @Test
    void anOlderSchemaGoesOnWithTheVersionedMigrationsAndEndsTheSameAsANewOne() throws SQLException {
        flyway(FROM_VERSIONS).configuration(Map.of("flyway.baselineMigrationPrefix", "NO_BASELINE")).target("1").load()
                .migrate();
        migrator.migrate(FROM_VERSIONS);
        migrator.migrate(FROM_BASELINE);

        assertThat(applied(flyway(FROM_VERSIONS))).containsExactly("1 V1__tenant_baseline.sql", "2 V2__phishing.sql",
                "5 V5__campaigns.sql", "6 V6__webhook_delivery.sql", "7 V7__imap_monitor.sql");
        assertThat(migrator.isCurrent(FROM_VERSIONS)).isTrue();
        assertThat(migrator.ownerOf(FROM_VERSIONS)).isEqualTo(FROM_VERSIONS);
        assertThat(migrator.ownerOf(FROM_BASELINE)).isEqualTo(FROM_BASELINE);
        assertThat(shape(FROM_BASELINE)).isNotEmpty().isEqualTo(shape(FROM_VERSIONS));
        assertThat(seededRows(FROM_BASELINE)).isEqualTo(seededRows(FROM_VERSIONS));
    }

    private FluentConfiguration flyway(long orgId) {
        String schema = TenantSchemas.of(orgId);
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table(TenantMigrator.HISTORY_TABLE).locations("classpath:db/tenant")
                .placeholders(Map.of("org_id", Long.toString(orgId)));
    }

    private static List<String> applied(FluentConfiguration configuration) {
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : configuration.load().info().applied()) {
            if (info.getVersion() != null) {
                applied.add(info.getVersion() + " " + info.getScript());
            }
        }
        return applied;
    }

    private TreeSet<String> shape(long orgId) throws SQLException {
        return SchemaShape.of(dataSource, TenantSchemas.of(orgId), TenantMigrator.HISTORY_TABLE);
    }

    private List<String> seededRows(long orgId) throws SQLException {
        String schema = TenantSchemas.of(orgId);
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, org_id - " + orgId + " FROM " + schema
                    + ".tenant_identity")) {
                while (rs.next()) {
                    rows.add("tenant_identity " + rs.getInt(1) + " org offset " + rs.getLong(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, last_id, last_hash FROM " + schema + ".audit_chain")) {
                while (rs.next()) {
                    rows.add("audit_chain " + rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id FROM " + schema + ".group_write_lock")) {
                while (rs.next()) {
                    rows.add("group_write_lock " + rs.getInt(1));
                }
            }
        }
        return rows;
    }
}
