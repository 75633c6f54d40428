package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Campaigns in the console: the list and the dashboard with their funnel, the new-campaign form launching through the
 * campaign service, the live results region, completion and deletion after confirmation, the CSV; viewers read,
 * operators and admins change; another organization's campaign is not found; every form needs its CSRF token.
 */
@QuarkusTest
class ConsoleCampaignsTest {

    /** A launch date far enough ahead that nothing is sent while a test runs. */
    static final String LATER = "2099-06-01T09:30";

    /** A tenant's ids of what a campaign is built from, made through the API. */
    record Materials(Tenant tenant, long template, long page, long profile, long group, List<String> emails) {

        /** The new-campaign form's fields, choosing everything. */
        Map<String, String> form(String name, String launchDate) {
            Map<String, String> fields = new HashMap<>();
            fields.put("name", name);
            fields.put("template", Long.toString(template));
            fields.put("page", Long.toString(page));
            fields.put("profile", Long.toString(profile));
            fields.put("groups", Long.toString(group));
            fields.put("url", "http://127.0.0.1:9/");
            fields.put("launch_date", launchDate);
            fields.put("send_by_date", "");
            return fields;
        }

        /** Launches a campaign through the API and returns its id. */
        long launch(String name, String launchDate) {
            Map<String, Object> body = Map.of("name", name, "template", Map.of("id", template), "page", Map.of("id", page),
                    "smtp", Map.of("id", profile), "groups", List.of(Map.of("id", group)), "url", "http://127.0.0.1:9/",
                    "launch_date", launchDate);
            return tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
        }

        /** The campaign as the API shows it (status code and body). */
        Response api(long id) {
            return tenant.asAdmin().get("/api/campaigns/" + id);
        }
    }

    /** A template, landing page, sending profile to {@code smtpHost} and a group of {@code recipients} people. */
    static Materials materials(Tenant tenant, String smtpHost, int recipients) {
        String suffix = Fixtures.unique();
        long template = tenant.asAdmin().body(Map.of("name", "Password expiry " + suffix, "subject",
                "Your password expires, {{.FirstName}}", "text", "Keep it: {{.URL}}", "html",
                "<p>Hello {{.FirstName}}, <a href=\"{{.URL}}\">keep your password</a>.</p>{{.Tracker}}"))
                .post("/api/templates/").then().statusCode(201).extract().jsonPath().getLong("id");
        long page = tenant.asAdmin().body(Map.of("name", "Sign-in " + suffix, "html",
                "<html><body><form method=\"post\"><input name=\"username\"><button>Go</button></form></body></html>",
                "capture_credentials", true)).post("/api/pages/").then().statusCode(201).extract().jsonPath().getLong("id");
        long profile = tenant.asAdmin().body(Map.of("name", "Relay " + suffix, "interface_type", "SMTP", "host", smtpHost,
                "from_address", "it@relay.example.test")).post("/api/smtp/").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        List<String> emails = new java.util.ArrayList<>();
        List<Map<String, String>> targets = new java.util.ArrayList<>();
        for (int i = 1; i <= recipients; i++) {
            String email = "person" + i + "-" + suffix + "@staff.example.test";
            emails.add(email);
            targets.add(Map.of("email", email, "first_name", "Person" + i, "last_name", "Tester", "position", "Clerk"));
        }
        long group = tenant.asAdmin().body(Map.of("name", "Staff " + suffix, "targets", targets)).post("/api/groups/")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return new Materials(tenant, template, page, profile, group, emails);
    }

    static String campaigns(Tenant tenant) {
        return "/console/orgs/" + tenant.id() + "/campaigns";
    }

    static ConsoleSession member(Tenant tenant, String role) {
        Fixtures.Account account = Fixtures.clientAccount(role + "-" + Fixtures.unique() + "@campaigns.test");
        Fixtures.member(tenant.id(), account.id(), role);
        return ConsoleSession.signIn(tenant.host(), account.username(), ConsoleSession.PASSWORD);
    }

