package io.tidewatch.landingpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/pages/}: Gophish's messages, HTML re-serialisation on save, 400s instead of Gophish's 500s. */
@QuarkusTest
class PageApiTest {

    static Tenant tenant;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    private static Map<String, Object> page(String name) {
        Map<String, Object> page = new HashMap<>();
        page.put("name", name);
        page.put("html", "<h1>Hi {{.FirstName}}</h1><form action=\"https://real.example/login\">"
                + "<input name=\"user\"><input type=\"password\" name=\"pw\"></form>");
        page.put("capture_credentials", false);
        page.put("capture_passwords", true);
        page.put("redirect_url", "https://real.example/{{.RId}}");
        page.put("modified_date", "2026-12-04T15:34:47.868104+00:00");
        return page;
    }

    @Test
    void storesPagesReSerialisedWithCaptureRules() {
        long id = tenant.asAdmin().body(page("Login " + Fixtures.unique())).post("/api/pages/").then().statusCode(201)
                .body("capture_credentials", equalTo(true))
                .body("capture_passwords", equalTo(true))
                .body("html", containsString("<html><head></head><body><h1>Hi {{.FirstName}}</h1>"))
                .body("html", containsString("action=\"\""))
                .body("html", containsString("name=\"password\""))
                .body("html", not(containsString("real.example/login")))
                .body("redirect_url", equalTo("https://real.example/{{.RId}}"))
                .extract().jsonPath().getLong("id");
        Map<String, Object> update = page("Login " + Fixtures.unique());
        update.put("id", id);
        update.put("capture_passwords", false);
        tenant.asAdmin().body(update).put("/api/pages/" + id).then().statusCode(200)
                .body("capture_credentials", equalTo(false)).body("html", not(containsString("name=")));
        tenant.asAdmin().urlEncodingEnabled(false).delete("/api/pages//" + id).then().statusCode(200)
                .body("message", equalTo("Page Deleted Successfully"));
        tenant.asAdmin().get("/api/pages/" + id).then().statusCode(404).body("message", equalTo("Page not found"));
        assertThat(AuditRows.count(dataSource, tenant.id(), "page.create", id)).isEqualTo(1);
        assertThat(AuditRows.count(dataSource, tenant.id(), "page.delete", id)).isEqualTo(1);
    }

    @Test
    void answersGophishsMessagesAsClientErrors() {
        tenant.asAdmin().body("{oops").post("/api/pages/").then().statusCode(400)
                .body("message", equalTo("Invalid request"));
        tenant.asAdmin().body(Map.of("html", "x")).post("/api/pages/").then().statusCode(400)
                .body("message", equalTo("Page Name not specified"));
        String name = "Dup " + Fixtures.unique();
        tenant.asAdmin().body(page(name)).post("/api/pages/").then().statusCode(201);
        tenant.asAdmin().body(page(name)).post("/api/pages/").then().statusCode(409)
                .body("message", equalTo("Page name already in use"));
        Map<String, Object> bad = page("b" + Fixtures.unique());
        bad.put("html", "{{.Password}}");
        tenant.asAdmin().body(bad).post("/api/pages/").then().statusCode(400)
                .body("message", equalTo("unknown variable {{.Password}} (html, line 1)"));
        bad = page("b" + Fixtures.unique());
        bad.put("redirect_url", "javascript:alert(1)");
        tenant.asAdmin().body(bad).post("/api/pages/").then().statusCode(400)
                .body("message", equalTo("redirect_url: must be an absolute http or https URL"));
    }

    @Test
    void refusesAnIdMismatchOnPut() {
        long id = tenant.asAdmin().body(page("m" + Fixtures.unique())).post("/api/pages/").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> update = page("m" + Fixtures.unique());
        update.put("id", id + 99);
        tenant.asAdmin().body(update).put("/api/pages/" + id).then().statusCode(400)
                .body("message", equalTo("/:id and /:page_id mismatch"));
    }
}
