package io.tidewatch.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/imap/}: Gophish's string-encoded numbers, messages and replace semantics; the password never leaves. */
@QuarkusTest
class ImapApiTest {

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> settings() {
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", true);
        body.put("host", "127.0.0.1");
        body.put("port", "993");
        body.put("username", "reports@northwind.example");
        body.put("password", "imap-secret");
        body.put("tls", true);
        body.put("folder", "");
        body.put("imap_freq", "10");
        return body;
    }

    @Test
    void savesAndListsSettingsWithoutThePassword() {
        Tenant tenant = Fixtures.tenant("Imap", 5);
        tenant.asAdmin().get("/api/imap/").then().statusCode(200).body("", hasSize(0));
        tenant.asAdmin().body(settings()).post("/api/imap/").then().statusCode(201)
                .body("success", equalTo(true)).body("message", equalTo("Successfully saved IMAP settings."));
        tenant.asAdmin().get("/api/imap").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].port", equalTo("993"))
                .body("[0].imap_freq", equalTo("60"))
                .body("[0].folder", equalTo("INBOX"))
                .body("[0].password", equalTo("********"))
                .body("[0].last_login", equalTo("0001-01-01T00:00:00Z"));
        String sealed = AuditRows.column(dataSource, tenant.id(), "imap_setting", "password_sealed", 1);
        assertThat(sealed).startsWith("v1:").doesNotContain("imap-secret");

        Map<String, Object> again = settings();
        again.put("password", "");
        again.put("imap_freq", "120");
        tenant.asAdmin().body(again).post("/api/imap/").then().statusCode(201);
        assertThat(AuditRows.column(dataSource, tenant.id(), "imap_setting", "password_sealed", 1)).isEqualTo(sealed);
        tenant.asAdmin().get("/api/imap/").then().body("[0].imap_freq", equalTo("120"));
        assertThat(AuditRows.count(dataSource, tenant.id(), "imap.save", 1)).isEqualTo(2);
    }

    @Test
    void rejectsNumbersWhereGophishWantsStrings() {
        Tenant tenant = Fixtures.tenant("Imap", 5);
        Map<String, Object> body = settings();
        body.put("port", 993);
        tenant.asAdmin().body(body).post("/api/imap/").then().statusCode(400)
                .body("message", equalTo("Invalid data. Please check your IMAP settings."));
        body.put("port", "99999");
        tenant.asAdmin().body(body).post("/api/imap/").then().statusCode(400)
                .body("message", equalTo("Invalid data. Please check your IMAP settings."));
    }

    @Test
    void answersGophishsValidationMessagesWith400() {
        Tenant tenant = Fixtures.tenant("Imap", 5);
        assertMessage(tenant, "host", "", "No IMAP Host specified");
        assertMessage(tenant, "port", null, "No IMAP Port specified");
        assertMessage(tenant, "username", "", "No Username specified");
        assertMessage(tenant, "password", "", "No Password specified");
        assertMessage(tenant, "host", "169.254.169.254",
                "Refusing to connect to 169.254.169.254: it resolves to a link-local, cloud-metadata or reserved address");
    }

    @Test
    void isForOrgAdminsOnly() {
        Tenant tenant = Fixtures.tenant("Imap", 5);
        Fixtures.Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@imap.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Api.as(operator.apiKey(), tenant.id()).get("/api/imap/").then().statusCode(403);
        Api.as(operator.apiKey(), tenant.id()).body(settings()).post("/api/imap/").then().statusCode(403);
        Api.as(operator.apiKey(), tenant.id()).body(settings()).post("/api/imap/validate").then().statusCode(403);
    }

    private static void assertMessage(Tenant tenant, String field, Object value, String message) {
        Map<String, Object> body = settings();
        body.put(field, value);
        tenant.asAdmin().body(body).post("/api/imap/").then().statusCode(400).body("message", equalTo(message));
    }
}
