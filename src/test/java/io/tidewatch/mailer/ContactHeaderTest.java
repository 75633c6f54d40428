package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.tidewatch.testing.GreenMailResource;

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

    /** The contact address configured, as an operator sets it with TIDEWATCH_PHISH_CONTACT_ADDRESS. */
    public static class WithContact implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidewatch.phish.contact-address", CONTACT);
        }
    }
}
