package io.tidewatch.sendingprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/smtp/}: validation in Gophish's words, passwords sealed and never returned. */
@QuarkusTest
class SendingProfileApiTest {

    static Tenant tenant;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    static Map<String, Object> profile(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("interface_type", "SMTP");
        body.put("host", "smtp.example.com:587");
        body.put("username", "mailer");
        body.put("password", "s3cret-pass");
        body.put("from_address", "it@northwind.example");
        body.put("ignore_cert_errors", false);
        body.put("modified_date", "2026-12-04T15:34:47.868104+00:00");
        body.put("headers", List.of(Map.of("key", "X-Campaign", "value", "{{.RId}}")));
        return body;
    }

    @Test
    void neverReturnsThePasswordAndStoresItSealed() {
        long id = tenant.asAdmin().body(profile("Relay " + Fixtures.unique())).post("/api/smtp/").then()
                .statusCode(201)
                .body("password", equalTo("********"))
                .body("headers", hasSize(1))
                .body("headers[0].key", equalTo("X-Campaign"))
                .extract().jsonPath().getLong("id");
        String stored = AuditRows.column(dataSource, tenant.id(), "sending_profile", "password_sealed", id);
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret-pass");
        assertThat(tenant.asAdmin().get("/api/smtp/").asString()).doesNotContain("s3cret-pass");

        Map<String, Object> update = profile("Relay " + Fixtures.unique());
        update.put("id", id);
        update.put("password", "********");
        tenant.asAdmin().body(update).put("/api/smtp/" + id).then().statusCode(200);
        assertThat(AuditRows.column(dataSource, tenant.id(), "sending_profile", "password_sealed", id)).isEqualTo(stored);

        update.put("username", "");
        tenant.asAdmin().body(update).put("/api/smtp/" + id).then().statusCode(200)
                .body("$", not(hasKey("password"))).body("$", not(hasKey("username")));
        tenant.asAdmin().urlEncodingEnabled(false).delete("/api/smtp//" + id).then().statusCode(200)
                .body("message", equalTo("SMTP Deleted Successfully"));
        tenant.asAdmin().get("/api/smtp/" + id).then().statusCode(404).body("message", equalTo("SMTP not found"));
        assertThat(AuditRows.count(dataSource, tenant.id(), "sending_profile.update", id)).isEqualTo(2);
    }

    @Test
    void answersGophishsValidationMessagesWith400() {
        assertMessage(Map.of("from_address", ""), "No From Address specified");
        assertMessage(Map.of("host", ""), "No SMTP Host specified");
        assertMessage(Map.of("from_address", "IT <it@northwind.example>"),
                "Invalid SMTP From address because it is not an email address");
        assertMessage(Map.of("from_address", "it@northwind"), "Invalid SMTP From address because it is not an email address");
        assertMessage(Map.of("host", "a:b:c"), "Invalid SMTP server address");
        assertMessage(Map.of("host", "smtp.example.com:smtp"), "Invalid SMTP server address");
        assertMessage(Map.of("host", "smtp.example.com:70000"), "Invalid SMTP server address");
        assertMessage(Map.of("headers", List.of(Map.of("key", "Bad Header", "value", "x"))),
                "headers[0].key: not a valid header name");
        assertMessage(Map.of("headers", List.of(Map.of("key", "X-Id", "value", "{{.Nope}}"))),
                "unknown variable {{.Nope}} (headers[0].value, line 1)");
        assertMessage(Map.of("headers", List.of(Map.of("key", "X-Id", "value", "a\r\nBcc: victim@x.test"))),
                "headers[0].value: must be a single line");
        assertMessage(Map.of("host", "169.254.169.254:25"),
                "Refusing to connect to 169.254.169.254: it resolves to a link-local, cloud-metadata or reserved address");
        tenant.asAdmin().body("[1,2").post("/api/smtp/").then().statusCode(400).body("message", equalTo("Invalid request"));
    }

    @Test
    void acceptsAHostWithoutPortAndRefusesDuplicateNames() {
        Map<String, Object> body = profile("Port " + Fixtures.unique());
        body.put("host", "smtp.example.com");
        tenant.asAdmin().body(body).post("/api/smtp/").then().statusCode(201).body("host", equalTo("smtp.example.com"));
        tenant.asAdmin().body(body).post("/api/smtp/").then().statusCode(409)
                .body("message", equalTo("SMTP name already in use"));
    }

    @Test
    void letsOnlyOrgAdminsWrite() {
        Fixtures.Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Api.as(operator.apiKey(), tenant.id()).body(profile("Op " + Fixtures.unique())).post("/api/smtp/").then()
                .statusCode(403);
        Api.as(operator.apiKey(), tenant.id()).get("/api/smtp/").then().statusCode(200);
    }

    private static void assertMessage(Map<String, Object> override, String message) {
        Map<String, Object> body = profile("V " + Fixtures.unique());
        body.putAll(override);
        tenant.asAdmin().body(body).post("/api/smtp/").then().statusCode(400).body("message", equalTo(message));
    }
}
