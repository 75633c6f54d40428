package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Impersonation in the console: the start needs a reason, the console then acts in that organization only, as its
 * admin, with the banner; every change is recorded with both identities; the End button or the expiry ends it.
 */
@QuarkusTest
class ConsoleImpersonationTest {

    static Response start(ConsoleSession staff, Tenant tenant, String reason) {
        String form = "/console/organizations/" + tenant.id() + "/impersonate";
        return staff.post(form, form, Map.of("reason", reason, "minutes", "30"));
    }

    @Test
    void startsWithAReasonAndActsInThatOrganizationOnly() {
        Tenant northwind = Fixtures.northwind();
        Tenant contoso = Fixtures.contoso();
        ConsoleSession admin = ConsoleSession.admin();
        Response started = start(admin, northwind, "Ticket 1234");
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.header("Location")).isEqualTo("/console/orgs/" + northwind.id());
        assertThat(admin.impersonationCookie()).isNotBlank();
        var cookie = started.detailedCookie("tidewatch_impersonation");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/console");
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");

        Response dashboard = admin.get("/console/orgs/" + northwind.id());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString()).contains("You are impersonating Northwind Trading").contains("Ticket 1234")
                .contains("30 minutes left");
        assertThat(admin.get("/console/orgs/" + contoso.id()).statusCode()).as("another organization").isEqualTo(403);
        assertThat(admin.get("/console/fleet").statusCode()).as("the MSSP pages").isEqualTo(403);
        assertThat(admin.get("/console").header("Location")).isEqualTo("/console/orgs/" + northwind.id());
    }

    @Test
    void refusesAStartWithoutAReasonAndKeepsTheForm() {
        Tenant northwind = Fixtures.northwind();
        ConsoleSession admin = ConsoleSession.admin();
        Response refused = start(admin, northwind, "  ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"reason-error\"").contains("Is required");
        assertThat(admin.impersonationCookie()).isNull();
    }

    @Test
    void refusesADurationTheFormDoesNotOfferAndStartsNothing() {
        Tenant northwind = Fixtures.northwind();
        ConsoleSession admin = ConsoleSession.admin();
        String form = "/console/organizations/" + northwind.id() + "/impersonate";
        int before = Api.asAdmin().get("/api/impersonations").then().statusCode(200).extract().jsonPath()
                .getList("$").size();

        for (String minutes : new String[] { "9999", "abc", "0", "-15" }) {
            Response refused = admin.post(form, form, Map.of("reason", "Ticket 77", "minutes", minutes));
            assertThat(refused.statusCode()).as("minutes=%s", minutes).isEqualTo(400);
            assertThat(refused.asString()).contains("id=\"minutes-error\"").contains("Ticket 77");
        }

        assertThat(admin.impersonationCookie()).isNull();
        assertThat(Api.asAdmin().get("/api/impersonations").then().statusCode(200).extract().jsonPath().getList("$"))
                .hasSize(before);
    }

    @Test
    void signingOutEndsTheImpersonationToo() {
        Tenant northwind = Fixtures.northwind();
        String username = "signout-" + Fixtures.unique() + "@mssp.test";
        Api.asAdmin().body(Map.of("username", username, "password", ConsoleSession.PASSWORD, "platform_role",
                "mssp_staff", "can_impersonate", true)).post("/api/accounts").then().statusCode(201);
        ConsoleSession staff = ConsoleSession.signIn("sat.example-mssp.test", username, ConsoleSession.PASSWORD);
        assertThat(start(staff, northwind, "Ticket 5150").statusCode()).isEqualTo(303);
        String token = staff.impersonationCookie();
        Api.as(token).get("/api/users/").then().statusCode(200);

        Response out = staff.post("/console/orgs/" + northwind.id(), "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        Api.as(token).get("/api/users/").then().statusCode(401);
        Response again = ConsoleSession.signIn("sat.example-mssp.test", username, ConsoleSession.PASSWORD)
                .get("/console/orgs/" + northwind.id());
        assertThat(again.asString()).doesNotContain("You are impersonating");
    }

    @Test
    void changesWhileImpersonatingAreRecordedWithBothIdentitiesAndTheEndClearsTheCookie() {
        Tenant northwind = Fixtures.northwind();
        ConsoleSession admin = ConsoleSession.admin();
        start(admin, northwind, "Set up the branding for the client");
        String branding = "/console/orgs/" + northwind.id() + "/branding";
        Response saved = admin.post(branding, branding, Map.of("primary_color", "#123456", "secondary_color", "#0F766E",
                "from_name", "", "support_email", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        var entry = northwind.asAdmin().queryParam("action", "branding.update").get("/api/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(entry.getString("entries[0].actor_name")).startsWith("impersonation #");
        assertThat(entry.getString("entries[0].impersonator_name")).isEqualTo("admin");

        Response ended = admin.post(branding, "/console/impersonation/end", Map.of());
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.header("Location")).isEqualTo("/console/fleet");
        assertThat(admin.impersonationCookie()).isNull();
        assertThat(northwind.asAdmin().queryParam("action", "impersonate.end").get("/api/audit").then().extract()
                .jsonPath().getList("entries")).hasSize(1);
    }

    @Test
    void anEndedImpersonationNoLongerCounts() {
        Tenant northwind = Fixtures.northwind();
        ConsoleSession admin = ConsoleSession.admin();
        start(admin, northwind, "Check the seat count");
        String token = admin.impersonationCookie();
        long id = Api.asAdmin().get("/api/impersonations").then().extract().jsonPath()
                .getLong("find { it.org_id == " + northwind.id() + " && it.status == 'active' }.id");
        Api.asAdmin().post("/api/impersonations/" + id + "/end").then().statusCode(200);
        Response page = admin.get("/console/orgs/" + northwind.id());
        assertThat(page.statusCode()).as("the MSSP admin created the organization and is its member").isEqualTo(200);
        assertThat(page.asString()).doesNotContain("You are impersonating").contains("Your impersonation has ended");
        assertThat(page.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("tidewatch_impersonation=;"));
        assertThat(token).isNotBlank();
    }

    @Test
    void clientsCannotImpersonate() {
        Tenant northwind = Fixtures.northwind();
        String username = Api.asAdmin().get("/api/accounts/" + northwind.adminUserId()).then().extract().path("username");
        ConsoleSession alice = ConsoleSession.signIn(northwind.host(), username, ConsoleSession.PASSWORD);
        assertThat(alice.get("/console/organizations/" + northwind.id() + "/impersonate").statusCode()).isEqualTo(403);
    }
}
