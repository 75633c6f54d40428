package io.tidewatch.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

/** Where the monitor finds recipient ids in a reported e-mail, and where it does not. */
class ReportedMailTest {

    @Test
    void findsRidsInLinksHoweverTheyAreEncoded() {
        assertThat(ReportedMail.ridsIn("visit http://phish.example.test/login?rid=Ab3dE9z now")).containsExactly("Ab3dE9z");
        assertThat(ReportedMail.ridsIn("<a href=\"https://x.test/?a=1&amp;rid=Zz0Yy1X\">")).containsExactly("Zz0Yy1X");
        assertThat(ReportedMail.ridsIn("https://safelinks.test/?url=https%3A%2F%2Fx.test%2F%3Frid%3DQw3Er5T&data=1"))
                .containsExactly("Qw3Er5T");
        assertThat(ReportedMail.ridsIn("href=3D\"http://x.test/?rid=3DAaBbCc1\"")).containsExactly("AaBbCc1");
        assertThat(ReportedMail.ridsIn("http://x.test/?rid=3DxYz12")).containsExactly("3DxYz12");
    }

    @Test
    void ignoresWhatOnlyLooksLikeARid() {
        assertThat(ReportedMail.ridsIn("rid=Ab3dE9z without a query")).isEmpty();
        assertThat(ReportedMail.ridsIn("http://x.test/?rid=Ab3dE9zz is eight long")).isEmpty();
        assertThat(ReportedMail.ridsIn("http://x.test/?grid=Ab3dE9z")).isEmpty();
        assertThat(ReportedMail.ridsIn("http://x.test/?rid=Ab3-E9z")).isEmpty();
    }

    @Test
    void readsTheTextTheHeadersAndForwardedMessagesToAnyDepth() throws Exception {
        MimeMessage original = ReportMails.inline("it@example.test", "ana@northwind.example",
                "Reset at http://phish.example.test/?rid=Inner01");
        MimeMessage attached = ReportMails.attached("ana@northwind.example", "reports@northwind.example", original);
        MimeMessage twice = ReportMails.eml("bob@northwind.example", "reports@northwind.example", attached);
        MimeMessage received = new MimeMessage(ReportMails.SESSION, new ByteArrayInputStream(ReportMails.bytes(twice)));
        assertThat(ReportedMail.rids(received)).containsExactly("Inner01");

        MimeMessage headed = ReportMails.inline("it@example.test", "ana@northwind.example", "no link here");
        headed.setHeader("List-Unsubscribe", "<http://phish.example.test/unsubscribe?rid=Head001>");
        headed.saveChanges();
        assertThat(ReportedMail.rids(headed)).containsExactly("Head001");
    }

    @Test
    void readsHtmlAndQuotedPrintableParts() throws Exception {
        String raw = "From: it@example.test\r\nTo: ana@northwind.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<a href=3D\"http://phish.example.test/login?rid=3DHtml001\">Keep your passw=\r\nord</a>\r\n";
        MimeMessage message = new MimeMessage(ReportMails.SESSION,
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(ReportedMail.rids(message)).containsExactly("Html001");
    }

    @Test
    void leavesOtherAttachmentsUnread() throws Exception {
        MimeBodyPart note = new MimeBodyPart();
        note.setText("see attached");
        MimeBodyPart binary = new MimeBodyPart();
        binary.setContent("http://phish.example.test/?rid=Binary1".getBytes(StandardCharsets.US_ASCII),
                "application/octet-stream");
        binary.setFileName("message.msg");
        MimeMessage message = ReportMails.inline("a@b.test", "c@d.test", "x");
        message.setContent(new MimeMultipart("mixed", note, binary));
        message.saveChanges();
        assertThat(ReportedMail.rids(message)).isEmpty();
    }

    @Test
    void restrictsSendersToTheDomainExactly() throws Exception {
        MimeMessage own = ReportMails.inline("Ana <ana@Northwind.Example>", "r@x.test", "x");
        MimeMessage sub = ReportMails.inline("ana@mail.northwind.example", "r@x.test", "x");
        MimeMessage lookalike = ReportMails.inline("ana@evilnorthwind.example", "r@x.test", "x");
        assertThat(ReportedMail.fromDomain(own, "northwind.example")).isTrue();
        assertThat(ReportedMail.fromDomain(sub, "northwind.example")).isFalse();
        assertThat(ReportedMail.fromDomain(lookalike, "northwind.example")).isFalse();
        assertThat(ReportedMail.fromDomain(lookalike, "")).isTrue();
    }

    @Test
    void masksAddressesInFailuresItLogs() {
        Exception e = new IllegalStateException("LOGIN failed for reports@northwind.example (bad password)");
        assertThat(ImapMonitor.describe(e)).isEqualTo("IllegalStateException: LOGIN failed for <address> (bad password)");
    }
}
