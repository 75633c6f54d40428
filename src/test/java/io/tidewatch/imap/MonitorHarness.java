package io.tidewatch.imap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * What the monitor tests share: a reporting mailbox per tenant on GreenMail, campaigns sent through GreenMail (so the
 * reported e-mail is the one the recipient really got), and passes of the monitor at a test clock that moves an hour
 * per pass, so every enabled mailbox is due each time.
 */
final class MonitorHarness {

    private static Instant clock = Instant.now();

    private final GreenMail greenMail;
    private final TestMaterials materials;
    private final ImapMonitor monitor;

    MonitorHarness(GreenMail greenMail, TestMaterials materials, ImapMonitor monitor) {
        this.greenMail = greenMail;
        this.materials = materials;
        this.monitor = monitor;
    }

    /** A sent campaign: its id and, per recipient, the rid and the e-mail GreenMail received. */
    record Sent(Tenant tenant, long campaignId, List<String> rids, List<MimeMessage> messages) {
    }

    /** The tenant's reporting mailbox, saved through the API with {@code extra} settings; returns its address. */
    String mailbox(Tenant tenant, Map<String, Object> extra) {
        String address = "reports-" + Fixtures.unique() + "@" + tenant.slug() + ".test";
        greenMail.setUser(address, address, "imap-" + tenant.slug());
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", true);
        body.put("host", "127.0.0.1");
        body.put("port", Integer.toString(greenMail.getImap().getPort()));
        body.put("username", address);
        body.put("password", "imap-" + tenant.slug());
        body.put("tls", false);
        body.put("imap_freq", "30");
        body.putAll(extra);
        tenant.asAdmin().body(body).post("/api/imap/").then().statusCode(201);
        return address;
    }

    /** Launches a campaign to {@code n} recipients through GreenMail and waits until every e-mail arrived. */
    Sent campaign(Tenant tenant, int n) throws MessagingException {
        Kit kit = CampaignFixtures.kit(materials, tenant, "127.0.0.1:" + greenMail.getSmtp().getPort(),
                CampaignFixtures.targets(n));
        long id = kit.launch("http://phish.example.test/login");
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(20));
        List<String> rids = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rids.add(results.getString("results[" + i + "].id"));
            messages.add(received(results.getString("results[" + i + "].email")));
        }
        return new Sent(tenant, id, rids, messages);
    }

    /** Puts a message into the mailbox, as the mail server would on delivery. */
    void deliver(String mailbox, MimeMessage message) {
        user(mailbox).deliver(ReportMails.reparsed(message));
    }

    /** One pass of the monitor over every organization; returns the mailboxes it polled. */
    static synchronized int poll(ImapMonitor monitor) {
        clock = clock.plus(Duration.ofHours(1));
        return monitor.runPass(clock);
    }

    int poll() {
        return poll(monitor);
    }

    /** The test clock's next pass time, for leases set by hand. */
    static synchronized Instant nextPass() {
        return clock.plus(Duration.ofHours(1));
    }

    /** The flags of each message in the mailbox, in order. */
    List<Flags> flags(String mailbox) {
        try {
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user(mailbox));
            return inbox.getMessages().stream().map(StoredMessage::getFlags).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The campaign's results, as its tenant sees them. */
    static JsonPath results(Sent sent) {
        return CampaignFixtures.results(sent.tenant(), sent.campaignId());
    }

    /** The timeline messages of one recipient. */
    static List<String> timeline(Sent sent, int recipient) {
        JsonPath results = results(sent);
        String email = results.getString("results[" + recipient + "].email");
        return results.<Map<String, Object>> getList("timeline").stream()
                .filter(e -> email.equals(e.get("email"))).map(e -> (String) e.get("message")).toList();
    }

    private GreenMailUser user(String mailbox) {
        return greenMail.getUserManager().getUserByEmail(mailbox);
    }

    private MimeMessage received(String email) throws MessagingException {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            if (to != null && to.length == 1 && email.equalsIgnoreCase(((InternetAddress) to[0]).getAddress())) {
                return message;
            }
        }
        throw new IllegalStateException("no e-mail arrived for a recipient");
    }
}
