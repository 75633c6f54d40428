package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The phishing resources in the console: templates with preview, landing pages, sending profiles, groups by CSV. */
@QuarkusTest
class ConsolePhishingPagesTest {

    /** The error messages a refused form shows, for assertion messages. */
    static String errorsOf(Response page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"(?:field-error|alert)\"[^>]*>([^<]*)")
                .matcher(page.asString());
        StringBuilder found = new StringBuilder();
        while (m.find()) {
            found.append(m.group(1)).append(" | ");
        }
        return found.toString();
    }

    static String base(Tenant tenant) {
        return "/console/orgs/" + tenant.id();
    }

    @Test
    void aTemplateWithAnUnknownVariableIsRefusedBesideItsFieldAndTheRestIsKept() {
        Tenant tenant = Fixtures.tenant("Template Co", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String templates = base(tenant) + "/templates";
        Response refused = admin.post(templates + "/new", templates, Map.of("name", "Invoice", "subject",
                "Invoice for {{.FirstName}}", "html", "<p>Hello {{.Nickname}}</p>", "text", "", "intent", "save"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"html-error\"").contains("Nickname").contains("value=\"Invoice\"");
        assertThat(tenant.asAdmin().get("/api/templates/").then().extract().jsonPath().getList("name")).isEmpty();

        Response preview = admin.post(templates + "/new", templates, Map.of("name", "Invoice", "subject",
                "Invoice for {{.FirstName}}", "html", "<p>Hello {{.FirstName}}</p>", "text", "", "intent", "preview"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("Invoice for Foo").contains("srcdoc=\"&lt;p&gt;Hello Foo&lt;/p&gt;\"");

        Response saved = admin.post(templates + "/new", templates, Map.of("name", "Invoice", "subject",
                "Invoice for {{.FirstName}}", "html", "<p>Hello {{.FirstName}}</p>", "text", "", "intent", "save"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(tenant.asAdmin().get("/api/templates/").then().extract().jsonPath().getList("name"))
                .containsExactly("Invoice");
        Response duplicate = admin.post(templates + "/new", templates, Map.of("name", "Invoice", "subject", "x", "html",
                "<p>x</p>", "text", "", "intent", "save"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.asString()).contains("id=\"name-error\"");
    }

    @Test
    void landingPagesAreSavedAndDeletedAfterConfirmation() {
        Tenant tenant = Fixtures.tenant("Landing Co", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String pages = base(tenant) + "/landing-pages";
        Response refused = admin.post(pages + "/new", pages, Map.of("name", "Login", "html", "<form></form>",
                "capture_credentials", "true", "redirect_url", "ftp://example.com"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"redirect_url-error\"").contains("value=\"ftp://example.com\"");
        Response saved = admin.post(pages + "/new", pages, Map.of("name", "Login", "html", "<form></form>",
                "capture_credentials", "true", "redirect_url", "https://example.com/aware"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String page = saved.header("Location").replaceAll("\\?.*", "");
        assertThat(admin.get(page + "/delete").asString()).contains("Delete the landing page Login?");
        admin.post(page + "/delete", page + "/delete", Map.of());
        assertThat(tenant.asAdmin().get("/api/pages/").then().extract().jsonPath().getList("name")).isEmpty();
    }

    @Test
    void sendingProfilesAreForAdminsAndNeverShowTheirPassword() {
        Tenant tenant = Fixtures.tenant("Profile Co", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String profiles = base(tenant) + "/sending-profiles";
        Response saved = admin.post(profiles + "/new", profiles, Map.of("name", "Relay", "from_address",
                "it@example.com", "host", "127.0.0.1:2525", "username", "relay", "password", "s3cret-pass"));
        assertThat(saved.statusCode()).as(errorsOf(saved)).isEqualTo(303);
        Response page = admin.get(saved.header("Location"));
        assertThat(page.asString()).doesNotContain("s3cret-pass").contains("A password is stored");
        Response noHost = admin.post(profiles + "/new", profiles, Map.of("name", "Broken", "from_address",
                "it@example.com", "host", ""));
        assertThat(noHost.statusCode()).isEqualTo(400);
        assertThat(noHost.asString()).contains("id=\"host-error\"");

        Fixtures.Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@profile.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        ConsoleSession op = ConsoleSession.signIn(tenant.host(), operator.username(), ConsoleSession.PASSWORD);
        assertThat(op.get(profiles).statusCode()).isEqualTo(200);
        assertThat(op.get(profiles + "/new").statusCode()).isEqualTo(403);
    }

    @Test
    void aCsvWithBadLinesListsEveryLineAndSavesNothing() {
        Tenant tenant = Fixtures.tenant("Group Co", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String groups = base(tenant) + "/groups";
        String token = Browser.csrfToken(admin.get(groups + "/new").asString());
        String csv = "First Name;Last Name;Email;Position\nAna;Lee;ana@example.com;Clerk\nBo;Chan;not-an-address;\n"
                + "Cy;Doe;;Manager\n";
        Response refused = admin.request().multiPart("csrf_token", token).multiPart("name", "Finance")
                .multiPart("csv", "").multiPart("file", "finance.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(groups);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Line 3:").contains("Line 4:").contains("2 lines are wrong")
                .contains("value=\"Finance\"").contains("not-an-address");
        assertThat(tenant.asAdmin().get("/api/groups/").then().extract().jsonPath().getList("name")).isEmpty();

        Response saved = admin.request().multiPart("csrf_token", token).multiPart("name", "Finance")
                .multiPart("csv", "First Name,Last Name,Email,Position\nAna,Lee,ana@example.com,Clerk\n").post(groups);
        assertThat(saved.statusCode()).isEqualTo(303);
        List<String> emails = tenant.asAdmin().get("/api/groups/").then().extract().jsonPath().getList("targets[0].email");
        assertThat(emails).containsExactly("ana@example.com");
    }

    @Test
    void aGroupOverTheSeatCapIsRefusedWhole() {
        Tenant tenant = Fixtures.tenant("Small Co", 2);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String groups = base(tenant) + "/groups";
        String token = Browser.csrfToken(admin.get(groups + "/new").asString());
        Response refused = admin.request().multiPart("csrf_token", token).multiPart("name", "Everyone")
                .multiPart("csv", "Email\na@example.com\nb@example.com\n").post(groups);
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.asString()).contains("Not enough seats").contains("Seat cap of 2 would be exceeded")
                .contains("b@example.com");
        assertThat(tenant.asAdmin().get("/api/groups/").then().extract().jsonPath().getList("name")).isEmpty();
    }
}
