package io.tidewatch.mailer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Waiting;

/** Sends a small campaign through GreenMail and returns the messages its recipients received. */
final class ContactHeaderCheck {

    private ContactHeaderCheck() {
    }

    static List<MimeMessage> sendCampaign(TestMaterials materials, GreenMail greenMail, int recipients) {
        List<TargetMaterial> targets = CampaignFixtures.targets(recipients);
        Set<String> addresses = targets.stream().map(TargetMaterial::email).collect(Collectors.toSet());
        String smtp = "127.0.0.1:" + greenMail.getSmtp().getPort();
        CampaignFixtures.kit(materials, Fixtures.northwind(), smtp, targets).launch("http://phish.example.test/");
        List<MimeMessage> received = new ArrayList<>();
        Waiting.until("every recipient received the campaign", Duration.ofSeconds(15), () -> {
            received.clear();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (addresses.contains(recipient(message))) {
                    received.add(message);
                }
            }
            return received.size() >= recipients;
        });
        return received;
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }
}
