package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.tenancy.TenantMigrator;
import io.tidewatch.tenancy.TenantMigrator.MigrationReport;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Start-up migration of every tenant schema: idempotent, and one broken tenant neither stops nor hides. */
@QuarkusTest
class TenantMigrationTest {

    @Inject
    TenantMigrator migrator;

    @Inject
    TenantSchemaStartup startup;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void migratingCurrentSchemasAgainChangesNothing() {
        Tenant a = Fixtures.northwind();
        Tenant b = Fixtures.contoso();
        MigrationReport first = migrator.migrateAll(List.of(a.id(), b.id()), 2);
        MigrationReport second = migrator.migrateAll(List.of(a.id(), b.id()), 2);
        assertThat(first.failed()).isEmpty();
        assertThat(second.failed()).isEmpty();
        assertThat(second.migrated()).isZero();
        assertThat(second.checked()).isEqualTo(2);
    }

    @Test
    void aBrokenTenantIsReportedAndRefusedWhileTheOthersMigrate() throws SQLException {
        Tenant healthy = Fixtures.northwind();
        Tenant lostHistory = Fixtures.contoso();
        Tenant misplaced = Fixtures.tenant("Misplaced", 10);
        sql("DROP TABLE " + TenantSchemas.of(lostHistory.id()) + ".tenant_schema_history");
        sql("UPDATE " + TenantSchemas.of(misplaced.id()) + ".tenant_identity SET org_id = " + healthy.id());

        MigrationReport report = migrator.migrateAll(List.of(lostHistory.id(), healthy.id(), misplaced.id()), 2);

        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.failed()).containsOnlyKeys(lostHistory.id(), misplaced.id());
        assertThat(report.failed().get(misplaced.id())).contains("belongs to organization " + healthy.id());

        startup.recheck(misplaced.id());
        misplaced.asAdmin().get("/api/users/").then().statusCode(503).body("message", containsString("unavailable"));
        healthy.asAdmin().get("/api/users/").then().statusCode(200);

        sql("UPDATE " + TenantSchemas.of(misplaced.id()) + ".tenant_identity SET org_id = " + misplaced.id());
        assertThat(startup.recheck(misplaced.id()).failed()).isEmpty();
        misplaced.asAdmin().get("/api/users/").then().statusCode(200);
    }

    @Test
    void aStartRemovesOrganizationsWhoseCreationWasAbandonedButNotOnesStillBeingCreated() throws SQLException {
        String stale = "abandoned-" + Fixtures.unique();
        String fresh = "being-created-" + Fixtures.unique();
        sql("INSERT INTO " + TenantSchemas.CONTROL + ".organization (name, slug, seat_cap, status, created_at, updated_at)"
                + " VALUES ('Abandoned', '" + stale + "', 5, 'PROVISIONING', CURRENT_TIMESTAMP - INTERVAL '1' HOUR,"
                + " CURRENT_TIMESTAMP)");
        sql("INSERT INTO " + TenantSchemas.CONTROL + ".organization (name, slug, seat_cap, status, created_at, updated_at)"
                + " VALUES ('Being created', '" + fresh + "', 5, 'PROVISIONING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        startup.onStart(null);

        assertThat(count("slug = '" + stale + "'")).isZero();
        assertThat(count("slug = '" + fresh + "'")).isEqualTo(1);
        sql("DELETE FROM " + TenantSchemas.CONTROL + ".organization WHERE slug = '" + fresh + "'");
    }

    private long count(String where) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TenantSchemas.CONTROL
                        + ".organization WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
