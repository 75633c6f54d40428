package io.tidewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * {@code GET /api/audit/verify}: an untouched log verifies; an entry edited or deleted directly in the database is
 * named. Each test tampers with a tenant of its own, never with the platform log.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void untouchedLogVerifies() {
        Tenant tenant = tenantWithHistory();

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("checked", greaterThanOrEqualTo(4))
                .body("valid", equalTo(true))
                .body("first_broken_id", nullValue());
    }

    @Test
    void entryEditedInTheDatabaseIsNamed() throws SQLException {
        Tenant tenant = tenantWithHistory();
        long edited = ids(tenant).get(2);

        execute("UPDATE tenant_" + tenant.id() + ".audit_entry SET details = 'role=viewer' WHERE id = " + edited);

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("first_broken_id", equalTo((int) edited))
                .body("checked", equalTo((int) edited));
    }

    @Test
    void entryWhoseTimeWasRewrittenIsNamed() throws SQLException {
        Tenant tenant = tenantWithHistory();
        long edited = ids(tenant).get(1);

        execute("UPDATE tenant_" + tenant.id() + ".audit_entry SET occurred_at = occurred_at - INTERVAL '1' HOUR"
                + " WHERE id = " + edited);

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("first_broken_id", equalTo((int) edited));
    }

    @Test
    void entryDeletedFromTheMiddleIsNamed() throws SQLException {
        Tenant tenant = tenantWithHistory();
        long deleted = ids(tenant).get(1);

        execute("DELETE FROM tenant_" + tenant.id() + ".audit_entry WHERE id = " + deleted);

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("first_broken_id", equalTo((int) deleted));
    }

    @Test
    void newestEntryDeletedIsNamed() throws SQLException {
        Tenant tenant = tenantWithHistory();
        List<Long> ids = ids(tenant);
        long newest = ids.get(ids.size() - 1);

        execute("DELETE FROM tenant_" + tenant.id() + ".audit_entry WHERE id = " + newest);

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("first_broken_id", equalTo((int) newest));
    }

    @Test
    void platformLogVerifiesForMsspAdmins() {
        Api.asAdmin().queryParam("scope", "platform").get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("first_broken_id", nullValue());
    }

    @Test
    void concurrentWritersKeepBothChainsIntact() throws Exception {
        Tenant tenant = Fixtures.tenant("Concurrent", 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = IntStream.range(0, 24)
                    .mapToObj(i -> pool.submit(() -> tenant.asAdmin()
                            .body(Map.of("username", "c" + i + "-" + Fixtures.unique() + "@concurrent.test", "password",
                                    "password123", "role", "user"))
                            .post("/api/users/").statusCode()))
                    .toList();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(26));
        Api.asAdmin().queryParam("scope", "platform").get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    /** A tenant whose log holds at least four entries: two admins added, a member added and its role changed. */
    private static Tenant tenantWithHistory() {
        Tenant tenant = Fixtures.tenant("Chain", 50);
        long member = AuditLogApiTest.createUser(tenant, "chain-" + Fixtures.unique() + "@chain.test");
        AuditLogApiTest.changeRole(tenant, member, "viewer");
        return tenant;
    }

    /** The ids of the tenant's log, oldest first. */
    private static List<Long> ids(Tenant tenant) {
        return AuditTrail.entries(tenant.asAdmin(), Map.of()).stream().map(e -> ((Number) e.get("id")).longValue())
                .sorted().toList();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
