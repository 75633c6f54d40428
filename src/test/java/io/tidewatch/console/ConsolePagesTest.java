package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/**
 * The console's pages without a browser: where people land, the fleet view, the organization form, tenant isolation,
 * CSRF, and that refusals come back as pages with the typed values kept.
 */
@QuarkusTest
class ConsolePagesTest {

    static Tenant northwind;
    static Tenant contoso;

    @BeforeEach
    void tenants() {
        if (northwind == null) {
            northwind = Fixtures.northwind();
            contoso = Fixtures.contoso();
        }
    }

    static ConsoleSession clientAdmin(Tenant tenant) {
        String username = Api.asAdmin().get("/api/accounts/" + tenant.adminUserId()).then().extract().path("username");
        return ConsoleSession.signIn(tenant.host(), username, ConsoleSession.PASSWORD);
    }

    @Test
    void aLearnerSignsInToARefusalNotToTheOrganizationsPages() {
        Account learner = Fixtures.clientAccount("console-learner-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(northwind.id(), learner.id(), "learner");
        ConsoleSession session = ConsoleSession.signIn(northwind.host(), learner.username(), ConsoleSession.PASSWORD);

        Response home = session.get("/console");
        assertThat(home.statusCode()).isEqualTo(403);
        assertThat(home.body().asString()).contains("Your role does not allow this").doesNotContain("/console/orgs/");
        assertThat(session.get("/console/orgs/" + northwind.id() + "/campaigns").statusCode()).isEqualTo(403);
    }

    @Test
    void theRootAndTheConsoleSendTheMsspAdminToTheFleetView() {
        ConsoleSession admin = ConsoleSession.admin();
        assertThat(admin.get("/").header("Location")).isEqualTo("/console");
        assertThat(admin.get("/console").header("Location")).isEqualTo("/console/fleet");
        Response fleet = admin.get("/console/fleet");
        assertThat(fleet.statusCode()).isEqualTo(200);
        assertThat(fleet.asString()).contains("<h1>Fleet</h1>").contains("Northwind Trading").contains(northwind.host())
                .contains("No campaigns yet").contains("Signed in as <strong>admin</strong>")
                .contains("href=\"#main\"");
    }

    @Test
    void aClientAdminLandsOnItsOrganizationsDashboardInItsBrand() {
        ConsoleSession alice = clientAdmin(northwind);
        assertThat(alice.get("/console").header("Location")).isEqualTo("/console/orgs/" + northwind.id());
        Response dashboard = alice.get("/console/orgs/" + northwind.id());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString()).contains("<title>Northwind Trading · Northwind Trading</title>")
                .contains("/api/branding/logo/view?org=" + northwind.slug()).contains("Seats used")
                .contains("<span style=\"width: 0%\"></span>");
        assertThat(dashboard.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(dashboard.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void anotherOrganizationsPagesAreRefused() {
        ConsoleSession alice = clientAdmin(northwind);
        for (String path : new String[] { "", "/members", "/branding", "/audit", "/audit.csv" }) {
            Response refused = alice.get("/console/orgs/" + contoso.id() + path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.asString()).as(path).doesNotContain("Contoso");
        }
        assertThat(alice.get("/console/fleet").statusCode()).isEqualTo(403);
        assertThat(alice.get("/console/organizations/new").statusCode()).isEqualTo(403);
    }

    @Test
    void anotherOrganizationsFormsAreRefusedAndChangeNothing() {
        ConsoleSession alice = clientAdmin(northwind);
        String token = ConsoleSessionTokens.token(alice, northwind);
        String base = "/console/orgs/" + contoso.id();
        long contosoAdmin = contoso.adminUserId();
        Map<String, Map<String, String>> posts = Map.of(
                base + "/members", Map.of("username", "intruder-" + Fixtures.unique() + "@x.test", "role", "admin"),
                base + "/members/" + contosoAdmin + "/role", Map.of("role", "viewer"),
                base + "/members/" + contosoAdmin + "/remove", Map.of(),
                base + "/branding", Map.of("primary_color", "#000000", "secondary_color", "#000000"),
                base + "/branding/logo/remove", Map.of());
        for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
            assertThat(alice.postWithToken(post.getKey(), token, post.getValue()).statusCode()).as(post.getKey())
                    .isEqualTo(403);
        }
        assertThat(contoso.asAdmin().get("/api/users/").then().extract().jsonPath().getList("username")).hasSize(2);
        assertThat(contoso.asAdmin().get("/api/branding").then().extract().jsonPath().getString("primary_color"))
                .isNotEqualTo("#000000");
    }

    @Test
    void theSwitcherListsTheOrganizationsOfAMultiOrganizationMember() {
        Fixtures.Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(northwind.id(), staff.id(), "operator");
        Fixtures.member(contoso.id(), staff.id(), "viewer");
        ConsoleSession session = ConsoleSession.signIn("sat.example-mssp.test", staff.username(), ConsoleSession.PASSWORD);
        Response page = session.get("/console/orgs/" + contoso.id());
        assertThat(page.asString()).contains("id=\"org-switch\"")
                .contains("<option value=\"" + northwind.id() + "\">Northwind Trading</option>")
                .contains("<option value=\"" + contoso.id() + "\" selected>Contoso</option>");
        assertThat(session.get("/console/switch?org=" + northwind.id()).header("Location"))
                .isEqualTo("/console/orgs/" + northwind.id());
        Response fleet = session.get("/console/fleet");
        assertThat(fleet.statusCode()).as("staff see the organizations they belong to").isEqualTo(200);
        assertThat(fleet.asString()).contains("Northwind Trading").doesNotContain("/edit\"");
    }

    @Test
    void pagesWithoutASessionGoToTheLoginPage() {
        Response page = io.tidewatch.testing.Browser.at(northwind.host()).get("/console/orgs/" + northwind.id() + "/members");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/login?next=%2Fconsole%2Forgs%2F" + northwind.id() + "%2Fmembers");
    }

    @Test
    void createsAnOrganizationAndBecomesItsAdmin() {
        ConsoleSession admin = ConsoleSession.admin();
        String slug = "fabrikam-" + Fixtures.unique();
        Response created = admin.post("/console/organizations/new", "/console/organizations", Map.of("name", "Fabrikam",
                "slug", slug, "host", slug + ".sat.example-mssp.test", "seat_cap", "25", "support_url",
                "https://help.fabrikam.example.com"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).matches("/console/orgs/[0-9]+\\?done=created");
        Response dashboard = admin.get(created.header("Location"));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString()).contains("<h1>Fabrikam</h1>").contains("The organization is ready");
    }

    @Test
    void aRefusedOrganizationFormKeepsWhatWasTypedAndNamesTheField() {
        ConsoleSession admin = ConsoleSession.admin();
        Response refused = admin.post("/console/organizations/new", "/console/organizations", Map.of("name",
                "Tailspin Toys", "slug", "Not A Slug", "host", "", "seat_cap", "40", "support_url", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("value=\"Tailspin Toys\"").contains("value=\"Not A Slug\"")
                .contains("value=\"40\"").contains("id=\"slug-error\"")
                .contains("Must be lower-case letters, digits and single dashes");

        Response duplicate = admin.post("/console/organizations/new", "/console/organizations", Map.of("name",
                "Copycat", "slug", northwind.slug(), "seat_cap", "4"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.asString()).contains("id=\"slug-error\"").contains("value=\"Copycat\"");
    }

    @Test
    void refusesAFormPostWithoutTheCsrfToken() {
        ConsoleSession admin = ConsoleSession.admin();
        String slug = "csrf-" + Fixtures.unique();
        Response forged = admin.postWithToken("/console/organizations", null, Map.of("name", "Forged", "slug", slug,
                "seat_cap", "3"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("This form had expired");
        assertThat(Api.asAdmin().get("/api/organizations/").then().extract().jsonPath().getList("slug"))
                .doesNotContain(slug);
    }

    @Test
    void editsAnOrganization() {
        Tenant tailspin = Fixtures.tenant("Tailspin", 10);
        ConsoleSession admin = ConsoleSession.admin();
        String edit = "/console/organizations/" + tailspin.id() + "/edit";
        assertThat(admin.get(edit).asString()).contains("value=\"" + tailspin.slug() + "\"");
        Response saved = admin.post(edit, "/console/organizations/" + tailspin.id(), Map.of("name", "Tailspin Toys",
                "slug", tailspin.slug(), "host", tailspin.host(), "seat_cap", "12", "support_url", ""));
        assertThat(saved.header("Location")).isEqualTo("/console/fleet?done=saved");
        assertThat(Api.asAdmin().get("/api/organizations/" + tailspin.id()).then().extract().jsonPath().getInt("seat_cap"))
                .isEqualTo(12);
    }
}
