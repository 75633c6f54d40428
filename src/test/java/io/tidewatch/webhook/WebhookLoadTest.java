package io.tidewatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignTracking;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.campaign.TrackingEvent;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * Webhooks under load: recording tracking batches stays cheap whether or not the organization has a webhook, and a
 * burst of events reaches the receiver, each exactly once when nothing fails. Figures are logged for the record.
 */
@QuarkusTest
class WebhookLoadTest {

    private static final int BATCHES = 40;
    private static final int PER_BATCH = 50;

    @Inject
    CampaignTracking tracking;

    @Inject
    TestMaterials materials;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBurstOfTrackingReachesTheReceiverWithoutSlowingTheWriter() throws Exception {
        Tenant plain = Fixtures.tenant("No hooks", 5);
        Tenant hooked = Fixtures.tenant("Hooked burst", 5);
        try (Receiver receiver = new Receiver()) {
            WebhookApiTestSupport.create(hooked, receiver.url("/burst"), true);
            Recipient quiet = launch(plain);
            Recipient loud = launch(hooked);
            Waiting.until("the launch events are delivered", Duration.ofSeconds(30),
                    () -> receiver.hits("/burst").size() >= 2);
            int before = receiver.hits("/burst").size();

            long plainNanos = record(plain, quiet);
            long hookedNanos = record(hooked, loud);
            Instant recorded = Instant.now();
            int events = BATCHES * PER_BATCH;
            Waiting.until("every event is delivered", Duration.ofSeconds(120),
                    () -> receiver.hits("/burst").size() >= before + events);
            long deliveredMillis = Duration.between(recorded, Instant.now()).toMillis();
            Log.infof("Webhook load: %d events in %d batches recorded in %d ms without a webhook, %d ms with one;"
                    + " all delivered %d ms after the last batch (%d events/s)", events, BATCHES,
                    plainNanos / 1_000_000, hookedNanos / 1_000_000, deliveredMillis,
                    events * 1000L / Math.max(1, deliveredMillis));
            List<String> bodies = receiver.hits("/burst").stream().map(Receiver.Hit::body).toList();
            List<String> repeated = bodies.stream().filter(b -> bodies.indexOf(b) != bodies.lastIndexOf(b)).toList();
            assertThat(bodies.stream().distinct().count()).as("every event arrived").isEqualTo(before + events);
            assertThat(repeated).as("no event arrived twice").isEmpty();
        }
    }

    private record Recipient(long campaignId, long resultId, String email) {
    }

    private Recipient launch(Tenant tenant) {
        long id = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(1))
                .launch("http://phish.example.test/");
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(30));
        return new Recipient(id, resultId(tenant, results.getString("results[0].id")), results.getString(
                "results[0].email"));
    }

    private long resultId(Tenant tenant, String rid) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT id FROM " + TenantSchemas.of(tenant.id()) + ".campaign_result WHERE rid = ?")) {
            select.setString(1, rid);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the tracking batches on another thread (tenant work starts its own unit of work); returns the time. */
    private long record(Tenant tenant, Recipient r) throws Exception {
        ExecutorService door = Executors.newSingleThreadExecutor();
        try {
            return door.submit(() -> {
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    List<TrackingEvent> batch = new ArrayList<>(PER_BATCH);
                    for (int i = 0; i < PER_BATCH; i++) {
                        batch.add(new TrackingEvent(r.campaignId(), r.resultId(), r.email(), TrackingEvent.Kind.OPENED,
                                Instant.now(), "127.0.0.1", "{\"n\":" + (b * PER_BATCH + i) + "}", false));
                    }
                    tracking.record(tenant.id(), batch);
                }
                return System.nanoTime() - start;
            }).get();
        } finally {
            door.shutdownNow();
        }
    }
}
