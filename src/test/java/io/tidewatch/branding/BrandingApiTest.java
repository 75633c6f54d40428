package io.tidewatch.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.awt.Color;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;
import io.tidewatch.testing.Tenant;

/** {@code GET/PUT /api/branding}: reading and changing an organization's colours, sender name and support address. */
@QuarkusTest
class BrandingApiTest {

    static Tenant northwind;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tenant() {
        if (northwind == null) {
            northwind = Fixtures.northwind();
        }
    }

    @Test
    void showsTheDefaultsAndTheOrganizationsOwnFieldsBeforeAnyChange() {
        Tenant fresh = Fixtures.tenant("Fabrikam", 10);
        fresh.asAdmin().get("/api/branding").then().statusCode(200)
                .body("org_id", equalTo((int) fresh.id()))
                .body("primary_color", equalTo(BrandingService.DEFAULT_PRIMARY))
                .body("secondary_color", equalTo(BrandingService.DEFAULT_SECONDARY))
                .body("primary_text_color", equalTo(Contrast.WHITE))
                .body("from_name", nullValue())
                .body("support_email", nullValue())
                .body("host", equalTo(fresh.host()))
                .body("logo_url", startsWith("/api/branding/logo/view?org=" + fresh.slug() + "&v="))
                .body("favicon_url", startsWith("/api/branding/favicon/view?org=" + fresh.slug() + "&v="))
                .body("custom_logo", equalTo(false))
                .body("warnings", empty());
    }

    @Test
    void changesTheFieldsGivenAndKeepsTheOthers() {
        Tenant t = Fixtures.tenant("Tailspin", 10);
        t.asAdmin().body(Map.of("primary_color", "#1e3a8a", "secondary_color", "#F59E0B", "from_name",
                "Tailspin Security Team", "support_email", "it-help@tailspin.test"))
                .put("/api/branding").then().statusCode(200)
                .body("primary_color", equalTo("#1E3A8A"))
                .body("secondary_color", equalTo("#F59E0B"))
                .body("secondary_text_color", equalTo(Contrast.NEAR_BLACK))
                .body("from_name", equalTo("Tailspin Security Team"))
                .body("support_email", equalTo("it-help@tailspin.test"));
        t.asAdmin().body(Map.of("from_name", "Tailspin IT")).put("/api/branding").then().statusCode(200)
                .body("from_name", equalTo("Tailspin IT"))
                .body("primary_color", equalTo("#1E3A8A"))
                .body("support_email", equalTo("it-help@tailspin.test"));
        t.asAdmin().body(Map.of("support_email", "", "primary_color", "")).put("/api/branding").then().statusCode(200)
                .body("support_email", nullValue())
                .body("primary_color", equalTo(BrandingService.DEFAULT_PRIMARY));
        t.asAdmin().get("/api/branding").then().statusCode(200).body("from_name", equalTo("Tailspin IT"));
    }

    @Test
    void acceptsAHardToReadColourWithAWarning() {
        northwind.asAdmin().body(Map.of("primary_color", "#7F7F7F", "secondary_color", "#0F766E"))
                .put("/api/branding").then().statusCode(200)
                .body("primary_color", equalTo("#7F7F7F"))
                .body("warnings", hasSize(1))
                .body("warnings[0]", startsWith("primary_color: "));
        northwind.asAdmin().body(Map.of("primary_color", "#0B5CAB")).put("/api/branding").then().statusCode(200)
                .body("warnings", empty());
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        Map<String, String> cases = new HashMap<>();
        cases.put("primary_color", "blue");
        cases.put("secondary_color", "#12345");
        cases.put("support_email", "not an address");
        cases.put("from_name", "Line one\r\nBcc: victim@example.test");
        cases.forEach((field, value) -> northwind.asAdmin().body(Map.of(field, value)).put("/api/branding").then()
                .statusCode(400).body("success", equalTo(false)).body("message", startsWith(field + ": ")));
        northwind.asAdmin().body(Map.of("from_name", "x".repeat(101))).put("/api/branding").then().statusCode(400)
                .body("message", startsWith("from_name: "));
        northwind.asAdmin().body("{not json").put("/api/branding").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure"));
    }

