package io.tidewatch.sendingprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/**
 * Against a real mail server: {@code /api/util/send_test_email} delivers the rendered template, and
 * {@code /api/imap/validate} logs in with the given or the stored password.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class MailServerTest {

    static Tenant tenant;

    @Inject
    AgroalDataSource dataSource;

    @GreenMailResource.Inject
    GreenMail greenMail;

    @BeforeEach
    void tenant() throws Exception {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    private Map<String, Object> profile(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "127.0.0.1:" + greenMail.getSmtp().getPort());
        body.put("username", GreenMailResource.USER);
        body.put("password", GreenMailResource.PASSWORD);
        body.put("from_address", "it@northwind.example");
        body.put("headers", List.of(Map.of("key", "X-Tracking", "value", "{{.RId}}")));
        return body;
    }

    @Test
    void sendsTheRenderedTemplateThroughAStoredProfile() throws Exception {
        String profile = "GreenMail " + Fixtures.unique();
        tenant.asAdmin().body(profile(profile)).post("/api/smtp/").then().statusCode(201);
        String template = "Reset " + Fixtures.unique();
        String ics = Base64.getEncoder().encodeToString("SUMMARY:Review for {{.FirstName}}".getBytes(StandardCharsets.UTF_8));
        tenant.asAdmin().body(Map.of("name", template, "envelope_sender", "\"IT Desk\" <desk@northwind.example>",
                "subject", "Hello {{.FirstName}} {{.LastName}}", "text", "Dear {{.FirstName}}, visit {{.URL}}",
                "html", "<p>Dear {{.FirstName}}</p><a href=\"{{.URL}}\">go</a>{{.Tracker}}",
                "attachments", List.of(Map.of("name", "invite.ics", "type", "text/calendar", "content", ics))))
                .post("/api/templates/").then().statusCode(201);

        tenant.asAdmin().body(Map.of("template", Map.of("name", template), "smtp", Map.of("name", profile),
                "url", "http://phish.example/login", "email", "zoe@target.example", "first_name", "Zoë",
                "last_name", "<Müller>", "position", "CFO"))
                .post("/api/util/send_test_email").then().statusCode(200)
                .body("success", equalTo(true)).body("message", equalTo("Email Sent"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Hello Zoë <Müller>");
        assertThat(message.getHeader("From")[0]).contains("IT Desk").contains("desk@northwind.example");
        assertThat(message.getHeader("To")[0]).contains("zoe@target.example");
        assertThat(message.getHeader("X-Tracking")[0]).startsWith("preview-");
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw).contains("text/calendar");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).startsWith("Dear Zoë, visit http://phish.example/login?rid=preview-");
        assertThat(html).contains("Dear Zoë")
                .contains("http://phish.example/login?rid=preview-")
                .contains("src='http://phish.example/login/track?rid=preview-");
        String attachment = new String(mixed.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(attachment).isEqualTo("SUMMARY:Review for Zoë");
        assertThat(AuditRows.count(dataSource, tenant.id(), "test_email.send", null)).isPositive();
    }

    @Test
    void escapesRecipientValuesInHtmlBodies() throws Exception {
        String template = "Html " + Fixtures.unique();
        tenant.asAdmin().body(Map.of("name", template, "html", "<p>{{.LastName}}</p>")).post("/api/templates/").then()
                .statusCode(201);
        tenant.asAdmin().body(Map.of("template", Map.of("name", template), "smtp", profile("inline"), "email",
                "x@target.example", "last_name", "<script>alert(1)</script>")).post("/api/util/send_test_email").then()
                .statusCode(200);
        String body = (String) greenMail.getReceivedMessages()[0].getContent();
        assertThat(body).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void sendsTheBuiltInMessageThroughAnInlineProfile() throws Exception {
        tenant.asAdmin().body(Map.of("smtp", profile("inline"), "email", "ann@target.example", "first_name", "Ann"))
                .post("/api/util/send_test_email").then().statusCode(200);
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Default Email from Tidewatch");
        assertThat((String) message.getContent()).contains("First Name: Ann").contains("it@northwind.example")
                .doesNotContain("Last Name");
    }

    @Test
    void answersGophishsMessages() {
        tenant.asAdmin().body("{").post("/api/util/send_test_email").then().statusCode(400)
                .body("message", equalTo("Error decoding JSON Request"));
        tenant.asAdmin().body(Map.of("template", Map.of("name", "no such template"), "smtp", profile("inline"),
                "email", "a@target.example")).post("/api/util/send_test_email").then().statusCode(400)
                .body("message", equalTo("Template not found"));
        tenant.asAdmin().body(Map.of("page", Map.of("name", "no such page"), "smtp", profile("inline"),
                "email", "a@target.example")).post("/api/util/send_test_email").then().statusCode(400)
                .body("message", equalTo("Page not found"));
        tenant.asAdmin().body(Map.of("smtp", Map.of("name", "no such profile"), "email", "a@target.example"))
                .post("/api/util/send_test_email").then().statusCode(400)
                .body("message", equalTo("No From Address specified"));
        tenant.asAdmin().body(Map.of("smtp", profile("inline"))).post("/api/util/send_test_email").then()
                .statusCode(400).body("message", equalTo("No email address specified"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void reportsSmtpFailuresAndRefusedAddresses() {
        Map<String, Object> wrongPassword = profile("inline");
        wrongPassword.put("password", "wrong");
        tenant.asAdmin().body(Map.of("smtp", wrongPassword, "email", "a@target.example"))
                .post("/api/util/send_test_email").then().statusCode(502)
                .body("message", containsString("SMTP error"));
        Map<String, Object> metadata = profile("inline");
        metadata.put("host", "169.254.169.254:25");
        tenant.asAdmin().body(Map.of("smtp", metadata, "email", "a@target.example")).post("/api/util/send_test_email")
                .then().statusCode(400).body("message", containsString("Refusing to connect to 169.254.169.254"));
    }

    private Map<String, Object> imap(String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("host", "127.0.0.1");
        body.put("port", Integer.toString(greenMail.getImap().getPort()));
        body.put("username", GreenMailResource.USER);
        body.put("password", password);
        body.put("tls", false);
        return body;
    }

    @Test
    void validatesAnImapLoginWithTheGivenOrTheStoredPassword() {
        Tenant own = Fixtures.tenant("Reports", 5);
        own.asAdmin().body(imap(GreenMailResource.PASSWORD)).post("/api/imap/validate").then().statusCode(201)
                .body("success", equalTo(true)).body("message", equalTo("Successful login."));
        own.asAdmin().body(imap("wrong")).post("/api/imap/validate").then().statusCode(200)
                .body("success", equalTo(false)).body("message", containsString("LOGIN failed"));
        own.asAdmin().body(imap("")).post("/api/imap/validate").then().statusCode(200)
                .body("message", equalTo("No Password specified"));
        own.asAdmin().body(imap(GreenMailResource.PASSWORD)).post("/api/imap/").then().statusCode(201);
        own.asAdmin().body(imap("********")).post("/api/imap/validate").then().statusCode(201);
        assertThat(AuditRows.count(dataSource, own.id(), "imap.validate", 1)).isEqualTo(4);
    }
}
