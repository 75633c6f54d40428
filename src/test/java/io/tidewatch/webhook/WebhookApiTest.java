package io.tidewatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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

/** {@code /api/webhooks/}: org admins only, secrets sealed and never returned, validate signs its test payload. */
@QuarkusTest
class WebhookApiTest {

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> webhook(String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "SIEM");
        body.put("url", url);
        body.put("secret", "hook-secret");
        body.put("is_active", true);
        return body;
    }

    @Test
    void keepsTheSecretSealedAndValidatesWithASignedPayload() {
        // Regression: under load the second validate used to fail with "connection failed". The client set a body
        // handler on the response in a callback that may run after a short response (204, an empty 404) has ended,
        // and Vert.x refuses that with a bare IllegalStateException; validate now reads only the status. The receiver
        // also keeps what it got in a thread-safe list (an ArrayList was shared with the JDK server's thread).
        try (Receiver receiver = new Receiver().answering(body -> 204)) {
            Tenant tenant = Fixtures.tenant("Hooks", 5);
            String url = receiver.url("/hook");
            long id = tenant.asAdmin().body(webhook(url)).post("/api/webhooks/").then().statusCode(201)
                    .body("secret", equalTo("********")).body("is_active", equalTo(true))
                    .extract().jsonPath().getLong("id");
            assertThat(AuditRows.column(dataSource, tenant.id(), "webhook", "secret_sealed", id)).startsWith("v1:");
            tenant.asAdmin().post("/api/webhooks/" + id + "/validate").then().statusCode(200).body("id",
                    equalTo((int) id));
            assertThat(receiver.hits()).extracting(h -> h.signature() + " " + h.body()).containsExactly(
                    WebhookSignature.sign("{\"success\":true}".getBytes(StandardCharsets.UTF_8), "hook-secret")
                            + " {\"success\":true}");

            receiver.answering(body -> 404);
            Map<String, Object> update = webhook(url + "?fail=1");
            update.put("secret", "********");
            update.put("id", 999_999);
            tenant.asAdmin().body(update).put("/api/webhooks/" + id).then().statusCode(200).body("id", equalTo((int) id));
            tenant.asAdmin().post("/api/webhooks/" + id + "/validate").then().statusCode(400)
                    .body("message", equalTo("http status of response: 404 Not Found"));
            assertThat(receiver.hits()).extracting(Receiver.Hit::query).containsExactly(null, "fail=1");
            tenant.asAdmin().urlEncodingEnabled(false).delete("/api/webhooks//" + id).then().statusCode(200)
                    .body("message", equalTo("Webhook deleted Successfully!"));
            tenant.asAdmin().get("/api/webhooks/" + id).then().statusCode(404).body("message", equalTo("Webhook not found"));
            assertThat(AuditRows.count(dataSource, tenant.id(), "webhook.validate", id)).isEqualTo(2);
        }
    }

    @Test
    void validatesManyTimesInARowOverReusedConnections() {
        try (Receiver receiver = new Receiver()) {
            Tenant tenant = Fixtures.tenant("Hooks", 5);
            long id = tenant.asAdmin().body(webhook(receiver.url("/again"))).post("/api/webhooks/").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            for (int i = 0; i < 25; i++) {
                tenant.asAdmin().post("/api/webhooks/" + id + "/validate").then().statusCode(200);
            }
            assertThat(receiver.hits("/again")).hasSize(25);
        }
    }

    @Test
    void refusesToValidateAgainstARedirectOrAnUnreachableEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Tenant tenant = Fixtures.tenant("Hooks", 5);
        long id = tenant.asAdmin().body(webhook("http://127.0.0.1:" + closedPort + "/gone")).post("/api/webhooks/")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        tenant.asAdmin().post("/api/webhooks/" + id + "/validate").then().statusCode(400)
                .body("message", containsString("Could not reach 127.0.0.1"));
    }

    @Test
    void answersGophishsValidationMessages() {
        Tenant tenant = Fixtures.tenant("Hooks", 5);
        tenant.asAdmin().body(Map.of("name", "x")).post("/api/webhooks/").then().statusCode(400)
                .body("message", equalTo("URL can't be empty"));
        tenant.asAdmin().body(Map.of("url", "https://siem.example/hook")).post("/api/webhooks/").then().statusCode(400)
                .body("message", equalTo("Name can't be empty"));
        tenant.asAdmin().body(webhook("ftp://siem.example/")).post("/api/webhooks/").then().statusCode(400)
                .body("message", equalTo("url: must be an absolute http or https URL"));
        tenant.asAdmin().body(webhook("http://169.254.169.254/latest/meta-data")).post("/api/webhooks/").then()
                .statusCode(400).body("message", containsString("Refusing to connect"));
    }

    @Test
    void isForOrgAdminsOnly() {
        Tenant tenant = Fixtures.tenant("Hooks", 5);
        Fixtures.Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@hooks.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Api.as(operator.apiKey(), tenant.id()).get("/api/webhooks/").then().statusCode(403);
    }
}
