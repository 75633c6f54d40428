package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;

/**
 * Campaign SMTP connections go through the outbound guard: metadata and link-local hosts are never reached, loopback
 * only where configuration allows it, and the connection goes to the address that was checked, not to a second DNS
 * answer. A refused host marks its recipients Error at once instead of retrying.
 */
@QuarkusTest
class SmtpGuardTest {

    private static final String URL = "http://phish.example.test/";

    @Inject
    TestMaterials materials;

    @Inject
    MailerConfig config;

    private Tenant tenant;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    @Test
    void aCampaignWhoseProfilePointsAtTheMetadataAddressMarksEveryRecipientError() {
        List<TargetMaterial> targets = CampaignFixtures.targets(3);
        long start = System.nanoTime();
        long id = CampaignFixtures.kit(materials, tenant, "169.254.169.254:25", targets).launch(URL);
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        // A connection attempt would wait for the 10 s connect timeout and then be retried with back-off.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(results.getList("results.status")).containsOnly("Error").hasSize(3);
        List<Map<String, Object>> timeline = results.getList("timeline");
        assertThat(timeline).filteredOn(e -> "Error Sending Email".equals(e.get("message")))
                .extracting(e -> (String) e.get("details")).hasSize(3)
                .allMatch(d -> d.contains("Refusing to connect to 169.254.169.254") && d.contains("link-local"));
        assertThat(timeline).extracting(e -> e.get("message")).doesNotContain("Email Sent");
    }

    @Test
    void neverConnectsToLoopbackWhenPrivateAddressesAreNotAllowed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            SmtpSession session = new SmtpSession(SmtpServer.of("127.0.0.1:" + listener.getLocalPort(), "", "", false),
                    config, OutboundGuard.of(false, InetAddress::getAllByName));
            SmtpResult first = session.send(message(), recipients());
            SmtpResult second = session.send(message(), recipients());
            assertThat(first.kind()).isEqualTo(SmtpResult.Kind.PERMANENT);
            assertThat(first.text()).contains("Refusing to connect to 127.0.0.1").contains("loopback");
            assertThat(second).isEqualTo(first);
            assertThat(session.isReusable(1000)).isFalse();
            assertNothingConnected(listener);
            session.close();
        }
    }

    @Test
    void refusesANameThatResolvesToTheMetadataAddress() throws Exception {
        SmtpSession session = new SmtpSession(SmtpServer.of("relay.example.test:25", "", "", false), config,
                OutboundGuard.of(true, host -> new InetAddress[] { ip("169.254.169.254") }));
        SmtpResult result = session.send(message(), recipients());
        assertThat(result.kind()).isEqualTo(SmtpResult.Kind.PERMANENT);
        assertThat(result.text()).contains("Refusing to connect to relay.example.test");
    }

    @Test
    void connectsToTheCheckedAddressWhateverTheNameResolvesToLater() throws Exception {
        ScriptedSmtp smtp = ScriptedSmtp.shared();
        String port = smtp.hostPort().substring(smtp.hostPort().lastIndexOf(':') + 1);
        int[] lookups = { 0 };
        // The first answer is checked and used; a later answer (a rebinding attacker's) must never be asked for.
        OutboundGuard guard = OutboundGuard.of(true, host -> {
            lookups[0]++;
            return new InetAddress[] { ip(lookups[0] == 1 ? "127.0.0.1" : "169.254.169.254") };
        });
        SmtpSession session = new SmtpSession(SmtpServer.of("mail.rebind.example.test:" + port, "", "", false), config,
                guard);
        String to = "pinned-" + Fixtures.unique() + "@example.test";
        SmtpResult result = session.send(message(to), new Address[] { new InternetAddress(to) });
        session.close();
        assertThat(result.kind()).isEqualTo(SmtpResult.Kind.ACCEPTED);
        assertThat(smtp.deliveredTo(to)).hasSize(1);
        assertThat(lookups[0]).isEqualTo(1);
    }

    @Test
    void aHostThatDoesNotResolveIsATemporaryFailure() throws Exception {
        SmtpSession session = new SmtpSession(SmtpServer.of("nowhere.example.test:25", "", "", false), config,
                OutboundGuard.of(true, host -> {
                    throw new UnknownHostException(host);
                }));
        SmtpResult result = session.send(message(), recipients());
        assertThat(result.kind()).isEqualTo(SmtpResult.Kind.TEMPORARY);
        assertThat(result.text()).contains("Could not resolve host nowhere.example.test");
    }

    private static void assertNothingConnected(ServerSocket listener) throws IOException {
        try {
            listener.accept().close();
            throw new AssertionError("the mailer connected to a refused address");
        } catch (SocketTimeoutException expected) {
            // Nothing came.
        }
    }

    private static MimeMessage message() throws MessagingException {
        return message("someone@example.test");
    }

    private static MimeMessage message(String to) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("it@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Guarded");
        message.setText("Hello");
        message.saveChanges();
        return message;
    }

    private static Address[] recipients() throws MessagingException {
        return new Address[] { new InternetAddress("someone@example.test") };
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
