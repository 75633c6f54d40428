package io.tidewatch.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/**
 * Adding a member sends a branded invitation through a real SMTP server, however the member was added, and its link
 * sets the password once.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class InvitationMailTest {

    @GreenMailResource.Inject
    GreenMail greenMail;

    static Tenant northwind;

    @BeforeEach
    void brandedTenant() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        Api.asAdmin().body(Map.of("name", "Northwind Trading", "slug", northwind.slug(), "seat_cap", 250, "host",
                northwind.host(), "support_url", "https://help.northwind.test/it")).put("/api/organizations/" + northwind.id())
                .then().statusCode(200);
        northwind.asAdmin().body(Map.of("from_name", "Northwind IT Security", "support_email", "it-help@northwind.test",
                "primary_color", "#1E3A8A")).put("/api/branding").then().statusCode(200);
    }

    @Test
    void addingAMemberSendsABrandedInvitation() throws Exception {
        Fixtures.Account alice = Fixtures.clientAccount("alice-" + Fixtures.unique() + "@northwind.test");
        Api.asAdmin().body(Map.of("user_id", alice.id(), "role", "operator"))
                .post("/api/organizations/" + northwind.id() + "/members").then().statusCode(201);

        MimeMessage mail = awaitMailTo(alice.username());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Northwind IT Security");
        assertThat(from.getAddress()).isEqualTo("no-reply@sat.example-mssp.test");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("it-help@northwind.test");
        assertThat(mail.getSubject()).isEqualTo("You have been invited to Northwind Trading");

        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html).contains("https://help.northwind.test/it").contains("mailto:it-help@northwind.test")
                .contains("src=\"https://sat.example-mssp.test/api/branding/logo/view?org=" + northwind.slug() + "&amp;v=")
                .contains("background:#1E3A8A").contains("role <strong>operator</strong>");
        assertThat(text).contains("Support: https://help.northwind.test/it").contains("E-mail: it-help@northwind.test")
                .contains("https://" + northwind.host() + "/invite/").doesNotContain("<");
    }

    @Test
    void gophishUserCreationInvitesToo() throws Exception {
        String username = "bob-" + Fixtures.unique() + "@northwind.test";
        northwind.asAdmin().body(Map.of("username", username, "password", "initial-password", "role", "user"))
                .post("/api/users/").then().statusCode(200);
        assertThat(awaitMailTo(username).getSubject()).isEqualTo("You have been invited to Northwind Trading");
    }

    @Test
    void fallsBackToTheOrganizationsNameWithoutAFromName() throws Exception {
        Tenant contoso = Fixtures.contoso();
        Fixtures.Account carol = Fixtures.clientAccount("carol-" + Fixtures.unique() + "@contoso.test");
        Fixtures.member(contoso.id(), carol.id(), "viewer");
        MimeMessage mail = awaitMailTo(carol.username());
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Contoso");
        assertThat(mail.getReplyTo()[0].toString()).contains("no-reply@sat.example-mssp.test");
        assertThat(part(mail, "text/plain")).doesNotContain("Support:");
    }

    @Test
    void theInvitationLinkSetsThePasswordOnce() throws Exception {
        Fixtures.Account dave = Fixtures.clientAccount("dave-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(northwind.id(), dave.id(), "admin");
        String path = invitationPath(part(awaitMailTo(dave.username()), "text/plain"));
        String address = Browser.uniqueClientAddress();

        Response page = Browser.viaProxy(northwind.host(), address).get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Welcome to Northwind Trading").contains(dave.username())
                .contains("--primary: #1E3A8A;");
        Browser.Form form = new Browser.Form(page.getCookie("tidewatch_csrf"), Browser.csrfToken(page.asString()));

        Response mismatch = accept(form, path, address, "new-password-1", "new-password-2");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        Response accepted = accept(form, path, address, "new-password-1", "new-password-1");
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).isEqualTo("/");
        String session = accepted.getCookie("tidewatch_session");
        assertThat(SignInTest.console(northwind.host(), session).asString())
                .contains(dave.username());

        Response reused = Browser.viaProxy(northwind.host(), address).get(path);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.asString()).contains("This link cannot be used");
        assertThat(accept(form, path, address, "attacker-pass", "attacker-pass").statusCode()).isEqualTo(400);
        assertThat(SignInTest.signIn(northwind.host(), Browser.uniqueClientAddress(), dave.username(), "new-password-1",
                null).statusCode()).isEqualTo(303);
    }

    @Test
    void aTamperedInvitationLinkIsRefused() throws Exception {
        Fixtures.Account erin = Fixtures.clientAccount("erin-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(northwind.id(), erin.id(), "viewer");
        String path = invitationPath(part(awaitMailTo(erin.username()), "text/plain"));
        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        assertThat(Browser.at(northwind.host()).get(tampered).statusCode()).isEqualTo(400);
        assertThat(Browser.at(northwind.host()).get("/invite/not-a-token").statusCode()).isEqualTo(400);
    }

    @Test
    void accountsWithoutAnEmailAddressAreNotMailed() throws Exception {
        Fixtures.Account plain = Fixtures.clientAccount("plain-" + Fixtures.unique());
        Fixtures.member(northwind.id(), plain.id(), "viewer");
        Fixtures.Account marker = Fixtures.clientAccount("marker-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(northwind.id(), marker.id(), "viewer");
        awaitMailTo(marker.username());
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(InvitationMailTest::recipients))
                .noneMatch(r -> r.contains(plain.username()));
    }

    private static Response accept(Browser.Form form, String path, String address, String password, String confirm) {
        return form.withCookie(Browser.viaProxy(northwind.host(), address))
                .contentType("application/x-www-form-urlencoded").formParam("csrf_token", form.token())
                .formParam("new_password", password).formParam("confirm_password", confirm).post(path);
    }

    private static String invitationPath(String text) {
        Matcher m = Pattern.compile("https://[^/\\s]+(/invite/[A-Za-z0-9._-]+)").matcher(text);
        assertThat(m.find()).as("the e-mail links to /invite/").isTrue();
        return m.group(1);
    }

    private MimeMessage awaitMailTo(String recipient) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> recipients(m).contains(recipient)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail reached " + recipient);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, String type) throws MessagingException, IOException {
        String found = find(message.getContent(), type);
        assertThat(found).as("the e-mail has a %s part", type).isNotNull();
        return found;
    }

    private static String find(Object content, String type) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
                String nested = find(part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
