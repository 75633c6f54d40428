package io.tidewatch.impersonation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.impersonation.ImpersonationFixtures.Session;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/**
 * {@code /api/impersonations/{id}} belongs to the staff member who started it (and MSSP admins): another staff member,
 * an organization's admin, or another impersonation's token can neither read nor end it, and it stays unchanged.
 */
@QuarkusTest
class ImpersonationCrossStaffTest {

    static Tenant northwind;
    static Tenant contoso;
    static Account owner;
    static Account other;

    @BeforeEach
    void twoStaffMembers() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        owner = ImpersonationFixtures.grantedStaff();
        other = ImpersonationFixtures.grantedStaff();
    }

    @Test
    void staffMemberCannotEndAnothersImpersonation() {
        Session session = ImpersonationFixtures.start(owner.apiKey(), northwind.id(), "Owner's work", null);
        String before = snapshot(session.id());

        Api.as(other.apiKey()).post("/api/impersonations/" + session.id() + "/end").then().statusCode(403)
                .body("message", equalTo("Forbidden"));

        assertThat(snapshot(session.id())).isEqualTo(before);
        Api.as(session.token()).get("/api/users/").then().statusCode(200);
        List<Map<String, Object>> refused = AuditTrail.platform(Map.of("action", "impersonate.end", "actor", other.id()));
        assertThat(AuditTrail.about(refused, "impersonation", session.id())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("outcome", "denied"));
    }

    @Test
    void staffMemberCannotReadAnothersImpersonation() {
        Session session = ImpersonationFixtures.start(owner.apiKey(), northwind.id(), "Private reason", null);

        Api.as(other.apiKey()).get("/api/impersonations/" + session.id()).then().statusCode(403);
    }

    @Test
    void organizationAdminCannotReadOrEndAnImpersonationOfTheirOrganization() {
        Session session = ImpersonationFixtures.start(owner.apiKey(), northwind.id(), "Client cannot end", null);
        String before = snapshot(session.id());

        northwind.asAdmin().get("/api/impersonations/" + session.id()).then().statusCode(403);
        northwind.asAdmin().post("/api/impersonations/" + session.id() + "/end").then().statusCode(403);

        assertThat(snapshot(session.id())).isEqualTo(before);
    }

    @Test
    void tokenCannotEndAnotherImpersonation() {
        Session mine = ImpersonationFixtures.start(owner.apiKey(), northwind.id(), "First", null);
        Session theirs = ImpersonationFixtures.start(other.apiKey(), contoso.id(), "Second", null);
        String before = snapshot(theirs.id());

        Api.as(mine.token()).post("/api/impersonations/" + theirs.id() + "/end").then().statusCode(403);

        assertThat(snapshot(theirs.id())).isEqualTo(before);
    }

    @Test
    void forgedOrAlteredTokensAreRefused() {
        Session session = ImpersonationFixtures.start(owner.apiKey(), northwind.id(), "Forgery check", null);
        String[] parts = session.token().split("\\.");
        String otherPayload = ImpersonationFixtures.start(owner.apiKey(), contoso.id(), "Other", null).token()
                .split("\\.")[1];

        Api.as(parts[0] + "." + otherPayload + "." + parts[2]).get("/api/users/").then().statusCode(401)
                .body("message", equalTo("Invalid API Key"));
        Api.as(parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4)).get("/api/users/").then().statusCode(401);
        Api.as("eyJhbGciOiJub25lIn0." + parts[1] + ".").get("/api/users/").then().statusCode(401);
    }

    @Test
    void apiKeysStillAuthenticateBesideTokens() {
        Api.as(owner.apiKey()).get("/api/impersonations").then().statusCode(200);
        given().queryParam("api_key", owner.apiKey()).get("/api/impersonations").then()
                .statusCode(200);
        given().header("Authorization", owner.apiKey()).get("/api/impersonations").then()
                .statusCode(200);
        Api.as("0".repeat(64)).get("/api/impersonations").then().statusCode(401).body("message", equalTo("Invalid API Key"));
    }

    private static String snapshot(long id) {
        return Api.asAdmin().get("/api/impersonations/" + id).then().statusCode(200).extract().asString();
    }
}
