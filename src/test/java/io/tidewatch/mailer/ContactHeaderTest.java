package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/** With {@code tidewatch.phish.contact-address} set, every campaign e-mail names it in {@code X-Gophish-Contact}. */
@QuarkusTest
@TestProfile(ContactHeaderTest.WithContact.class)
@WithTestResource(GreenMailResource.class)
class ContactHeaderTest {

    static final String CONTACT = "phishing-reports@mssp.example.test";

    @Inject
    TestMaterials materials;

    @GreenMailResource.Inject
    GreenMail greenMail;

    @Test
    void everyCampaignEmailCarriesTheContactAddress() throws Exception {
        for (MimeMessage message : ContactHeaderCheck.sendCampaign(materials, greenMail, 3)) {
            assertThat(message.getHeader("X-Gophish-Contact")).containsExactly(CONTACT);
        }
    }

    @Test
    void theTestEmailCarriesItToo() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String profile = "Contact " + Fixtures.unique();
        tenant.asAdmin().body(Map.of("name", profile, "host", "127.0.0.1:" + greenMail.getSmtp().getPort(), "username",
                GreenMailResource.USER, "password", GreenMailResource.PASSWORD, "from_address", "it@northwind.example"))
                .post("/api/smtp/").then().statusCode(201);
        String template = "Contact " + Fixtures.unique();
        tenant.asAdmin().body(Map.of("name", template, "subject", "Hello", "text", "Visit {{.URL}}"))
                .post("/api/templates/").then().statusCode(201);
        String to = "contact-" + Fixtures.unique() + "@target.example";
        tenant.asAdmin().body(Map.of("template", Map.of("name", template), "smtp", Map.of("name", profile), "url",
                "http://phish.example/login", "email", to, "first_name", "Zoe", "last_name", "Test", "position", ""))
                .post("/api/util/send_test_email").then().statusCode(200);
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getHeader("To") != null && message.getHeader("To")[0].contains(to)) {
                received.add(message);
            }
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("X-Gophish-Contact")).containsExactly(CONTACT);
    }

    /** The contact address configured, as an operator sets it with TIDEWATCH_PHISH_CONTACT_ADDRESS. */
    public static class WithContact implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidewatch.phish.contact-address", CONTACT);
        }
    }
}
