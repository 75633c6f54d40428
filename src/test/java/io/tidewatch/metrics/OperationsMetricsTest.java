package io.tidewatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.phishdoor.PhishDoor;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * Prometheus metrics at /q/metrics after a real campaign: e-mail outcomes and tracking events counted per
 * organization id, the mail queue depth, and nothing that identifies a person.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");

    @Inject
    TestMaterials materials;

    @Inject
    PhishDoor door;

    private Tenant tenant;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = Fixtures.tenant("Metrics " + Fixtures.unique(), 50);
        }
    }

    @Test
    void countsEmailOutcomesAndTrackingEventsPerOrganizationWithoutPersonalData() {
        List<TargetMaterial> targets = CampaignFixtures.targets(3);
        String accepted = targets.get(0).email();
        String refused = targets.get(1).email();
        String deferred = targets.get(2).email();
        ScriptedSmtp smtp = ScriptedSmtp.shared();
        smtp.script(refused, "550 5.1.1 no such mailbox");
        smtp.script(deferred, "451 4.3.0 try again later");
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets);
        long campaignId = kit.launch("http://phish.example.test/login");
        JsonPath results = CampaignFixtures.awaitSettled(tenant, campaignId, Duration.ofSeconds(20));
        String rid = results.getList("results", Map.class).stream().filter(r -> accepted.equals(r.get("email")))
                .map(r -> (String) r.get("id")).findFirst().orElseThrow();

        assertThat(openPixel(rid)).isEqualTo(200);

        Waiting.until("the open is counted", Duration.ofSeconds(10),
                () -> sample(scrape(), "tidewatch_tracking_events_total", "type", "opened") >= 1);
        String metrics = scrape();
        assertThat(sample(metrics, "tidewatch_emails_total", "outcome", "sent")).isEqualTo(2);
        assertThat(sample(metrics, "tidewatch_emails_total", "outcome", "retrying")).isEqualTo(1);
        assertThat(sample(metrics, "tidewatch_emails_total", "outcome", "error")).isEqualTo(1);
        assertThat(sample(metrics, "tidewatch_tracking_events_total", "type", "opened")).isEqualTo(1);
        assertThat(sample(metrics, "tidewatch_tracking_events_total", "type", "clicked")).isZero();
        assertThat(metrics).doesNotContain(accepted, refused, deferred, tenant.slug());
        Matcher address = EMAIL_ADDRESS.matcher(metrics);
        assertThat(address.find()).as("an e-mail address in /q/metrics: %s", address.find() ? address.group() : "")
                .isFalse();
    }

    @Test
    void reportsTheMailWaitingToBeSent() {
        Kit kit = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(4));
        Map<String, Object> later = kit.body("http://phish.example.test/login");
        later.put("launch_date", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        long campaignId = kit.launch(later);

        Waiting.until("the queue depth counts the scheduled campaign", Duration.ofSeconds(30),
                () -> gauge(scrape(), "tidewatch_mail_queue_depth_messages") >= 4);
        assertThat(scrape()).contains("tidewatch_mail_queue_depth_messages");
        tenant.asAdmin().delete("/api/campaigns/" + campaignId).then().statusCode(200);
    }

    private String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series {@code name} with this organization's id and {@code key="value"}; 0 when absent. */
    private double sample(String metrics, String name, String key, String value) {
        String organization = "organization=\"" + tenant.id() + "\"";
        String label = key + "=\"" + value + "\"";
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(organization) && l.contains(label))
                .mapToDouble(OperationsMetricsTest::value).sum();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(OperationsMetricsTest::value).findFirst().orElse(-1);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private int openPixel(String rid) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + "/track?rid=" + rid))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0").GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
