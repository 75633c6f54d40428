package io.tidewatch.impersonation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.impersonation.ImpersonationFixtures.Session;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/**
 * An impersonation whose time ran out is over at once: it shows its end and its token is refused before the expiry
 * job runs; the job then records the end exactly once. Time is moved by rewriting the row's dates, not by sleeping.
 */
@QuarkusTest
class ImpersonationExpiryTest {

    static Tenant northwind;
    static Account staff;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImpersonationExpiryJob job;

    @BeforeEach
    void tenantAndStaff() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        staff = ImpersonationFixtures.grantedStaff();
    }

    @Test
    void expiredImpersonationShowsItsEndWithoutAnyoneEndingIt() throws SQLException {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Expiring", 1);
        Instant expiry = moveIntoThePast(session.id());

        Api.as(staff.apiKey()).get("/api/impersonations/" + session.id()).then().statusCode(200)
                .body("status", equalTo("expired"))
                .body("end_reason", equalTo("expired"))
                .body("ended_at", equalTo(expiry.toString()))
                .body("ended_by", nullValue());
        Api.as(session.token()).get("/api/users/").then().statusCode(401).body("message", equalTo("Invalid API Key"));
        Api.as(staff.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(409);
        assertThat(storedEnd(session.id())).as("nothing stored before the job runs").isNull();
    }

    @Test
    void expiryJobRecordsTheEndOnceInBothLogs() throws SQLException {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Expiring with a job", 1);
        Instant expiry = moveIntoThePast(session.id());

        job.expireDue(Instant.now());
        job.expireDue(Instant.now());

        assertThat(storedEnd(session.id())).isEqualTo(expiry + " expired");
        List<Map<String, Object>> orgEnds = AuditTrail.about(AuditTrail.entries(northwind.asAdmin(),
                Map.of("action", "impersonate.end")), "impersonation", session.id());
        List<Map<String, Object>> platformEnds = AuditTrail.about(AuditTrail.platform(Map.of("action", "impersonate.end")),
                "impersonation", session.id());
        assertThat(orgEnds).hasSize(1);
        assertThat(platformEnds).hasSize(1);
        assertThat(orgEnds.get(0)).containsEntry("actor_name", "system").containsEntry("impersonator_id", (int) staff.id())
                .containsEntry("org_id", (int) northwind.id());
        assertThat((String) orgEnds.get(0).get("details")).contains("\"end_reason\":\"expired\"")
                .contains("\"ended_at\":\"" + expiry + "\"").contains("Expiring with a job");
        Api.as(staff.apiKey()).get("/api/impersonations/" + session.id()).then().statusCode(200)
                .body("status", equalTo("expired")).body("ended_at", equalTo(expiry.toString()));
    }

    @Test
    void runningImpersonationIsLeftAloneByTheJob() throws SQLException {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Still running", 10);

        job.expireDue(Instant.now());

        assertThat(storedEnd(session.id())).isNull();
        Api.as(session.token()).get("/api/users/").then().statusCode(200);
    }

    /** Rewrites the impersonation as started two minutes ago and expired one minute ago; returns the expiry. */
    private Instant moveIntoThePast(long id) throws SQLException {
        Instant expiry = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE tidewatch_control.impersonation SET started_at = ?, expires_at = ? WHERE id = ?")) {
            update.setObject(1, expiry.minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
            update.setObject(2, expiry.atOffset(ZoneOffset.UTC));
            update.setLong(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        return expiry;
    }

    /** The stored end as "ended_at end_reason", or null while none is stored. */
    private String storedEnd(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT ended_at, end_reason FROM tidewatch_control.impersonation WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                OffsetDateTime ended = rs.getObject(1, OffsetDateTime.class);
                return ended == null ? null : ended.toInstant() + " " + rs.getString(2);
            }
        }
    }
}