    @Test
    void anAdminLaunchesACampaignFromTheFormThroughTheCampaignServiceAndItIsAudited() {
        Tenant tenant = Fixtures.tenant("Launch Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 3);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        Response form = admin.get(campaigns(tenant) + "/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.asString()).contains("<label for=\"groups\">").contains("type=\"datetime-local\"")
                .contains("Staff ").contains("(3 recipients)");

        Map<String, String> fields = m.form("Spring phishing test", LATER);
        fields.put("send_by_date", "2099-06-01T17:00");
        Response launched = admin.post(campaigns(tenant) + "/new", campaigns(tenant), fields);
        assertThat(launched.statusCode()).as(ConsolePhishingPagesTest.errorsOf(launched)).isEqualTo(303);
        assertThat(launched.header("Location")).matches(campaigns(tenant) + "/[0-9]+\\?done=launched");
        long id = Long.parseLong(launched.header("Location").replaceAll(".*/([0-9]+)\\?.*", "$1"));

        var campaign = m.api(id).then().statusCode(200).extract().jsonPath();
        assertThat(campaign.getString("name")).isEqualTo("Spring phishing test");
        assertThat(campaign.getString("status")).isEqualTo("Queued");
        assertThat(campaign.getString("launch_date")).startsWith("2099-06-01T09:30:00");
        assertThat(campaign.getString("send_by_date")).startsWith("2099-06-01T17:00:00");
        assertThat(campaign.getList("results.email")).containsExactlyInAnyOrderElementsOf(m.emails());

        Map<String, Object> created = AuditTrail.single(AuditTrail.entries(tenant.asAdmin(), Map.of("action",
                "campaign.create")), "campaign.create", "campaign", id);
        String admins = io.tidewatch.testing.Api.asAdmin().get("/api/accounts/" + tenant.adminUserId()).then().extract()
                .path("username");
        assertThat(created.get("actor_name")).isEqualTo(admins);

        Response page = admin.get(launched.header("Location"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("<h1>Spring phishing test</h1>").contains("The campaign was created")
                .contains("data-poll-url=\"" + campaigns(tenant) + "/" + id + "/live\"").contains("data-stage=\"sent\"")
                .contains(m.emails().get(0)).contains("Campaign Created").contains("2099-06-01 09:30 UTC");
    }

    @Test
    void aRefusedCampaignNamesTheFieldKeepsWhatWasTypedAndLaunchesNothing() {
        Tenant tenant = Fixtures.tenant("Refused Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 2);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String list = campaigns(tenant);

        Map<String, String> noGroups = m.form("Quarterly test", LATER);
        noGroups.remove("groups");
        Response refused = admin.post(list + "/new", list, noGroups);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"groups-error\"").contains("No groups specified")
                .contains("value=\"Quarterly test\"").contains("<option value=\"" + m.template() + "\" selected>")
                .contains("value=\"" + LATER + "\"");

        Map<String, String> badDate = m.form("Quarterly test", "next tuesday");
        Response undated = admin.post(list + "/new", list, badDate);
        assertThat(undated.statusCode()).isEqualTo(400);
        assertThat(undated.asString()).contains("id=\"launch_date-error\"").contains("value=\"next tuesday\"")
                .contains("<option value=\"" + m.group() + "\" selected>");

        Map<String, String> backwards = m.form("Quarterly test", LATER);
        backwards.put("send_by_date", "2099-05-01T09:00");
        Response reversed = admin.post(list + "/new", list, backwards);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.asString()).contains("id=\"send_by_date-error\"").contains("value=\"2099-05-01T09:00\"");

        Map<String, String> noTemplate = m.form("Quarterly test", LATER);
        noTemplate.put("template", "");
        assertThat(admin.post(list + "/new", list, noTemplate).asString()).contains("id=\"template-error\"");

        assertThat(tenant.asAdmin().get("/api/campaigns/").then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void theListTheDashboardAndTheLiveRegionShowTheFunnel() {
        Tenant tenant = Fixtures.tenant("Funnel Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 2);
        long id = m.launch("Invoice lure", "2099-01-01T00:00:00Z");
        ConsoleSession viewer = member(tenant, "viewer");

        Response list = viewer.get(campaigns(tenant));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("href=\"" + campaigns(tenant) + "/" + id + "\">Invoice lure</a>")
                .contains("Queued").contains("2099-01-01 00:00 UTC").contains("<th scope=\"col\" class=\"num\">Reported</th>")
                .doesNotContain("New campaign</a>");
        Response dashboard = viewer.get("/console/orgs/" + tenant.id());
        assertThat(dashboard.asString()).contains("Invoice lure").contains("<th scope=\"col\" class=\"num\">Opened</th>")
                .contains("href=\"" + campaigns(tenant) + "\"");
        assertThat(dashboard.asString()).as("the navigation").contains("<a href=\"" + campaigns(tenant) + "\">Campaigns</a>");

        Response live = viewer.get(campaigns(tenant) + "/" + id + "/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.asString()).doesNotContain("<html").contains("data-stage=\"opened\"").contains(m.emails().get(1))
                .contains("Scheduled").contains("Nothing yet");
        assertThat(live.header("Cache-Control")).isEqualTo("no-store");

        Response csv = viewer.get(campaigns(tenant) + "/" + id + "/results.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).contains(m.emails().get(0));
    }

    @Test
    void viewersReadButOnlyOperatorsAndAdminsLaunchCompleteAndDelete() {
        Tenant tenant = Fixtures.tenant("Roles Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 1);
        long id = m.launch("Roles", "2099-01-01T00:00:00Z");
        String page = campaigns(tenant) + "/" + id;
        ConsoleSession viewer = member(tenant, "viewer");
        assertThat(viewer.get(page).statusCode()).isEqualTo(200);
        assertThat(viewer.get(page).asString()).doesNotContain(page + "/delete").doesNotContain(page + "/complete");
        assertThat(viewer.get(campaigns(tenant) + "/new").statusCode()).isEqualTo(403);
        assertThat(viewer.get(page + "/complete").statusCode()).isEqualTo(403);
        assertThat(viewer.get(page + "/delete").statusCode()).isEqualTo(403);
        String token = ConsoleSessionTokens.token(viewer, tenant);
        assertThat(viewer.postWithToken(campaigns(tenant), token, m.form("Sneaky", LATER)).statusCode()).isEqualTo(403);
        assertThat(viewer.postWithToken(page + "/complete", token, Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.postWithToken(page + "/delete", token, Map.of()).statusCode()).isEqualTo(403);
        assertThat(tenant.asAdmin().get("/api/campaigns/").then().extract().jsonPath().getList("status"))
                .containsExactly("Queued");

        ConsoleSession operator = member(tenant, "operator");
        assertThat(operator.get(page).asString()).contains(page + "/complete").contains(page + "/delete");
        Response launched = operator.post(campaigns(tenant) + "/new", campaigns(tenant), m.form("By an operator", LATER));
        assertThat(launched.statusCode()).as(ConsolePhishingPagesTest.errorsOf(launched)).isEqualTo(303);
    }

    @Test
    void completingAndDeletingAreEachConfirmedOnAPageOfTheirOwn() {
        Tenant tenant = Fixtures.tenant("Confirm Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 2);
        long id = m.launch("Payroll", "2099-01-01T00:00:00Z");
        String page = campaigns(tenant) + "/" + id;
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);

        Response confirm = admin.get(page + "/complete");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.asString()).contains("Complete the campaign Payroll?").contains("action=\"" + page + "/complete\"")
                .contains("href=\"" + page + "\"");
        assertThat(m.api(id).then().extract().jsonPath().getString("status")).as("nothing happens before the post")
                .isEqualTo("Queued");
        Response completed = admin.post(page + "/complete", page + "/complete", Map.of());
        assertThat(completed.header("Location")).isEqualTo(page + "?done=completed");
        assertThat(m.api(id).then().extract().jsonPath().getString("status")).isEqualTo("Completed");
        Response after = admin.get(completed.header("Location"));
        assertThat(after.asString()).contains("The campaign was completed").doesNotContain("data-poll-url")
                .doesNotContain(page + "/complete\"");

        Response confirmDelete = admin.get(page + "/delete");
        assertThat(confirmDelete.asString()).contains("Delete the campaign Payroll?").contains("Its 2 results");
        m.api(id).then().statusCode(200);
        Response deleted = admin.post(page + "/delete", page + "/delete", Map.of());
        assertThat(deleted.header("Location")).isEqualTo(campaigns(tenant) + "?done=deleted");
        m.api(id).then().statusCode(404);
        assertThat(admin.get(page).statusCode()).isEqualTo(404);
        List<Map<String, Object>> audit = AuditTrail.entries(tenant.asAdmin(), Map.of());
        AuditTrail.single(audit, "campaign.complete", "campaign", id);
        AuditTrail.single(audit, "campaign.delete", "campaign", id);
    }

    @Test
    void anotherOrganizationsCampaignIsNotFoundAndNothingChanges() {
        Tenant victim = Fixtures.tenant("Victim Co", 20);
        Materials m = materials(victim, "127.0.0.1:9", 1);
        long id = m.launch("Theirs", "2099-01-01T00:00:00Z");
        Tenant attacker = Fixtures.tenant("Attacker Co", 20);
        ConsoleSession intruder = ConsolePagesTest.clientAdmin(attacker);
        String own = campaigns(attacker);
        String before = m.api(id).asString();

        for (String suffix : new String[] { "", "/live", "/results.csv", "/complete", "/delete" }) {
            Response crossed = intruder.get(own + "/" + id + suffix);
            Response missing = intruder.get(own + "/" + CrossTenant.MISSING_ID + suffix);
            assertThat(crossed.statusCode()).as("GET %s with another organization's id", suffix).isEqualTo(404);
            assertThat(missing.statusCode()).as("GET %s with a missing id", suffix).isEqualTo(404);
            assertThat(crossed.asString()).doesNotContain("Theirs").contains("Campaign not found");
        }
        String token = ConsoleSessionTokens.token(intruder, attacker);
        for (String action : new String[] { "/complete", "/delete" }) {
            assertThat(intruder.postWithToken(own + "/" + id + action, token, Map.of()).statusCode()).as(action)
                    .isEqualTo(404);
        }
        assertThat(intruder.get(campaigns(victim) + "/" + id).statusCode()).as("the other organization's own pages")
                .isEqualTo(403);
        assertThat(intruder.postWithToken(campaigns(victim) + "/" + id + "/delete", token, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(intruder.postWithToken(campaigns(victim), token, m.form("Planted", LATER)).statusCode())
                .isEqualTo(403);
        assertThat(m.api(id).asString()).isEqualTo(before);
        assertThat(victim.asAdmin().get("/api/campaigns/").then().extract().jsonPath().getList("id")).hasSize(1);
    }

    @Test
    void formPostsWithoutTheCsrfTokenChangeNothing() {
        Tenant tenant = Fixtures.tenant("Csrf Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 1);
        long id = m.launch("Guarded", "2099-01-01T00:00:00Z");
        String page = campaigns(tenant) + "/" + id;
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        Response forged = admin.postWithToken(campaigns(tenant), null, m.form("Forged", LATER));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("This form had expired").contains("value=\"Forged\"");
        assertThat(admin.postWithToken(page + "/complete", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.postWithToken(page + "/delete", "not-the-token", Map.of()).statusCode()).isEqualTo(403);
        assertThat(tenant.asAdmin().get("/api/campaigns/").then().extract().jsonPath().getList("status"))
                .containsExactly("Queued");
    }

    @Test
    void aCampaignLaunchedWhileImpersonatingIsRecordedWithBothIdentities() {
        Tenant tenant = Fixtures.tenant("Impersonated Co", 20);
        Materials m = materials(tenant, "127.0.0.1:9", 1);
        ConsoleSession staff = ConsoleSession.admin();
        ConsoleImpersonationTest.start(staff, tenant, "Ticket 77: launch the client's first campaign");
        Response launched = staff.post(campaigns(tenant) + "/new", campaigns(tenant), m.form("On their behalf", LATER));
        assertThat(launched.statusCode()).as(ConsolePhishingPagesTest.errorsOf(launched)).isEqualTo(303);
        long id = Long.parseLong(launched.header("Location").replaceAll(".*/([0-9]+)\\?.*", "$1"));
        Map<String, Object> created = AuditTrail.single(AuditTrail.entries(tenant.asAdmin(), Map.of("action",
                "campaign.create")), "campaign.create", "campaign", id);
        assertThat(String.valueOf(created.get("actor_name"))).startsWith("impersonation #");
        assertThat(created.get("impersonator_name")).isEqualTo("admin");
    }
}
