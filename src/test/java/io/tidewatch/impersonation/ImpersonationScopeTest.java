package io.tidewatch.impersonation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.impersonation.ImpersonationFixtures.Session;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.CrossTenant.Probe;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/**
 * An impersonation token is its organization's admin and nothing more: the MSSP admin or staff member behind it keeps
 * none of their own rights or memberships, on every {@code /api/organizations*} and {@code /api/users*} endpoint.
 */
@QuarkusTest
class ImpersonationScopeTest {

    static Tenant northwind;
    static Tenant contoso;
    static long contosoClient;
    static Account staff;

    @BeforeEach
    void tenantsAndStaff() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        contosoClient = contoso.asAdmin()
                .body(Map.of("username", "eve-" + Fixtures.unique() + "@contoso.test", "password", "password123", "role",
                        "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
        staff = ImpersonationFixtures.grantedStaff();
    }

    /** The MSSP admin, who created (and so is an admin member of) both organizations, impersonating Northwind. */
    private static Session msspAdminInNorthwind() {
        return ImpersonationFixtures.start(Api.ADMIN_KEY, northwind.id(), "Ticket " + Fixtures.unique(), 10);
    }

    /** Northwind as seen through the token: {@link CrossTenant} probes send it with Northwind's id. */
    private static Tenant acting(Session session) {
        return new Tenant(northwind.id(), northwind.slug(), northwind.host(), northwind.adminUserId(), session.token());
    }

    private static String contosoMembers() {
        return Api.asAdmin().get("/api/organizations/" + contoso.id() + "/members").then().statusCode(200).extract()
                .asString();
    }

    @Test
    void anMsspAdminsTokenListsOnlyTheImpersonatedOrganization() {
        Session session = msspAdminInNorthwind();

        List<Long> ids = Api.as(session.token()).get("/api/organizations/").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);

        assertThat(ids).containsExactly(northwind.id());
    }

    @Test
    void aStaffTokenListsAndReadsTheImpersonatedOrganizationItIsNoMemberOf() {
        Session session = ImpersonationFixtures.start(staff.apiKey(), northwind.id(), "Onboarding", 10);

        List<Long> ids = Api.as(session.token()).get("/api/organizations/").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);

