package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;
import io.tidewatch.testing.Tenant;

/** The branding editor: saved settings, errors beside their field, contrast warnings, uploads, read-only viewers. */
@QuarkusTest
class ConsoleBrandingTest {

    static String branding(Tenant tenant) {
        return "/console/orgs/" + tenant.id() + "/branding";
    }

    static Map<String, String> settings(String primary, String secondary) {
        return Map.of("primary_color", primary, "secondary_color", secondary, "from_name", "IT Security",
                "support_email", "help@example.com");
    }

    @Test
    void savesTheBrandingWhichTheLoginPageThenShows() {
        Tenant tenant = Fixtures.tenant("Margie's Travel", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        Response saved = admin.post(branding(tenant), branding(tenant), settings("#1E3A8A", "#9D174D"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/branding?done=saved");
        assertThat(tenant.asAdmin().get("/api/branding").then().extract().jsonPath().getString("from_name"))
                .isEqualTo("IT Security");
        assertThat(Browser.at(tenant.host()).get("/login").asString()).contains("--primary: #1E3A8A;")
                .contains("help@example.com");
    }

    @Test
    void aBadColourIsShownBesideItsFieldWithEverythingTypedKept() {
        Tenant tenant = Fixtures.tenant("Wide World", 10);
        Response refused = ConsolePagesTest.clientAdmin(tenant).post(branding(tenant), branding(tenant),
                settings("#12345", "#0F766E"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"primary_color-error\"").contains("value=\"#12345\"")
                .contains("value=\"IT Security\"").contains("value=\"help@example.com\"");
    }

    @Test
    void aHardToReadColourIsSavedWithAWarning() {
        Tenant tenant = Fixtures.tenant("Humongous", 10);
        Response saved = ConsolePagesTest.clientAdmin(tenant).post(branding(tenant), branding(tenant),
                settings("#808080", "#0F766E"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.asString()).contains("class=\"warning\"").contains("primary_color: text on #808080");
    }

    @Test
    void uploadsALogoAndRefusesAFileThatIsNoImage() {
        Tenant tenant = Fixtures.tenant("Blue Yonder", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String token = Browser.csrfToken(admin.get(branding(tenant)).asString());
        Response uploaded = admin.request().multiPart("csrf_token", token)
                .multiPart("file", "logo.png", Images.png(Color.MAGENTA), "image/png").post(branding(tenant) + "/logo");
        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(tenant.asAdmin().get("/api/branding").then().extract().jsonPath().getBoolean("custom_logo")).isTrue();

        Response refused = admin.request().multiPart("csrf_token", token)
                .multiPart("file", "logo.png", Images.text("not an image"), "image/png").post(branding(tenant) + "/logo");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"logo-error\"");

        Response forged = admin.request().multiPart("csrf_token", "forged")
                .multiPart("file", "logo.png", Images.png(Color.RED), "image/png").post(branding(tenant) + "/logo");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("This form had expired");

        Response confirm = admin.get(branding(tenant) + "/logo/remove");
        assertThat(confirm.asString()).contains("Remove the logo?");
        admin.post(branding(tenant) + "/logo/remove", branding(tenant) + "/logo/remove", Map.of());
        assertThat(tenant.asAdmin().get("/api/branding").then().extract().jsonPath().getBoolean("custom_logo")).isFalse();
    }

    @Test
    void viewersSeeTheBrandingButCannotChangeIt() {
        Tenant tenant = Fixtures.tenant("Lucerne", 10);
        Fixtures.Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@lucerne.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        ConsoleSession session = ConsoleSession.signIn(tenant.host(), viewer.username(), ConsoleSession.PASSWORD);
        Response page = session.get(branding(tenant));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Only admins can change the branding").doesNotContain("Save branding");
        Response post = session.postWithToken(branding(tenant), Browser.csrfToken(page.asString()),
                settings("#000000", "#000000"));
        assertThat(post.statusCode()).isEqualTo(403);
    }
}
