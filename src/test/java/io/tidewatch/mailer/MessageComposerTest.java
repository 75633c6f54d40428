package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.MessageRenderer.Compiled;

/** The messages the mailer writes byte by byte must read back, part for part, as the MIME a client expects. */
class MessageComposerTest {

    private final Session session = Session.getInstance(new Properties());
    private final ClaimedMessage zoe = new ClaimedMessage(7, "AbCdEf1", "zoe@example.test", "Zoë", "Müller", "Staff", 0,
            Instant.now());

    @Test
    void textAndHtmlGoAsAlternativesWithTheRecipientsValues() throws Exception {
        SendContext ctx = context(fixed("Hello {{.FirstName}}"), fixed("Line one\n.starts with a dot\nÜber =3D"),
                fixed("<p>Hello</p>"), List.of());

        MimeMessage read = roundTrip(ctx, List.of());

        assertThat(read.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) read.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Line one\r\n.starts with a dot\r\nÜber =3D");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Hello</p>");
        assertThat(((InternetAddress) read.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Zoë Müller");
        assertThat(read.getHeader("MIME-Version")).containsExactly("1.0");
        assertThat(read.getHeader("Message-ID")[0]).endsWith("@example.test>");
        assertThat(read.getSentDate()).isNotNull();
        assertThat(read.getHeader("X-Mailer")).containsExactly("tidewatch");
    }

    @Test
    void aLoneHtmlBodyIsOnePartAndProfileHeadersReplaceOursButNotTheStructure() throws Exception {
        SendContext ctx = context(fixed("Subject"), null, fixed("<p>only html</p>"),
                List.of(header("X-Mailer", "Outlook 16"), header("Reply-To", "Ünïcode Help <help@example.test>"),
                        header("content-type", "text/evil"), header("Message-ID", "<forged@example.test>"),
                        header("Bcc", "hidden@example.test")));

        MimeMessage read = roundTrip(ctx, List.of());

        assertThat(read.getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(read.getContent()).isEqualTo("<p>only html</p>");
        assertThat(read.getHeader("X-Mailer")).containsExactly("Outlook 16");
        InternetAddress replyTo = (InternetAddress) read.getReplyTo()[0];
        assertThat(replyTo.getAddress()).isEqualTo("help@example.test");
        assertThat(replyTo.getPersonal()).isEqualTo("Ünïcode Help");
        assertThat(read.getHeader("Bcc")).isNull();
        assertThat(read.getHeader("Message-ID")[0]).isNotEqualTo("<forged@example.test>");
    }

    @Test
    void textAttachmentsAreRenderedForEachRecipientAndOthersSentAsTheyAre() throws Exception {
        byte[] note = "Hello {{.FirstName}}, see {{.URL}}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = { 0, 1, 2, '{', '{', '.', 'F', '}', '}' };
        SendContext ctx = context(fixed("Files"), fixed("text"), null, List.of(), List.of(
                new SendContext.Attachment("note ä.txt", "text/plain", note, false),
                new SendContext.Attachment("data.bin", "application/octet-stream", binary, false)));

        MimeMessage read = roundTrip(ctx, List.of());

        Multipart mixed = (Multipart) read.getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("note ä.txt");
        assertThat(mixed.getBodyPart(1).getContent()).isEqualTo("Hello Zoë, see http://phish.example.test/?rid=AbCdEf1");
        assertThat(mixed.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(binary);
    }

    @Test
    void imagesAreInlineAndOtherFilesAttached() throws Exception {
        List<SendContext.Attachment> files = List.of(
                new SendContext.Attachment("logo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, true),
                new SendContext.Attachment("notice.txt", "text/plain", "read me".getBytes(StandardCharsets.UTF_8),
                        false));
        SendContext ctx = context(fixed("Files"), fixed("text"), fixed("<img src=\"cid:logo.png\">"), List.of(), files);

        MimeMessage read = roundTrip(ctx, List.of());

        Multipart mixed = (Multipart) read.getContent();
        assertThat(read.getContentType()).startsWith("multipart/mixed");
        Multipart related = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
        assertThat(((Multipart) related.getBodyPart(0).getContent()).getCount()).isEqualTo(2);
        assertThat(related.getBodyPart(1).getHeader("Content-ID")).containsExactly("<logo.png>");
        assertThat(related.getBodyPart(1).getDisposition()).isEqualTo("inline");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("notice.txt");
        assertThat(mixed.getBodyPart(1).getContent()).isEqualTo("read me");
    }

    private MimeMessage roundTrip(SendContext ctx, List<String> ignored) throws Exception {
        MessageComposer.Layout layout = MessageComposer.layout(ctx, "tidewatch", "");
        MimeMessage message = MessageComposer.compose(session, ctx, layout, zoe);
        assertThat(message.getAllRecipients()).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, ignored.toArray(String[]::new));
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }

    private static SendContext context(Compiled subject, Compiled text, Compiled html,
            List<SendContext.CompiledHeader> headers) throws Exception {
        return context(subject, text, html, headers, List.of());
    }

    private static SendContext context(Compiled subject, Compiled text, Compiled html,
            List<SendContext.CompiledHeader> headers, List<SendContext.Attachment> attachments) throws Exception {
        return new SendContext(1, "http://phish.example.test/", SmtpServer.of("127.0.0.1:25", "", "", false),
                new InternetAddress("it@example.test", "Service Informatique"), "bounces@example.test", subject, text,
                html, headers, attachments, null);
    }

    private static SendContext.CompiledHeader header(String key, String value) {
        return new SendContext.CompiledHeader(fixed(key), fixed(value));
    }

    private static Compiled fixed(String text) {
        return (recipient, html) -> text.replace("{{.FirstName}}", recipient.firstName());
    }
}