        assertThat(ids).containsExactly(northwind.id());
        Api.as(session.token()).get("/api/organizations/" + northwind.id()).then().statusCode(200)
                .body("id", equalTo((int) northwind.id()));
        Api.as(session.token()).get("/api/organizations/" + northwind.id() + "/members").then().statusCode(200);
        Api.as(session.token()).get("/api/organizations/" + contoso.id()).then().statusCode(403);
    }

    @Test
    void anMsspAdminsTokenCannotReadAnotherOrganization() {
        Session session = msspAdminInNorthwind();

        Api.as(session.token()).get("/api/organizations/" + northwind.id()).then().statusCode(200);
        Api.as(session.token()).get("/api/organizations/" + contoso.id()).then().statusCode(403);
        Api.as(session.token()).get("/api/organizations/" + contoso.id() + "/members").then().statusCode(403);
    }

    @Test
    void anMsspAdminsTokenCannotChangeAnotherOrganizationsMembers() {
        Session session = msspAdminInNorthwind();
        String before = contosoMembers();

        Api.as(session.token()).body(Map.of("role", "admin", "active", false))
                .put("/api/organizations/" + contoso.id() + "/members/" + contosoClient).then().statusCode(403);
        Api.as(session.token()).delete("/api/organizations/" + contoso.id() + "/members/" + contosoClient).then()
                .statusCode(403);
        Account loose = Fixtures.clientAccount("loose-" + Fixtures.unique() + "@contoso.test");
        Api.as(session.token()).body(Map.of("user_id", loose.id(), "role", "admin"))
                .post("/api/organizations/" + contoso.id() + "/members").then().statusCode(403);

        assertThat(contosoMembers()).isEqualTo(before);
    }

    @Test
    void anMsspAdminsTokenCannotUseThePlatformsOrganizationEndpoints() {
        Session session = msspAdminInNorthwind();
        String slug = "spawned-" + Fixtures.unique();

        Api.as(session.token()).body(Map.of("name", "Spawned", "slug", slug, "seat_cap", 1, "host", slug + ".test"))
                .post("/api/organizations/").then().statusCode(403);
        Api.as(session.token()).body(Map.of("name", "Renamed", "slug", "renamed-" + Fixtures.unique(), "seat_cap", 1,
                "host", "renamed-" + Fixtures.unique() + ".test"))
                .put("/api/organizations/" + northwind.id()).then().statusCode(403);
        Api.as(session.token()).delete("/api/organizations/" + contoso.id()).then().statusCode(403);
        Api.as(session.token()).delete("/api/organizations/" + northwind.id()).then().statusCode(403);
        Api.as(session.token()).accept("application/zip").get("/api/organizations/exports/1").then().statusCode(403);

        Api.asAdmin().get("/api/organizations/" + contoso.id()).then().statusCode(200);
        Api.asAdmin().get("/api/organizations/" + northwind.id()).then().statusCode(200).body("name",
                equalTo("Northwind Trading"));
    }

    @Test
    void anMsspAdminsTokenCannotChooseAnotherOrganizationForGophishUsers() {
        Session session = msspAdminInNorthwind();
        String before = contosoMembers();

        Api.as(session.token(), contoso.id()).get("/api/users/").then().statusCode(403);
        Api.as(session.token(), contoso.id()).get("/api/users/" + contosoClient).then().statusCode(403);
        Api.as(session.token(), contoso.id())
                .body(Map.of("username", "mallory-" + Fixtures.unique() + "@evil.test", "password", "password123",
                        "role", "admin"))
                .post("/api/users/").then().statusCode(403);
        Api.as(session.token(), contoso.id()).body(Map.of("role", "admin"))
                .put("/api/users/" + contosoClient).then().statusCode(403);
        Api.as(session.token(), contoso.id()).delete("/api/users/" + contosoClient).then().statusCode(403);
        Api.as(session.token()).queryParam("org_id", contoso.id()).get("/api/users/").then().statusCode(403);

        assertThat(contosoMembers()).isEqualTo(before);
    }

    @Test
    void anMsspAdminsTokenReadingAnotherOrganizationsUserIsNotFound() {
        Tenant acting = acting(msspAdminInNorthwind());
        CrossTenant.assertIsolated(acting, contoso, contosoClient,
                Probe.of("GET", "/api/users/{id}", null, contoso, contosoClient));
    }

    @Test
    void anMsspAdminsTokenChangingAnotherOrganizationsUserIsNotFound() {
        Tenant acting = acting(msspAdminInNorthwind());
        CrossTenant.assertIsolated(acting, contoso, contosoClient, Probe.of("PUT", "/api/users/{id}",
                Map.of("username", "mallory@evil.test", "role", "admin"), contoso, contosoClient));
    }

    @Test
    void anMsspAdminsTokenDeletingAnotherOrganizationsUserIsNotFound() {
        Tenant acting = acting(msspAdminInNorthwind());
        CrossTenant.assertIsolated(acting, contoso, contosoClient,
                Probe.of("DELETE", "/api/users/{id}", null, contoso, contosoClient));
    }

    @Test
    void anMsspAdminsTokenCannotChangeOrDeleteTheAdminsOwnPlatformAccount() {
        Session session = msspAdminInNorthwind();
        long self = Api.as(session.token()).get("/api/users/").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.username == '" + ConsoleSession.ADMIN + "' }.id");

        Api.as(session.token()).body(Map.of("username", ConsoleSession.ADMIN, "password", "Takeover-12345", "role",
                "admin")).put("/api/users/" + self).then().statusCode(403);
        Api.as(session.token()).delete("/api/users/" + self).then().statusCode(403);

        ConsoleSession.admin();
        Api.asAdmin().get("/api/users/" + self).then().statusCode(200);
    }

    @Test
    void anMsspAdminsTokenStillActsAsAdminOfItsOwnOrganization() {
        Session session = msspAdminInNorthwind();

        Api.as(session.token()).get("/api/users/").then().statusCode(200);
        Api.as(session.token()).get("/api/users/" + northwind.adminUserId()).then().statusCode(200);
        Api.as(session.token()).get("/api/organizations/" + northwind.id() + "/members").then().statusCode(200);
    }
}
