package io.tidewatch.branding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;
import io.tidewatch.testing.Tenant;

/**
 * One tenant's admin cannot read or change another tenant's branding. Branding has no ids in its paths (the tenant is
 * the request's), so the id-based harness does not apply; the attack is selecting the other organization with
 * {@code X-Org-Id} or {@code org_id}, which answers 403 and leaves the victim's branding exactly as it was.
 */
@QuarkusTest
class BrandingCrossTenantTest {

    static Tenant northwind;
    static Tenant contoso;

    @BeforeEach
    void twoTenants() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        contoso.asAdmin().body(Map.of("primary_color", "#B91C1C", "from_name", "Contoso IT")).put("/api/branding")
                .then().statusCode(200);
    }

    private static RequestSpecification attackerInVictimsOrg() {
        return given().header("Authorization", "Bearer " + northwind.adminKey()).header("X-Org-Id", contoso.id());
    }

    private static void assertRefusedAndUnchanged(Function<RequestSpecification, Response> attack) {
        String before = contoso.asAdmin().get("/api/branding").asString();
        Response response = attack.apply(attackerInVictimsOrg());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.asString()).isEqualTo("{\"message\":\"Forbidden\",\"success\":false,\"data\":null}");
        assertThat(contoso.asAdmin().get("/api/branding").asString()).isEqualTo(before);
    }

    @Test
    void cannotReadAnotherTenantsBranding() {
        assertRefusedAndUnchanged(r -> r.get("/api/branding"));
        Response byParam = given().header("Authorization", "Bearer " + northwind.adminKey())
                .queryParam("org_id", contoso.id()).get("/api/branding");
        assertThat(byParam.statusCode()).isEqualTo(403);
    }

    @Test
    void cannotChangeAnotherTenantsBranding() {
        assertRefusedAndUnchanged(r -> r.contentType("application/json").body(Map.of("from_name", "Mallory"))
                .put("/api/branding"));
    }

    @Test
    void cannotUploadOrRemoveAnotherTenantsImages() {
        byte[] png = Images.png(Color.BLACK);
        assertRefusedAndUnchanged(r -> r.multiPart("file", "logo.png", png, "image/png").put("/api/branding/logo"));
        assertRefusedAndUnchanged(r -> r.multiPart("file", "f.png", png, "image/png").put("/api/branding/favicon"));
        assertRefusedAndUnchanged(r -> r.delete("/api/branding/logo"));
        assertRefusedAndUnchanged(r -> r.delete("/api/branding/favicon"));
    }

    @Test
    void ownBrandingStaysSeparate() {
        northwind.asAdmin().body(Map.of("from_name", "Northwind IT")).put("/api/branding").then().statusCode(200);
        String contosoName = contoso.asAdmin().get("/api/branding").then().extract().path("from_name");
        assertThat(contosoName).isEqualTo("Contoso IT");
    }
}
