package io.tidewatch.phishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.CrossTenant.Probe;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Every item endpoint and method of the phishing resources answers another tenant's id exactly like a missing one
 * and leaves the other tenant's data unchanged; names never resolve across tenants either.
 */
@QuarkusTest
class PhishingCrossTenantTest {

    static Tenant northwind;
    static Tenant contoso;
    static long template;
    static long page;
    static long profile;
    static long group;
    static long webhook;

    static final Map<String, Object> TEMPLATE = Map.of("name", "Mallory's template", "text", "pwned");
    static final Map<String, Object> PAGE = Map.of("name", "Mallory's page", "html", "<p>pwned</p>");
    static final Map<String, Object> PROFILE = Map.of("name", "Mallory's relay", "host", "smtp.evil.example:25",
            "from_address", "mallory@evil.example");
    static final Map<String, Object> GROUP = Map.of("name", "Mallory's group",
            "targets", List.of(Map.of("email", "mallory@evil.example")));
    static final Map<String, Object> WEBHOOK = Map.of("name", "Mallory's hook", "url", "https://evil.example/hook",
            "is_active", true);

    @BeforeEach
    void twoTenants() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        template = create("/api/templates/", Map.of("name", "Contoso reset", "text", "Hi {{.FirstName}}"));
        page = create("/api/pages/", Map.of("name", "Contoso login", "html", "<form><input name=u></form>",
                "capture_credentials", true));
        profile = create("/api/smtp/", Map.of("name", "Contoso relay", "host", "smtp.contoso.example:587",
                "from_address", "it@contoso.example", "username", "u", "password", "p"));
        group = create("/api/groups/", Map.of("name", "Contoso staff",
                "targets", List.of(Map.of("email", "ceo@contoso.example"))));
        webhook = create("/api/webhooks/", Map.of("name", "Contoso SIEM", "url", "https://siem.contoso.example/hook",
                "secret", "s"));
    }

    private static long create(String path, Map<String, Object> body) {
        return contoso.asAdmin().body(body).post(path).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void probe(String method, String path, Object body, long id) {
        CrossTenant.assertIsolated(northwind, contoso, id, Probe.of(method, path, body, contoso, id));
    }

    @Test
    void templatesAreIsolated() {
        probe("GET", "/api/templates/{id}", null, template);
        probe("PUT", "/api/templates/{id}", TEMPLATE, template);
        probe("DELETE", "/api/templates/{id}", null, template);
    }

    @Test
    void pagesAreIsolated() {
        probe("GET", "/api/pages/{id}", null, page);
        probe("PUT", "/api/pages/{id}", PAGE, page);
        probe("DELETE", "/api/pages/{id}", null, page);
    }

    @Test
    void sendingProfilesAreIsolated() {
        probe("GET", "/api/smtp/{id}", null, profile);
        probe("PUT", "/api/smtp/{id}", PROFILE, profile);
        probe("DELETE", "/api/smtp/{id}", null, profile);
    }

    @Test
    void groupsAreIsolated() {
        probe("GET", "/api/groups/{id}", null, group);
        probe("GET", "/api/groups/{id}/summary", null, group);
        probe("PUT", "/api/groups/{id}", GROUP, group);
        probe("DELETE", "/api/groups/{id}", null, group);
    }

    @Test
    void webhooksAreIsolated() {
        probe("GET", "/api/webhooks/{id}", null, webhook);
        probe("PUT", "/api/webhooks/{id}", WEBHOOK, webhook);
        probe("DELETE", "/api/webhooks/{id}", null, webhook);
        probe("POST", "/api/webhooks/{id}/validate", null, webhook);
    }

    @Test
    void listsShowOnlyTheTenantsOwnData() {
        northwind.asAdmin().get("/api/templates/").then().statusCode(200).body("", hasSize(0));
        northwind.asAdmin().get("/api/pages/").then().body("", hasSize(0));
        northwind.asAdmin().get("/api/smtp/").then().body("", hasSize(0));
        northwind.asAdmin().get("/api/groups/").then().body("", hasSize(0));
        northwind.asAdmin().get("/api/groups/summary").then().body("total", equalTo(0));
        northwind.asAdmin().get("/api/webhooks/").then().body("", hasSize(0));
    }

    @Test
    void imapSettingsAreIsolated() {
        contoso.asAdmin().body(Map.of("host", "127.0.0.1", "port", "993", "username", "c", "password", "p"))
                .post("/api/imap/").then().statusCode(201);
        String before = contoso.asAdmin().get("/api/imap/").asString();
        northwind.asAdmin().get("/api/imap/").then().statusCode(200).body("", hasSize(0));
        northwind.asAdmin().body(Map.of("host", "127.0.0.2", "port", "143", "username", "m", "password", "m"))
                .post("/api/imap/").then().statusCode(201);
        assertThat(contoso.asAdmin().get("/api/imap/").asString()).isEqualTo(before);
    }

    @Test
    void namesNeverResolveAcrossTenants() {
        northwind.asAdmin().body(Map.of("template", Map.of("name", "Contoso reset"), "smtp",
                Map.of("name", "Contoso relay"), "email", "x@northwind.example")).post("/api/util/send_test_email")
                .then().statusCode(400).body("message", equalTo("Template not found"));
        northwind.asAdmin().body(Map.of("smtp", Map.of("name", "Contoso relay"), "email", "x@northwind.example"))
                .post("/api/util/send_test_email").then().statusCode(400)
                .body("message", equalTo("No From Address specified"));
        Fixtures.tenant("Fabrikam", 5).asAdmin().body(Map.of("name", "Contoso reset", "text", "mine"))
                .post("/api/templates/").then().statusCode(201);
    }

    @Test
    void anotherTenantsOrganizationIsForbidden() {
        Api.as(northwind.adminKey(), contoso.id()).get("/api/templates/").then().statusCode(403);
    }
}
