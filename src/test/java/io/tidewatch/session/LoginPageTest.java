package io.tidewatch.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;
import io.tidewatch.testing.Tenant;

/** {@code GET /login} shows the brand of the organization whose host the browser addressed. */
@QuarkusTest
class LoginPageTest {

    static Tenant northwind;
    static Tenant contoso;
    static String northwindLogoUrl;

    @BeforeEach
    void twoBrandedTenants() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        Api.asAdmin().body(Map.of("name", "Northwind Trading", "slug", northwind.slug(), "seat_cap", 250, "host",
                northwind.host(), "support_url", "https://help.northwind.test/it")).put("/api/organizations/" + northwind.id())
                .then().statusCode(200);
        northwind.asAdmin().body(Map.of("primary_color", "#1E3A8A", "secondary_color", "#FACC15", "support_email",
                "it-help@northwind.test")).put("/api/branding").then().statusCode(200);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + northwind.adminKey())
                .header("X-Org-Id", northwind.id()).multiPart("file", "n.png", Images.png(Color.BLUE), "image/png")
                .put("/api/branding/logo").then().statusCode(200);
        northwindLogoUrl = northwind.asAdmin().get("/api/branding").then().extract().path("logo_url");
        contoso.asAdmin().body(Map.of("primary_color", "#FDE68A")).put("/api/branding").then().statusCode(200);
    }

    private static String loginPage(String host) {
        Response page = Browser.at(host).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        return page.asString();
    }

    @Test
    void showsNorthwindsNameLogoColoursAndSupportOnItsHost() {
        String html = loginPage(northwind.host());
        assertThat(html).contains("<title>Sign in · Northwind Trading</title>")
                .contains("Sign in to Northwind Trading")
                .contains("src=\"" + northwindLogoUrl.replace("&", "&amp;") + "\"")
                .contains("href=\"/api/branding/favicon/view?org=" + northwind.slug() + "&amp;v=")
                .contains("--primary: #1E3A8A;").contains("--on-primary: #FFFFFF;")
                .contains("--secondary: #FACC15;").contains("--on-secondary: #111827;")
                .contains("href=\"https://help.northwind.test/it\"")
                .contains("href=\"mailto:it-help@northwind.test\"")
                .doesNotContain("Tidewatch");
    }

    @Test
    void showsContososBrandOnContososHostWithAReadableTextColour() {
        String html = loginPage(contoso.host() + ":443");
        assertThat(html).contains("Sign in to Contoso").contains("--primary: #FDE68A;")
                .contains("--on-primary: #111827;").contains("?org=" + contoso.slug() + "&amp;v=")
                .doesNotContain("Northwind").doesNotContain("it-help@northwind.test");
    }

    @Test
    void showsTheMsspsOwnBrandOnAnUnknownHost() {
        String html = loginPage("sat.example-mssp.test");
        assertThat(html).contains("Sign in to Tidewatch").contains("src=\"/api/branding/logo/view?v=")
                .contains("--primary: #0B5CAB;").doesNotContain("org=").doesNotContain("Northwind");
    }

    @Test
    void hasAFormWithCsrfTokenAndTheSsoPlaceAndSafeHeaders() {
        Response page = Browser.at(northwind.host()).get("/login");
        String html = page.asString();
        assertThat(html).contains("<form method=\"post\" action=\"/login\">").contains("name=\"csrf_token\"")
                .contains("autocomplete=\"current-password\"").contains("<section class=\"sso\"")
                .contains("<label for=\"username\">");
        assertThat(page.getCookie("tidewatch_csrf")).matches("[A-Za-z0-9_-]{43}");
        assertThat(page.detailedCookie("tidewatch_csrf").isHttpOnly()).isTrue();
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void escapesWhatItEchoes() {
        String html = Browser.at(northwind.host()).queryParam("next", "/\"><script>alert(1)</script>").get("/login")
                .asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void followsAHostChangeOfTheOrganization() {
        Tenant t = Fixtures.tenant("Relecloud", 10);
        String newHost = "relecloud-" + Fixtures.unique() + ".sat.example-mssp.test";
        assertThat(loginPage(newHost)).contains("Sign in to Tidewatch");
        Api.asAdmin().body(Map.of("name", "Relecloud", "slug", t.slug(), "seat_cap", 10, "host", newHost))
                .put("/api/organizations/" + t.id()).then().statusCode(200);
        assertThat(loginPage(newHost)).contains("Sign in to Relecloud");
        assertThat(loginPage(t.host())).contains("Sign in to Tidewatch");
    }
}
