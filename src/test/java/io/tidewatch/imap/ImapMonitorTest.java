package io.tidewatch.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.imap.MonitorHarness.Sent;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/**
 * The IMAP monitor against a real IMAP server (GreenMail): campaign e-mail reported to the tenant's mailbox, forwarded
 * inline or as an attachment, marks the recipient reported with a timeline event; the mailbox settings decide which
 * senders count, whether reported e-mail is deleted, and whether the mailbox is read at all.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ImapMonitorTest {

    @Inject
    TestMaterials materials;

    @Inject
    ImapMonitor monitor;

    @GreenMailResource.Inject
    GreenMail greenMail;

    private MonitorHarness harness;

    @BeforeEach
    void setUp() {
        harness = new MonitorHarness(greenMail, materials, monitor);
    }

    @Test
    void marksCampaignEmailReportedInlineAsAnAttachmentOrAsAnEmlFile() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String mailbox = harness.mailbox(tenant, Map.of());
        Sent sent = harness.campaign(tenant, 4);
        String employee = "ana@" + tenant.slug() + ".test";
        harness.deliver(mailbox, ReportMails.inline(employee, mailbox,
                "---------- Forwarded message ----------\n" + body(sent.messages().get(0))));
        harness.deliver(mailbox, ReportMails.attached(employee, mailbox, sent.messages().get(1)));
        harness.deliver(mailbox, ReportMails.eml(employee, mailbox, sent.messages().get(2)));

        assertThat(harness.poll()).isGreaterThanOrEqualTo(1);

        JsonPath results = MonitorHarness.results(sent);
        for (int i = 0; i < 3; i++) {
            assertThat(results.getBoolean("results[" + i + "].reported")).as("recipient %d", i).isTrue();
            assertThat(results.getString("results[" + i + "].status")).isEqualTo("Email Sent");
            assertThat(MonitorHarness.timeline(sent, i)).containsExactly("Email Sent", "Email Reported");
        }
        assertThat(results.getBoolean("results[3].reported")).isFalse();
        assertThat(MonitorHarness.timeline(sent, 3)).containsExactly("Email Sent");
        assertThat(results.getList("timeline.details")).contains("{\"payload\":null,\"browser\":null}");
        tenant.asAdmin().get("/api/campaigns/" + sent.campaignId() + "/summary").then().statusCode(200)
                .body("stats.email_reported", equalTo(3));
        assertThat(harness.flags(mailbox)).hasSize(3).allMatch(f -> f.contains(Flags.Flag.SEEN))
                .noneMatch(f -> f.contains(Flags.Flag.DELETED));
        tenant.asAdmin().get("/api/imap/").then().statusCode(200)
                .body("[0].last_login", not(equalTo("0001-01-01T00:00:00Z")));
    }

    @Test
    void readsEachMessageOnceAndSetsAsideMailThatIsNoCampaignEmail() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String mailbox = harness.mailbox(tenant, Map.of());
        Sent sent = harness.campaign(tenant, 1);
        harness.deliver(mailbox, ReportMails.inline("ana@" + tenant.slug() + ".test", mailbox,
                "Is this real? https://news.example.test/?id=1&rid=Unknwn1"));
        harness.deliver(mailbox, ReportMails.attached("ana@" + tenant.slug() + ".test", mailbox, sent.messages().get(0)));

        harness.poll();
        harness.poll();

        assertThat(MonitorHarness.timeline(sent, 0)).containsExactly("Email Sent", "Email Reported");
        assertThat(harness.flags(mailbox)).hasSize(2).allMatch(f -> f.contains(Flags.Flag.SEEN));
    }

    @Test
    void countsOnlyReportsFromTheRestrictedDomain() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String mailbox = harness.mailbox(tenant, Map.of("restrict_domain", tenant.slug() + ".test"));
        Sent sent = harness.campaign(tenant, 2);
        harness.deliver(mailbox, ReportMails.attached("mallory@elsewhere.example", mailbox, sent.messages().get(0)));
        harness.deliver(mailbox, ReportMails.attached("Ana <ana@" + tenant.slug().toUpperCase(java.util.Locale.ROOT)
                + ".TEST>", mailbox, sent.messages().get(1)));

        harness.poll();

        JsonPath results = MonitorHarness.results(sent);
        assertThat(results.getBoolean("results[0].reported")).isFalse();
        assertThat(results.getBoolean("results[1].reported")).isTrue();
        assertThat(MonitorHarness.timeline(sent, 0)).containsExactly("Email Sent");
    }

    @Test
    void deletesReportedCampaignEmailWhenTheSettingsAskAndKeepsTheRest() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String mailbox = harness.mailbox(tenant, Map.of("delete_reported_campaign_email", true));
        Sent sent = harness.campaign(tenant, 1);
        harness.deliver(mailbox, ReportMails.inline("ana@" + tenant.slug() + ".test", mailbox, "Lunch on Friday?"));
        harness.deliver(mailbox, ReportMails.eml("ana@" + tenant.slug() + ".test", mailbox, sent.messages().get(0)));

        harness.poll();

        assertThat(MonitorHarness.results(sent).getBoolean("results[0].reported")).isTrue();
        assertThat(harness.flags(mailbox)).hasSize(1).allMatch(f -> f.contains(Flags.Flag.SEEN));
    }

    @Test
    void leavesADisabledMailboxAlone() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String mailbox = harness.mailbox(tenant, Map.of("enabled", false));
        Sent sent = harness.campaign(tenant, 1);
        harness.deliver(mailbox, ReportMails.attached("ana@" + tenant.slug() + ".test", mailbox, sent.messages().get(0)));

        harness.poll();

        assertThat(MonitorHarness.results(sent).getBoolean("results[0].reported")).isFalse();
        assertThat(harness.flags(mailbox)).hasSize(1).noneMatch(f -> f.contains(Flags.Flag.SEEN));
        tenant.asAdmin().get("/api/imap/").then().body("[0].last_login", equalTo("0001-01-01T00:00:00Z"));
    }

    private static String body(MimeMessage message) throws Exception {
        return ReportMails.bytes(message).length > 0 ? new String(ReportMails.bytes(message),
                java.nio.charset.StandardCharsets.UTF_8) : "";
    }
}
