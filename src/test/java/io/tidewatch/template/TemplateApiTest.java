package io.tidewatch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/templates/} in Gophish's wire format, with Tidewatch's 400s where Gophish answered 500. */
@QuarkusTest
class TemplateApiTest {

    static Tenant tenant;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    private static Map<String, Object> template(String name) {
        return Map.of("name", name, "subject", "Action needed, {{.FirstName}}", "text", "Hi {{ .FirstName }}, {{.URL}}",
                "html", "<p>{{if .FirstName}}Hi {{.FirstName}}{{else}}Hello{{end}}</p>{{.Tracker}}");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createsReadsUpdatesAndDeletesAsThePythonClientDoes() {
        String name = "Password reset " + Fixtures.unique();
        Map<String, Object> body = new java.util.HashMap<>(template(name));
        body.put("modified_date", "2026-12-04T15:34:47.868104+00:00");
        body.put("attachments",
                List.of(Map.of("name", "note.txt", "type", "text/plain", "content", b64("Dear {{.FirstName}}"))));
        long id = tenant.asAdmin().body(body).post("/api/templates/")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("name", equalTo(name))
                .body("envelope_sender", equalTo(""))
                .body("attachments", hasSize(1))
                .body("attachments[0].type", equalTo("text/plain"))
                .body("modified_date", notNullValue())
                .extract().jsonPath().getLong("id");
        tenant.asAdmin().get("/api/templates").then().statusCode(200).body("find { it.id == " + id + " }.name",
                equalTo(name));
        tenant.asAdmin().get("/api/templates/" + id).then().statusCode(200).body("subject",
                equalTo("Action needed, {{.FirstName}}"));

        Map<String, Object> update = new java.util.HashMap<>(template(name + " v2"));
        update.put("id", id);
        tenant.asAdmin().body(update).put("/api/templates/" + id).then().statusCode(200)
                .body("name", equalTo(name + " v2")).body("attachments", hasSize(0));

        tenant.asAdmin().urlEncodingEnabled(false).delete("/api/templates//" + id).then().statusCode(200)
                .body("message", equalTo("Template deleted successfully!")).body("success", equalTo(true));
        tenant.asAdmin().get("/api/templates/" + id).then().statusCode(404)
                .body("message", equalTo("Template not found")).body("success", equalTo(false));
        assertThat(AuditRows.count(dataSource, tenant.id(), "template.create", id)).isEqualTo(1);
        assertThat(AuditRows.count(dataSource, tenant.id(), "template.update", id)).isEqualTo(1);
        assertThat(AuditRows.count(dataSource, tenant.id(), "template.delete", id)).isEqualTo(1);
    }

    @Test
    void aSavedObjectsModifiedDateReadsBackExactlyAsTheSaveAnsweredIt() {
        for (int i = 0; i < 5; i++) {
            String saved = tenant.asAdmin().body(template("Stable date " + Fixtures.unique())).post("/api/templates/")
                    .then().statusCode(201).extract().jsonPath().getString("modified_date");
            long id = tenant.asAdmin().get("/api/templates/").then().extract().jsonPath()
                    .getLong("find { it.modified_date == '" + saved + "' }.id");
            tenant.asAdmin().get("/api/templates/" + id).then().body("modified_date", equalTo(saved));
        }
        JsonPath page = tenant.asAdmin().body(Map.of("name", "Stable page " + Fixtures.unique(), "html", "<p>x</p>"))
                .post("/api/pages/").then().statusCode(201).extract().jsonPath();
        tenant.asAdmin().get("/api/pages/" + page.getLong("id")).then()
                .body("modified_date", equalTo(page.getString("modified_date")));
        JsonPath group = tenant.asAdmin().body(Map.of("name", "Stable group " + Fixtures.unique(), "targets",
                List.of(Map.of("email", "stable@example.test")))).post("/api/groups/").then().statusCode(201)
                .extract().jsonPath();
        tenant.asAdmin().get("/api/groups/" + group.getLong("id")).then()
                .body("modified_date", equalTo(group.getString("modified_date")));
    }

    @Test
    void refusesIfBlocksNestedTooDeeplyToRender() {
        String name = "Deep " + Fixtures.unique();
        Map<String, Object> body = new java.util.HashMap<>(template(name));
        body.put("html", "{{if .URL}}".repeat(60_000) + "{{end}}".repeat(60_000));
        tenant.asAdmin().body(body).post("/api/templates/").then().statusCode(400)
                .body("success", equalTo(false))
                .body("message", equalTo("{{if}} nested more than 100 levels deep (html, line 1)"));
        tenant.asAdmin().get("/api/templates/").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(name)));
    }

    @Test
    void refusesADuplicateNameWith409() {
        String name = "Dup " + Fixtures.unique();
        tenant.asAdmin().body(template(name)).post("/api/templates/").then().statusCode(201);
        tenant.asAdmin().body(template(name)).post("/api/templates").then().statusCode(409)
                .body("message", equalTo("Template name already in use"));
        long other = tenant.asAdmin().body(template(name + "-b")).post("/api/templates/").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        tenant.asAdmin().body(template(name)).put("/api/templates/" + other).then().statusCode(409);
    }

    @Test
    void answersGophishsValidationMessages() {
        tenant.asAdmin().body(Map.of("subject", "x", "text", "y")).post("/api/templates/").then().statusCode(400)
                .body("message", equalTo("Template name not specified"));
        tenant.asAdmin().body(Map.of("name", "n" + Fixtures.unique())).post("/api/templates/").then().statusCode(400)
                .body("message", equalTo("Need to specify at least plaintext or HTML content"));
        tenant.asAdmin().body("{\"name\": ").post("/api/templates/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure"));
        tenant.asAdmin().body(Map.of("name", "n" + Fixtures.unique(), "text", "x", "envelope_sender", "nobody"))
                .post("/api/templates/").then().statusCode(400).body("message", equalTo("mail: missing '@' or angle-addr"));
    }

    @Test
    void rejectsTemplateWithUnknownVariable() {
        tenant.asAdmin().body(Map.of("name", "u" + Fixtures.unique(), "html", "<p>\n{{.EMAIL}}</p>"))
                .post("/api/templates/").then().statusCode(400)
                .body("message", equalTo("unknown variable {{.EMAIL}} (html, line 2)"));
        tenant.asAdmin().body(Map.of("name", "u" + Fixtures.unique(), "text", "x", "subject", "{{if .FirstName}}"))
                .post("/api/templates/").then().statusCode(400)
                .body("message", containsString("missing {{end}} for {{if .FirstName}}"));
    }

    @Test
    void validatesTemplatedAttachmentsAndTheirEncoding() {
        Map<String, Object> bad = new java.util.HashMap<>(template("a" + Fixtures.unique()));
        bad.put("attachments", List.of(Map.of("name", "invite.ics", "type", "text/calendar", "content",
                b64("SUMMARY:{{.Nope}}"))));
        tenant.asAdmin().body(bad).post("/api/templates/").then().statusCode(400)
                .body("message", containsString("unknown variable {{.Nope}}"));
        bad.put("attachments", List.of(Map.of("name", "x.pdf", "type", "application/pdf", "content", "%%%")));
        tenant.asAdmin().body(bad).post("/api/templates/").then().statusCode(400)
                .body("message", equalTo("attachments[0].content: not valid base64"));
        bad.put("attachments", List.of(Map.of("name", "x.pdf", "type", "application/pdf", "content", b64("%PDF {{.X}}"))));
        tenant.asAdmin().body(bad).post("/api/templates/").then().statusCode(201);
    }

    @Test
    void refusesAnIdMismatchOnPut() {
        long id = tenant.asAdmin().body(template("m" + Fixtures.unique())).post("/api/templates/").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> update = new java.util.HashMap<>(template("m" + Fixtures.unique()));
        update.put("id", id + 1000);
        tenant.asAdmin().body(update).put("/api/templates/" + id).then().statusCode(400)
                .body("message", equalTo("Error: /:id and template_id mismatch"));
    }

    @Test
    void pagesWithLimitAndOffset() {
        Tenant own = Fixtures.tenant("Paging", 5);
        for (int i = 0; i < 3; i++) {
            own.asAdmin().body(template("p" + i)).post("/api/templates/").then().statusCode(201);
        }
        own.asAdmin().get("/api/templates/").then().statusCode(200).body("", hasSize(3));
        own.asAdmin().queryParam("limit", 2).get("/api/templates/").then().body("name", equalTo(List.of("p0", "p1")));
        own.asAdmin().queryParam("offset", 2).get("/api/templates/").then().body("name", equalTo(List.of("p2")));
        own.asAdmin().queryParam("limit", 0).get("/api/templates/").then().body("", hasSize(0));
        own.asAdmin().queryParam("limit", -1).get("/api/templates/").then().statusCode(400)
                .body("message", equalTo("limit: must be a non-negative integer"));
    }

    @Test
    void answersUnhandledMethodsWithA405Envelope() {
        tenant.asAdmin().body(template("x")).post("/api/templates/5").then().statusCode(405)
                .body("success", equalTo(false)).body("message", equalTo("Method not allowed"));
    }

    @Test
    void letsViewersReadButNotWrite() {
        Fixtures.Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        Api.as(viewer.apiKey(), tenant.id()).get("/api/templates/").then().statusCode(200);
        Api.as(viewer.apiKey(), tenant.id()).body(template("v" + Fixtures.unique())).post("/api/templates/").then()
                .statusCode(403).body("success", equalTo(false));
    }
}
