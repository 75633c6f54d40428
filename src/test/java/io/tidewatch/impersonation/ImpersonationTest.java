package io.tidewatch.impersonation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.impersonation.ImpersonationFixtures.Session;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** The issue's acceptance: an impersonation is audited with both identities from start to end, then its token dies. */
@QuarkusTest
class ImpersonationTest {

    @Inject
    AgroalDataSource dataSource;

    static Tenant northwind;
    static Tenant contoso;
    static Account staff;

    @BeforeEach
    void tenantsAndStaff() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        staff = ImpersonationFixtures.grantedStaff();
    }

    @Test
    void impersonationIsAuditedWithBothIdentitiesAndItsTokenIsRefusedAfterTheEnd() {
        String reason = "Ticket 4711: results page empty for " + Fixtures.unique();
        JsonPath started = Api.as(staff.apiKey())
                .body(Map.of("org_id", northwind.id(), "reason", reason, "minutes", 30))
                .post("/api/impersonations").then().statusCode(201)
                .body("org_id", equalTo((int) northwind.id()))
                .body("reason", equalTo(reason))
                .body("started_at", notNullValue())
                .body("expires_at", notNullValue())
                .body("status", equalTo("active"))
                .body("token", notNullValue())
                .extract().jsonPath();
        long id = started.getLong("id");
        String token = started.getString("token");
        assertThat(Duration.between(Instant.parse(started.getString("started_at")),
                Instant.parse(started.getString("expires_at")))).isEqualTo(Duration.ofMinutes(30));

        long member = Api.as(token)
                .body(Map.of("username", "helpdesk-" + Fixtures.unique() + "@northwind.test", "password", "password123",
                        "role", "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
        Api.as(staff.apiKey()).post("/api/impersonations/" + id + "/end").then().statusCode(200)
                .body("status", equalTo("ended"))
                .body("end_reason", equalTo("ended"))
                .body("ended_at", notNullValue())
                .body("ended_by", equalTo((int) staff.id()));
        Api.as(token).get("/api/users/").then().statusCode(401).body("message", equalTo("Invalid API Key"))
                .body("success", is(false));

        List<Map<String, Object>> log = AuditTrail.entries(northwind.asAdmin(), Map.of());
        Map<String, Object> start = AuditTrail.single(log, "impersonate.start", "impersonation", id);
        Map<String, Object> change = AuditTrail.single(log, "member.add", "account", member);
        Map<String, Object> end = AuditTrail.single(log, "impersonate.end", "impersonation", id);
        assertThat(List.of(start.get("id"), change.get("id"), end.get("id")))
                .as("start, change and end in order").isSortedAccordingTo((a, b) -> Long.compare(
                        ((Number) a).longValue(), ((Number) b).longValue()));
        assertThat(start).containsEntry("actor_name", staff.username()).containsEntry("impersonator_name", staff.username())
                .containsEntry("org_id", (int) northwind.id());
        assertThat((String) start.get("details")).contains(reason).contains("\"started_at\"").contains("\"expires_at\"");
        assertThat(change).containsEntry("actor_id", null)
                .containsEntry("actor_name", "impersonation #" + id + " (org " + northwind.id() + ")")
                .containsEntry("impersonator_id", (int) staff.id())
                .containsEntry("impersonator_name", staff.username());
        assertThat(end).containsEntry("actor_name", staff.username()).containsEntry("impersonator_name", staff.username());
        assertThat((String) end.get("details")).contains(reason).contains("\"ended_at\"").contains("\"end_reason\":\"ended\"");

        List<Map<String, Object>> platform = AuditTrail.platform(Map.of("action", "impersonate"));
        assertThat(AuditTrail.about(platform, "impersonation", id)).extracting(e -> e.get("action"))
                .containsExactly("impersonate.end", "impersonate.start");
        Map<String, Object> account = AuditTrail.single(AuditTrail.platform(Map.of("action", "account.create")),
                "account.create", "account", member);
        assertThat(account).containsEntry("impersonator_id", (int) staff.id());
    }

    @Test
    void aMembersPasswordResetThroughAnImpersonationIsInTheOrganizationsOwnLog() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Reset " + Fixtures.unique(), 10);
        long member = northwind.asAdmin()
                .body(Map.of("username", "reset-" + Fixtures.unique() + "@northwind.test", "password", "password123",
                        "role", "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");

        Api.as(session.token()).body(Map.of("password", "a-new-password-1")).put("/api/users/" + member).then()
                .statusCode(200);

        Map<String, Object> entry = AuditTrail.single(
                AuditTrail.entries(northwind.asAdmin(), Map.of("action", "member.update")), "member.update", "account",
                member);
        assertThat(entry).containsEntry("impersonator_id", (int) staff.id())
                .containsEntry("org_id", (int) northwind.id()).containsEntry("details", "changed=password");
    }

    @Test
    void endsAnImpersonationAfterThePoolHasRenewedEveryConnection() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Pool renewal " + Fixtures.unique(),
                null);
        // Connections that created the schema are retired, as an idle pool does over time.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        Api.as(staff.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(200)
                .body("status", equalTo("ended"));
    }

    @Test
    void organizationAdminsSeeImpersonationsOfTheirOwnOrganizationOnly() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Onboarding help", null);

        List<Map<String, Object>> northwindView = AuditTrail.entries(northwind.asAdmin(), Map.of("action", "impersonate"));
        List<Map<String, Object>> contosoView = AuditTrail.entries(contoso.asAdmin(), Map.of("action", "impersonate"));

        assertThat(AuditTrail.about(northwindView, "impersonation", session.id())).hasSize(1);
        assertThat(northwindView).allSatisfy(e -> assertThat(e.get("action").toString()).startsWith("impersonate."));
        assertThat(AuditTrail.about(contosoView, "impersonation", session.id())).isEmpty();
        assertThat(contosoView).allSatisfy(e -> assertThat(e.get("org_id")).isEqualTo((int) contoso.id()));
    }

    @Test
    void tokenActsAsAdminOfItsOrganizationAndNowhereElse() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Check branding", 5);

        Api.as(session.token()).get("/api/users/").then().statusCode(200);
        Api.as(session.token()).queryParam("api_key", session.token()).get("/api/audit").then().statusCode(200);
        Api.as(session.token(), contoso.id()).get("/api/users/").then().statusCode(403);
        Api.as(session.token()).queryParam("org_id", contoso.id()).get("/api/audit").then().statusCode(403);
        Api.as(session.token()).get("/api/accounts").then().statusCode(403);
        Api.as(session.token()).queryParam("scope", "platform").get("/api/audit").then().statusCode(403);
        Api.as(session.token()).body(Map.of("org_id", contoso.id(), "reason", "chain"))
                .post("/api/impersonations").then().statusCode(403);
        Api.as(session.token()).get("/api/impersonations").then().statusCode(403);
    }

    @Test
    void tokenCanEndItsOwnImpersonation() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Short look", 5);

        Api.as(session.token()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(200)
                .body("status", equalTo("ended"));
        Api.as(session.token()).get("/api/users/").then().statusCode(401);
    }

    @Test
    void deletingTheOrganizationEndsItsImpersonationsInThePlatformLog() {
        Tenant doomed = Fixtures.tenant("Doomed " + Fixtures.unique(), 5);
        Session session = ImpersonationFixtures.start(staff.apiKey(), doomed.id(), "Last look before deletion", 60);
        Session elsewhere = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Unrelated", 60);

        Api.asAdmin().delete("/api/organizations/" + doomed.id()).then().statusCode(200);

        Api.as(staff.apiKey()).get("/api/impersonations/" + session.id()).then().statusCode(200)
                .body("status", equalTo("org_deleted")).body("end_reason", equalTo("org_deleted"))
                .body("ended_at", notNullValue()).body("ended_by", nullValue());
        Api.as(staff.apiKey()).get("/api/impersonations/" + elsewhere.id()).then().statusCode(200)
                .body("status", equalTo("active"));
        Api.as(staff.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(409);
        Map<String, Object> end = AuditTrail.single(AuditTrail.platform(Map.of("action", "impersonate.end")),
                "impersonate.end", "impersonation", session.id());
        assertThat(String.valueOf(end.get("details"))).contains("org_deleted");
    }

    @Test
    void endingTwiceIsAConflict() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Twice", null);
        Api.as(staff.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(200);

        Api.as(staff.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(409)
                .body("message", equalTo("Impersonation already ended")).body("success", is(false))
                .body("data", nullValue());
        List<Map<String, Object>> ends = AuditTrail.about(AuditTrail.entries(northwind.asAdmin(),
                Map.of("action", "impersonate.end")), "impersonation", session.id());
        assertThat(ends).hasSize(1);
    }

    @Test
    void msspAdminEndsAStaffMembersImpersonationAndSeesThemAll() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Admin will end this", null);

        Api.asAdmin().get("/api/impersonations").then().statusCode(200)
                .body("find { it.id == " + session.id() + " }.staff_username", equalTo(staff.username()));
        Api.asAdmin().post("/api/impersonations/" + session.id() + "/end").then().statusCode(200)
                .body("ended_by", notNullValue());

        Map<String, Object> end = AuditTrail.single(AuditTrail.entries(northwind.asAdmin(),
                Map.of("action", "impersonate.end")), "impersonate.end", "impersonation", session.id());
        assertThat(end).containsEntry("actor_name", "admin").containsEntry("impersonator_name", staff.username());
    }

    @Test
    void staffListsOnlyTheirOwnImpersonations() {
        Account other = ImpersonationFixtures.grantedStaff();
        Session mine = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Mine", null);
        Session theirs = ImpersonationFixtures.start(other.apiKey(), northwind.id(), "Theirs", null);

        List<Integer> listed = Api.as(staff.apiKey()).get("/api/impersonations").then().statusCode(200)
                .extract().jsonPath().getList("id");
        Api.as(staff.apiKey()).get("/api/impersonations/" + mine.id()).then().statusCode(200)
                .body("reason", equalTo("Mine")).body("token", nullValue());

        assertThat(listed).contains((int) mine.id()).doesNotContain((int) theirs.id());
    }

    @Test
    void onlyMsspAdminsAndGrantedStaffMayImpersonate() {
        Account ungranted = ImpersonationFixtures.ungrantedStaff();
        Map<String, Object> body = Map.of("org_id", northwind.id(), "reason", "Not allowed");

        Api.as(ungranted.apiKey()).body(body).post("/api/impersonations").then().statusCode(403)
                .body("message", equalTo("Forbidden"));
        Api.as(northwind.adminKey()).body(body).post("/api/impersonations").then().statusCode(403);
        Api.as(northwind.adminKey()).get("/api/impersonations").then().statusCode(403);
        Api.asAdmin().body(body).post("/api/impersonations").then().statusCode(201);

        List<Map<String, Object>> refusals = AuditTrail.platform(Map.of("action", "impersonate.start",
                "actor", ungranted.id()));
        assertThat(refusals).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "denied")
                .containsEntry("org_id", (int) northwind.id()));
    }

    @Test
    void rejectsBadInputAndRecordsNothing() {
        String marker = "rejected-" + Fixtures.unique();

        expect400(Map.of("org_id", northwind.id()), "reason: is required");
        expect400(Map.of("org_id", northwind.id(), "reason", "   "), "reason: is required");
        expect400(Map.of("org_id", northwind.id(), "reason", marker + "x".repeat(1000)),
                "reason: must be at most 1000 characters");
        expect400(Map.of("org_id", northwind.id(), "reason", marker, "minutes", 481), "minutes: must be from 1 to 480");
        expect400(Map.of("org_id", northwind.id(), "reason", marker, "minutes", 0), "minutes: must be from 1 to 480");
        expect400(Map.of("reason", marker), "org_id: is required");
        Api.as(staff.apiKey()).body("{\"org_id\": 1, \"reason\": ").post("/api/impersonations").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure"));
        Api.as(staff.apiKey()).body(Map.of("org_id", 987_654_321L, "reason", marker)).post("/api/impersonations")
                .then().statusCode(404).body("message", equalTo("Organization not found"));

        List<String> reasons = Api.as(staff.apiKey()).get("/api/impersonations").then().statusCode(200)
                .extract().jsonPath().getList("reason");
        assertThat(reasons).noneMatch(r -> r.startsWith(marker));
        assertThat(AuditTrail.platform(Map.of("action", "impersonate.start")))
                .noneMatch(e -> String.valueOf(e.get("details")).contains(marker));
    }

    @Test
    void unknownImpersonationIsNotFound() {
        Api.as(staff.apiKey()).get("/api/impersonations/987654321").then().statusCode(404)
                .body("message", equalTo("Impersonation not found"));
        Api.as(staff.apiKey()).post("/api/impersonations/987654321/end").then().statusCode(404);
    }

    private static void expect400(Map<String, Object> body, String message) {
        Api.as(staff.apiKey()).body(body).post("/api/impersonations").then().statusCode(400)
                .body("message", equalTo(message)).body("success", is(false));
    }
}