    @Test
    void aRefusedChangeLeavesEverythingAsItWas() {
        Tenant t = Fixtures.tenant("Litware", 10);
        t.asAdmin().body(Map.of("from_name", "Litware IT")).put("/api/branding").then().statusCode(200);
        t.asAdmin().body(Map.of("from_name", "Changed", "primary_color", "nope")).put("/api/branding").then()
                .statusCode(400);
        t.asAdmin().get("/api/branding").then().body("from_name", equalTo("Litware IT"));
    }

    @Test
    void viewersReadAndOnlyAdminsChange() {
        Tenant t = Fixtures.tenant("Wingtip", 10);
        Fixtures.Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@wingtip.test");
        Fixtures.member(t.id(), viewer.id(), "viewer");
        Fixtures.Account operator = Fixtures.clientAccount("operator-" + Fixtures.unique() + "@wingtip.test");
        Fixtures.member(t.id(), operator.id(), "operator");
        Fixtures.Account learner = Fixtures.clientAccount("learner-" + Fixtures.unique() + "@wingtip.test");
        Fixtures.member(t.id(), learner.id(), "learner");

        Api.as(viewer.apiKey(), t.id()).get("/api/branding").then().statusCode(200);
        Api.as(operator.apiKey(), t.id()).get("/api/branding").then().statusCode(200);
        Api.as(learner.apiKey(), t.id()).get("/api/branding").then().statusCode(403);
        Api.as(viewer.apiKey(), t.id()).body(Map.of("from_name", "Viewer")).put("/api/branding").then().statusCode(403);
        Api.as(operator.apiKey(), t.id()).body(Map.of("from_name", "Operator")).put("/api/branding").then()
                .statusCode(403);
        t.asAdmin().get("/api/branding").then().body("from_name", nullValue());
    }

    @Test
    void needsCredentials() {
        RestAssured.given().get("/api/branding").then().statusCode(401)
                .body("message", equalTo("API Key not set"));
    }

    @Test
    void theMsspAdminWhoCreatedTheOrganizationCanBrandIt() {
        Tenant t = Fixtures.tenant("Proseware", 10);
        Api.as(Api.ADMIN_KEY, t.id()).body(Map.of("from_name", "Proseware via MSSP")).put("/api/branding").then()
                .statusCode(200);
        String fromName = t.asAdmin().get("/api/branding").then().extract().path("from_name");
        assertThat(fromName).isEqualTo("Proseware via MSSP");
    }

    @Test
    void recordsEveryChangeInTheOrganizationsAuditLog() throws SQLException {
        Tenant t = Fixtures.tenant("Bellows", 10);
        t.asAdmin().body(Map.of("from_name", "Bellows IT", "primary_color", "#123456")).put("/api/branding").then()
                .statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + t.adminKey()).header("X-Org-Id", t.id())
                .multiPart("file", "logo.png", Images.png(Color.CYAN), "image/png").put("/api/branding/logo").then()
                .statusCode(200);
        t.asAdmin().delete("/api/branding/logo").then().statusCode(200);
        List<String> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT action, details, actor_id FROM tenant_" + t.id() + ".audit_entry WHERE action LIKE 'branding.%'"
                                + " ORDER BY id")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
                }
            }
        }
        assertThat(entries).containsExactly("branding.update|changed: primary_color, from_name|" + t.adminUserId(),
                "branding.logo_upload|type=image/png, bytes=" + Images.png(Color.CYAN).length + "|" + t.adminUserId(),
                "branding.logo_delete|null|" + t.adminUserId());
    }

    @Test
    void deletingABrandedOrganizationTakesItsBrandingAlong() {
        Tenant t = Fixtures.tenant("Trey", 10);
        t.asAdmin().body(Map.of("from_name", "Trey IT")).put("/api/branding").then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + t.adminKey()).header("X-Org-Id", t.id())
                .multiPart("file", "logo.png", Images.png(Color.MAGENTA), "image/png").put("/api/branding/logo").then()
                .statusCode(200);
        Api.asAdmin().delete("/api/organizations/" + t.id()).then().statusCode(200);
        assertThat(Browser.at(t.host()).get("/api/branding/logo/view").contentType()).isEqualTo("image/svg+xml");
        assertThat(Browser.at(t.host()).get("/login").asString()).contains("Sign in to Tidewatch");
    }
}
