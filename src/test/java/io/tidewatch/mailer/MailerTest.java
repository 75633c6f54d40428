package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignDelivery;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.DueWork;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.campaign.internal.ResultRows;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * The mailer against a scripted SMTP server: fast first send, retries on 4xx, Error on 5xx without stopping the
 * batch, no resend when the outcome is unknown, exclusive claims, and recovery after a crash without duplicates.
 */
@QuarkusTest
class MailerTest {

    private static final String URL = "http://phish.example.test/";

    @Inject
    TestMaterials materials;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    MailerConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CampaignDelivery delivery;

    @Inject
    TenantWork tenantWork;

    private final ScriptedSmtp smtp = ScriptedSmtp.shared();
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    @Test
    void sendsTheFirstMessageWithinTwoSecondsOfLaunch() {
        List<TargetMaterial> one = CampaignFixtures.targets(1);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), one);
        long start = System.nanoTime();
        kit.launch(URL);
        Waiting.until("the first message arrived", Duration.ofSeconds(5),
                () -> !smtp.deliveredTo(one.get(0).email()).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void sendsOverAReusedConnectionWithoutProbingItBeforeEachMessage() {
        long before = smtp.noops();
        List<TargetMaterial> targets = CampaignFixtures.targets(5);
        long id = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(15));
        assertThat(results.getList("results.status")).containsOnly("Email Sent");
        assertThat(smtp.noops() - before).isZero();
    }

    @Test
    void retriesATemporaryFailureAndDeliversOnce() {
        List<TargetMaterial> targets = CampaignFixtures.targets(2);
        smtp.script(targets.get(0).email(), "451 4.3.0 try again later");
        long id = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(15));
        assertThat(results.getList("results.status")).containsOnly("Email Sent");
        assertThat(smtp.deliveredTo(targets.get(0).email())).hasSize(1);
        List<Map<String, Object>> timeline = results.getList("timeline");
        assertThat(timeline).filteredOn(e -> targets.get(0).email().equals(e.get("email")))
                .extracting(e -> e.get("message")).containsExactly("Error Sending Email", "Email Sent");
        assertThat(timeline).filteredOn(e -> "Error Sending Email".equals(e.get("message")))
                .extracting(e -> (String) e.get("details")).allMatch(d -> d.startsWith("{\"error\":") && d.contains("451"));
    }

    @Test
    void marksEveryRecipientErrorWhenTheStoredTemplateCannotBeRenderedInsteadOfLeavingThemSending() {
        List<TargetMaterial> targets = CampaignFixtures.targets(2);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets);
        String deep = "{{if .URL}}".repeat(60_000) + "x" + "{{end}}".repeat(60_000);
        Kit hostile = new Kit(tenant, materials.template(tenant.id(), "Deep " + Fixtures.unique(), "Hi", "", deep, "",
                List.of()), kit.page(), kit.profile(), kit.group());
        long id = hostile.launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(15));
        assertThat(results.getList("results.status")).containsOnly("Error");
        for (TargetMaterial t : targets) {
            assertThat(smtp.deliveredTo(t.email())).isEmpty();
        }
    }

    @Test
    void marksAPermanentFailureErrorWithoutStoppingTheBatch() {
        List<TargetMaterial> targets = CampaignFixtures.targets(5);
        smtp.script(targets.get(1).email(), "550 5.1.1 no such user");
        long id = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        assertThat(results.getList("results.status")).containsExactly("Email Sent", "Error", "Email Sent", "Email Sent",
                "Email Sent");
        for (TargetMaterial t : targets) {
            assertThat(smtp.deliveredTo(t.email())).hasSize(t == targets.get(1) ? 0 : 1);
        }
        tenant.asAdmin().get("/api/campaigns/" + id + "/summary").then().statusCode(200)
                .body("stats.sent", org.hamcrest.Matchers.equalTo(4)).body("stats.error", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void neverResendsWhenTheConnectionDropsAfterTheContentWasSent() throws InterruptedException {
        List<TargetMaterial> targets = CampaignFixtures.targets(1);
        smtp.script(targets.get(0).email(), ScriptedSmtp.DROP_AFTER_DATA);
        long id = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        assertThat(results.getString("results[0].status")).isEqualTo("Error");
        assertThat(results.getString("timeline[1].details")).contains("not resent");
        Thread.sleep(2500);
        assertThat(smtp.transmittedTo(targets.get(0).email())).isEqualTo(1);
    }

    @Test
    void retriesWhenTheConnectionDropsBeforeTheContent() {
        List<TargetMaterial> targets = CampaignFixtures.targets(1);
        smtp.script(targets.get(0).email(), ScriptedSmtp.DROP_AT_RCPT);
        long id = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(15));
        assertThat(results.getString("results[0].status")).isEqualTo("Email Sent");
        assertThat(smtp.deliveredTo(targets.get(0).email())).hasSize(1);
    }

    @Test
    void twoTransactionsNeverClaimTheSameResult() throws Exception {
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), CampaignFixtures.targets(6));
        Map<String, Object> body = kit.body(URL);
        body.put("launch_date", Instant.now().plus(Duration.ofHours(1)).toString());
        long id = kit.launch(body);
        Instant later = Instant.now().plus(Duration.ofHours(2));
        try (Connection first = tenantConnection(); Connection second = tenantConnection()) {
            List<ClaimedMessage> a = ResultRows.claim(first, id, "instance-a", 4, later);
            List<ClaimedMessage> b = ResultRows.claim(second, id, "instance-b", 4, later);
            Set<Long> ids = new HashSet<>();
            a.forEach(m -> ids.add(m.resultId()));
            b.forEach(m -> ids.add(m.resultId()));
            assertThat(a).hasSize(4);
            assertThat(b).hasSize(2);
            assertThat(ids).hasSize(6);
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void recoversFromACrashWithoutSendingAnythingTwice() {
        List<TargetMaterial> targets = CampaignFixtures.targets(12);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets);
        dispatcher.pause(true);
        long id;
        List<ClaimedMessage> claimedOnly;
        List<ClaimedMessage> sentUnrecorded;
        try {
            id = kit.launch(URL);
            DueWork work = new DueWork(tenant.id(), id, Instant.now());
            claimedOnly = offThread(() -> dispatcher.claim(work, 4));
            sentUnrecorded = offThread(() -> dispatcher.claim(work, 4));
            offThread(() -> {
                dispatcher.sendBatch(work, sentUnrecorded, true);
                return null;
            });
            assertThat(claimedOnly).hasSize(4);
            assertThat(sentUnrecorded).hasSize(4);
            CampaignDelivery.Settlement early = offThread(() -> dispatcher.settle(work, Instant.now()));
            assertThat(early.expiredClaims()).isZero();
            CampaignDelivery.Settlement late = offThread(
                    () -> dispatcher.settle(work, Instant.now().plus(config.lease()).plusSeconds(1)));
            assertThat(late.expiredClaims()).isEqualTo(8);
        } finally {
            dispatcher.pause(false);
        }
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        List<String> crashed = new ArrayList<>();
        claimedOnly.forEach(m -> crashed.add(m.email()));
        sentUnrecorded.forEach(m -> crashed.add(m.email()));
        List<Map<String, Object>> rows = results.getList("results");
        for (Map<String, Object> row : rows) {
            String email = (String) row.get("email");
            assertThat(row.get("status")).as(email).isEqualTo(crashed.contains(email) ? "Error" : "Email Sent");
            long expected = claimedOnly.stream().anyMatch(m -> m.email().equals(email)) ? 0 : 1;
            assertThat(smtp.transmittedTo(email)).as("messages to %s", email).isEqualTo(expected);
        }
        assertThat(results.getList("timeline.details", String.class))
                .filteredOn(d -> d.contains(CampaignDelivery.UNKNOWN_OUTCOME)).hasSize(8);
    }

    @Test
    void shutdownFinishesTheMessageInFlightAndPutsTheRestOfTheBatchBack() {
        List<TargetMaterial> targets = CampaignFixtures.targets(8);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp.hostPort(), targets);
        dispatcher.pause(true);
        long id;
        List<ClaimedMessage> batch;
        try {
            id = kit.launch(URL);
            DueWork work = new DueWork(tenant.id(), id, Instant.now());
            batch = offThread(() -> dispatcher.claim(work, 6));
            assertThat(batch).hasSize(6);
            // Shutdown begins while the third message is going out: it finishes, the other three go back.
            offThread(() -> {
                dispatcher.sendBatchShuttingDownAfter(work, batch, 3);
                return null;
            });
            Map<String, Long> counts = offThread(() -> statusCounts(id));
            assertThat(counts).containsEntry("Email Sent", 3L);
            // What went back is claimable again, with the two never claimed: by another replica, or this one later.
            List<ClaimedMessage> again = offThread(() -> dispatcher.claim(work, 10));
            assertThat(again).extracting(ClaimedMessage::resultId)
                    .containsAll(batch.subList(3, 6).stream().map(ClaimedMessage::resultId).toList()).hasSize(5)
                    .doesNotContainAnyElementsOf(batch.subList(0, 3).stream().map(ClaimedMessage::resultId).toList());
            offThread(() -> {
                dispatcher.sendBatch(work, again, false);
                return null;
            });
        } finally {
            dispatcher.pause(false);
        }
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        assertThat(results.getList("results.status")).containsOnly("Email Sent").hasSize(8);
        for (TargetMaterial t : targets) {
            assertThat(smtp.transmittedTo(t.email())).as("messages to %s", t.email()).isEqualTo(1);
        }
        assertThat(results.getList("timeline.message")).filteredOn("Email Sent"::equals).hasSize(8);
    }

    @Test
    void backsOffExponentially() {
        assertThat(dispatcher.backoff(1)).isEqualTo(config.backoffBase());
        assertThat(dispatcher.backoff(3)).isEqualTo(config.backoffBase().multipliedBy(4));
        assertThat(dispatcher.backoff(20)).isEqualTo(config.backoffBase().multipliedBy(128));
    }

    /** Runs mailer work on a thread of its own, as the mailer does: outside any request context. */
    private static <T> T offThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> statusCounts(long campaignId) {
        return tenantWork.call(tenant.id(), () -> delivery.statusCounts(campaignId));
    }

    private Connection tenantConnection() throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        c.setSchema(TenantSchemas.of(tenant.id()));
        return c;
    }
}
