package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.testing.GreenMailResource;

/** Without a contact address configured (the default), campaign e-mail has no {@code X-Gophish-Contact} header. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class NoContactHeaderTest {

    @Inject
    TestMaterials materials;

    @GreenMailResource.Inject
    GreenMail greenMail;

    @Test
    void campaignEmailHasNoContactHeader() throws Exception {
        for (MimeMessage message : ContactHeaderCheck.sendCampaign(materials, greenMail, 2)) {
            assertThat(message.getHeader("X-Gophish-Contact")).isNull();
            assertThat(message.getHeader("X-Mailer")).isNotNull();
        }
    }
}
