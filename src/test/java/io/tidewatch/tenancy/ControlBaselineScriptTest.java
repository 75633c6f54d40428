package io.tidewatch.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * An empty database gets its control schema from the baseline script ({@code B9}) instead of the versioned migrations
 * V1 to V9; a database made before the script existed goes on with the versioned ones. Both must end as the same
 * schema: same tables, columns, keys, indexes and check constraints.
 */
@QuarkusTest
class ControlBaselineScriptTest {

    private static final String FROM_BASELINE = "ctl_from_baseline";
    private static final String FROM_VERSIONS = "ctl_from_versions";
    private static final String HISTORY = "control_schema_history";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void dropSchemas() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + FROM_BASELINE + " CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS " + FROM_VERSIONS + " CASCADE");
        }
    }

    @Test
    void anEmptyDatabaseRunsTheBaselineScriptOnlyAndEndsAsTheVersionedMigrationsLeaveAnOlderOne() throws SQLException {
        flyway(FROM_VERSIONS).configuration(Map.of("flyway.baselineMigrationPrefix", "NO_BASELINE")).target("1").load()
                .migrate();
        flyway(FROM_VERSIONS).load().migrate();
        flyway(FROM_BASELINE).load().migrate();

        assertThat(applied(FROM_BASELINE)).containsExactly("9 B9__control_schema.sql");
        assertThat(applied(FROM_VERSIONS)).containsExactly("1 V1__control_baseline.sql", "2 V2__impersonation.sql",
                "3 V3__branding.sql", "6 V6__phishing_door.sql", "7 V7__impersonation_end_reason_check.sql",
                "8 V8__session_generation.sql", "9 V9__impersonation_ended_by_organization_deletion.sql");
        assertThat(SchemaShape.of(dataSource, FROM_BASELINE, HISTORY)).isNotEmpty()
                .anyMatch(line -> line.startsWith("check ck_impersonation_end_reason"))
                .isEqualTo(SchemaShape.of(dataSource, FROM_VERSIONS, HISTORY));
    }

    private FluentConfiguration flyway(String schema) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table(HISTORY).locations("classpath:db/control");
    }

    private List<String> applied(String schema) {
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway(schema).load().info().applied()) {
            if (info.getVersion() != null) {
                applied.add(info.getVersion() + " " + info.getScript());
            }
        }
        return applied;
    }
}
