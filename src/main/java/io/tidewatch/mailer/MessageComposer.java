package io.tidewatch.mailer;

import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.MessageRenderer.Recipient;

/**
 * Builds the e-mail one recipient receives, as Gophish does: {@code From} is the template's envelope sender when set,
 * else the profile's address (which is always the SMTP {@code MAIL FROM}); {@code To} carries the recipient's name
 * when both names are known; subject, bodies and profile headers are rendered for the recipient; text and HTML go as
 * {@code multipart/alternative}; images are inline with their file name as Content-ID. Display names, subjects and
 * header values outside ASCII are RFC 2047-encoded.
 */
final class MessageComposer {

    /** Gophish's header naming who to contact about a simulated phishing e-mail. */
    static final String CONTACT_HEADER = "X-Gophish-Contact";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private MessageComposer() {
    }

    /**
     * Builds one recipient's message. {@code contactAddress}, when not empty, goes out as {@code X-Gophish-Contact}
     * (where recipients' mail teams can report the simulation), before the profile's headers so a profile can
     * still replace it.
     */
    static SMTPMessage compose(Session session, SendContext ctx, ClaimedMessage to, String xMailer, String contactAddress)
            throws MessagingException, UnsupportedEncodingException {
        Recipient recipient = new Recipient(to.firstName(), to.lastName(), to.email(), to.position(),
                ctx.from().getAddress(), to.rid(), ctx.url());
        SMTPMessage message = new CampaignMessage(session, domainOf(ctx.from().getAddress()));
        message.setEnvelopeFrom(ctx.envelopeFrom());
        message.setFrom(new InternetAddress(ctx.from().getAddress(), ctx.from().getPersonal(), "UTF-8"));
        boolean named = !to.firstName().isEmpty() && !to.lastName().isEmpty();
        InternetAddress address = new InternetAddress(to.email(), true);
        message.setRecipient(jakarta.mail.Message.RecipientType.TO,
                named ? new InternetAddress(address.getAddress(), to.firstName() + " " + to.lastName(), "UTF-8")
                        : address);
        String subject = singleLine(ctx.subject().render(recipient, false));
        if (!subject.isEmpty()) {
            message.setSubject(subject, "UTF-8");
        }
        message.setSentDate(new Date());
        message.setHeader("X-Mailer", xMailer);
        if (!contactAddress.isEmpty()) {
            message.setHeader(CONTACT_HEADER, MimeUtility.fold(CONTACT_HEADER.length() + 2, contactAddress));
        }
        for (SendContext.CompiledHeader header : ctx.headers()) {
            String key = singleLine(header.key().render(recipient, false)).strip();
            if (!key.isEmpty()) {
                String value = singleLine(header.value().render(recipient, false));
                message.setHeader(key, MimeUtility.fold(key.length() + 2, MimeUtility.encodeText(value, "UTF-8", null)));
            }
        }
        body(message, ctx, recipient);
        return message;
    }

    private static void body(SMTPMessage message, SendContext ctx, Recipient recipient) throws MessagingException {
        String text = ctx.text() == null ? null : ctx.text().render(recipient, false);
        String html = ctx.html() == null ? null : ctx.html().render(recipient, true);
        MimeBodyPart content = new MimeBodyPart();
        if (text != null && html != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(text, "plain"));
            alternative.addBodyPart(textPart(html, "html"));
            if (ctx.attachments().isEmpty()) {
                message.setContent(alternative);
                return;
            }
            content.setContent(alternative);
        } else {
            String only = html != null ? html : text == null ? "" : text;
            String subtype = html != null ? "html" : "plain";
            if (ctx.attachments().isEmpty()) {
                // A message has no pre-encoded form in Jakarta Mail: a lone body is encoded by Jakarta itself.
                message.setText(only, "UTF-8", subtype);
                return;
            }
            content = textPart(only, subtype);
        }
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(content);
        MimeMultipart mixed = new MimeMultipart("mixed");
        boolean anyInline = false;
        for (SendContext.Attachment a : ctx.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.type())));
            part.setFileName(a.name());
            if (a.inline()) {
                part.setDisposition(MimeBodyPart.INLINE);
                part.setContentID("<" + a.name() + ">");
                related.addBodyPart(part);
                anyInline = true;
            } else {
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
        }
        MimeBodyPart first = content;
        if (anyInline) {
            first = new MimeBodyPart();
            first.setContent(related);
        }
        mixed.addBodyPart(first, 0);
        message.setContent(mixed);
    }

    /** A text part, quoted-printable encoded here (see {@link QuotedPrintable}). */
    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new PreencodedMimeBodyPart("quoted-printable");
        fill(part, text, subtype);
        return part;
    }

    private static void fill(MimeBodyPart part, String text, String subtype) throws MessagingException {
        String type = "text/" + subtype + "; charset=UTF-8";
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(QuotedPrintable.encode(text), type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }

    private static String singleLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "localhost" : address.substring(at + 1);
    }

    /** A message whose Message-ID names the sender's domain, not this machine's host name. */
    private static final class CampaignMessage extends SMTPMessage {

        private final String domain;

        CampaignMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            setHeader("Message-ID", "<" + System.currentTimeMillis() + "." + HEX.formatHex(random) + "@" + domain + ">");
        }
    }
}
