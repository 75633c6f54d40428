package io.tidewatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.phishdoor.PhishDoor;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.DoorClient;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * Campaign events reach the tenant's active webhooks, signed as Gophish signs them, off the request that produced
 * them: a whole campaign through GreenMail and the phishing door, retries after failures, tenant isolation, inactive
 * webhooks.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class WebhookDeliveryTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestMaterials materials;

    @Inject
    PhishDoor door;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @GreenMailResource.Inject
    GreenMail greenMail;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void deliversEveryEventOfACampaignSignedAsGophishDoes() throws Exception {
        Tenant tenant = Fixtures.tenant("Hooked", 50);
        try (Receiver receiver = new Receiver()) {
            long hook = webhook(tenant, receiver.url("/siem"), "s3cr3t-key", true);
            TargetMaterial target = CampaignFixtures.targets(1).get(0);
            Kit kit = CampaignFixtures.kit(materials, tenant, smtp(), List.of(target));
            long before = auditEntries(tenant);
            long id = kit.launch("http://127.0.0.1:" + door.port() + "/login");
            String rid = CampaignFixtures.awaitSettled(tenant, id, PATIENCE).getString("results[0].id");
            assertThat(List.of(greenMail.getReceivedMessages())).anySatisfy(m -> assertThat(
                    ((InternetAddress) m.getAllRecipients()[0]).getAddress()).isEqualTo(target.email()));

            assertThat(door("GET", "/login/track?rid=" + rid, null).statusCode()).isEqualTo(200);
            assertThat(door("GET", "/login?rid=" + rid, null).statusCode()).isEqualTo(200);
            assertThat(door("POST", "/login", "rid=" + rid + "&username=ana&password=hunter2").statusCode())
                    .isEqualTo(200);
            assertThat(door("GET", "/report?rid=" + rid, null).statusCode()).isEqualTo(204);

            Waiting.until("six events at the receiver", PATIENCE, () -> receiver.hits("/siem").size() >= 6);
            List<Receiver.Hit> hits = receiver.hits("/siem");
            JsonPath results = CampaignFixtures.results(tenant, id);
            List<Map<String, Object>> timeline = results.getList("timeline");
            assertThat(hits).hasSize(timeline.size());
            assertThat(hits).extracting(h -> message(h)).containsExactlyInAnyOrder("Campaign Created", "Email Sent",
                    "Email Opened", "Clicked Link", "Submitted Data", "Email Reported");
            for (Receiver.Hit hit : hits) {
                assertThat(hit.contentType()).isEqualTo("application/json");
                assertThat(hit.signature()).isEqualTo(
                        WebhookSignature.sign(hit.body().getBytes(StandardCharsets.UTF_8), "s3cr3t-key"));
                JsonNode body = json.readTree(hit.body());
                assertThat(fieldNames(body)).containsExactly("campaign_id", "email", "time", "message", "details");
                Map<String, Object> event = timeline.stream()
                        .filter(e -> e.get("message").equals(body.get("message").asText())).findFirst().orElseThrow();
                assertThat(body.get("campaign_id").asLong()).isEqualTo(id);
                assertThat(body.get("email").asText()).isEqualTo(event.get("email"));
                assertThat(body.get("time").asText()).isEqualTo(event.get("time"));
                assertThat(body.get("details").isTextual()).isTrue();
                assertThat(body.get("details").asText()).isEqualTo(event.get("details"));
            }
            assertThat(hits).noneMatch(h -> h.body().contains("hunter2"));
            Waiting.until("the outbox is empty", PATIENCE, () -> outbox(tenant) == 0);
            assertThat(auditEntries(tenant) - before).as("the launch is audited, the deliveries are not").isEqualTo(1);
            assertThat(AuditRows.count(dataSource, tenant.id(), "campaign.create", id)).isEqualTo(1);
            assertThat(AuditRows.count(dataSource, tenant.id(), "webhook.create", hook)).isEqualTo(1);
        }
    }

    @Test
    void retriesAReceiverThatFailsTwiceAndDeliversTheSameSignedBody() throws Exception {
        Tenant tenant = Fixtures.tenant("Flaky receiver", 50);
        Map<String, Integer> seen = new HashMap<>();
        try (Receiver receiver = new Receiver().answering(body -> {
            synchronized (seen) {
                return seen.merge(body, 1, Integer::sum) <= 2 ? 500 : 200;
            }
        })) {
            webhook(tenant, receiver.url("/flaky"), "retry-secret", true);
            long id = CampaignFixtures.kit(materials, tenant, smtp(), CampaignFixtures.targets(1))
                    .launch("http://phish.example.test/");
            Waiting.until("both events delivered after two failures each", PATIENCE,
                    () -> receiver.hits("/flaky").stream().filter(h -> h.status() == 200).count() == 2);
            Map<String, List<Receiver.Hit>> byBody = receiver.hits("/flaky").stream()
                    .collect(Collectors.groupingBy(Receiver.Hit::body));
            assertThat(byBody).hasSize(2);
            for (List<Receiver.Hit> attempts : byBody.values()) {
                assertThat(attempts).extracting(Receiver.Hit::status).containsExactly(500, 500, 200);
                assertThat(attempts).extracting(Receiver.Hit::signature).containsOnly(attempts.get(0).signature());
                assertThat(Duration.between(attempts.get(0).at(), attempts.get(2).at()))
                        .as("backed off: 200 ms, then 400 ms").isGreaterThanOrEqualTo(Duration.ofMillis(550));
            }
            assertThat(byBody.keySet()).allMatch(b -> b.contains("\"campaign_id\":" + id + ","));
            Waiting.until("the outbox is empty", PATIENCE, () -> outbox(tenant) == 0);
        }
    }

    @Test
    void marksADeliveryFailedWhenTheReceiverNeverAccepts() throws Exception {
        Tenant tenant = Fixtures.tenant("Dead receiver", 50);
        try (Receiver receiver = new Receiver().answering(body -> 302)) {
            webhook(tenant, receiver.url("/moved"), "", true);
            CampaignFixtures.kit(materials, tenant, smtp(), CampaignFixtures.targets(1))
                    .launch("http://phish.example.test/");
            Waiting.until("every delivery is marked failed", Duration.ofMinutes(2),
                    () -> failed(tenant) == 2 && outbox(tenant) == 2);
            assertThat(receiver.hits("/moved")).hasSizeLessThanOrEqualTo(2 * 4);
            assertThat(lastError(tenant)).isEqualTo("redirect refused: http status 302");
        }
    }

    @Test
    void aTenantsWebhookNeverReceivesAnotherTenantsEvents() throws Exception {
        Tenant a = Fixtures.tenant("Tenant A", 50);
        Tenant b = Fixtures.tenant("Tenant B", 50);
        try (Receiver receiver = new Receiver()) {
            webhook(a, receiver.url("/a"), "secret-a", true);
            webhook(b, receiver.url("/b"), "secret-b", true);
            List<TargetMaterial> targetsA = CampaignFixtures.targets(2);
            List<TargetMaterial> targetsB = CampaignFixtures.targets(3);
            CampaignFixtures.kit(materials, a, smtp(), targetsA).launch("http://phish.example.test/");
            CampaignFixtures.kit(materials, b, smtp(), targetsB).launch("http://phish.example.test/");
            Waiting.until("both tenants' events delivered", PATIENCE,
                    () -> receiver.hits("/a").size() >= 3 && receiver.hits("/b").size() >= 4);
            assertThat(emails(receiver.hits("/a"))).containsExactlyInAnyOrderElementsOf(addresses(targetsA));
            assertThat(emails(receiver.hits("/b"))).containsExactlyInAnyOrderElementsOf(addresses(targetsB));
            assertThat(receiver.hits("/a")).allMatch(h -> h.signature()
                    .equals(WebhookSignature.sign(h.body().getBytes(StandardCharsets.UTF_8), "secret-a")));
            assertThat(receiver.hits("/b")).allMatch(h -> h.signature()
                    .equals(WebhookSignature.sign(h.body().getBytes(StandardCharsets.UTF_8), "secret-b")));
        }
    }

    @Test
    void anInactiveWebhookReceivesNothing() throws Exception {
        Tenant tenant = Fixtures.tenant("Half hooked", 50);
        try (Receiver receiver = new Receiver()) {
            long on = webhook(tenant, receiver.url("/on"), "on", true);
            webhook(tenant, receiver.url("/off"), "off", false);
            long id = CampaignFixtures.kit(materials, tenant, smtp(), CampaignFixtures.targets(1))
                    .launch("http://phish.example.test/");
            Waiting.until("the active webhook got both events", PATIENCE, () -> receiver.hits("/on").size() >= 2);
            Map<String, Object> deactivate = WebhookApiTest.webhook(receiver.url("/on"));
            deactivate.put("secret", WebhookView.MASK);
            deactivate.put("is_active", false);
            tenant.asAdmin().body(deactivate).put("/api/webhooks/" + on).then().statusCode(200);
            tenant.asAdmin().get("/api/campaigns/" + id + "/complete").then().statusCode(200);
            CampaignFixtures.kit(materials, tenant, smtp(), CampaignFixtures.targets(1))
                    .launch("http://phish.example.test/");
            Thread.sleep(2000);
            assertThat(receiver.hits("/off")).isEmpty();
            assertThat(receiver.hits("/on")).hasSize(2);
            assertThat(outbox(tenant)).isZero();
        }
    }

    private static long webhook(Tenant tenant, String url, String secret, boolean active) {
        Map<String, Object> body = WebhookApiTest.webhook(url);
        body.put("secret", secret);
        body.put("is_active", active);
        return tenant.asAdmin().body(body).post("/api/webhooks/").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private String message(Receiver.Hit hit) {
        try {
            return json.readTree(hit.body()).get("message").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> emails(List<Receiver.Hit> hits) throws Exception {
        List<String> emails = new java.util.ArrayList<>();
        for (Receiver.Hit hit : hits) {
            String email = json.readTree(hit.body()).get("email").asText();
            if (!email.isEmpty()) {
                emails.add(email);
            }
        }
        return emails;
    }

    private static Set<String> addresses(List<TargetMaterial> targets) {
        return targets.stream().map(TargetMaterial::email).collect(Collectors.toSet());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> door(String method, String path, String form) {
        return new DoorClient(door.port()).send(method, path, form, BROWSER);
    }

    private String smtp() {
        return "127.0.0.1:" + greenMail.getSmtp().getPort();
    }

    private long auditEntries(Tenant tenant) {
        return count("SELECT COUNT(*) FROM tenant_" + tenant.id() + ".audit_entry");
    }

    private long outbox(Tenant tenant) {
        return count("SELECT COUNT(*) FROM tenant_" + tenant.id() + ".webhook_delivery");
    }

    private long failed(Tenant tenant) {
        return count("SELECT COUNT(*) FROM tenant_" + tenant.id() + ".webhook_delivery WHERE state = 'FAILED'");
    }

    private String lastError(Tenant tenant) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT MAX(last_error) FROM tenant_" + tenant.id()
                        + ".webhook_delivery");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
