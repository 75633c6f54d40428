package io.tidewatch.imap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** E-mails as employees report them: the suspect text pasted or forwarded inline, or the whole e-mail attached. */
final class ReportMails {

    static final Session SESSION = Session.getInstance(new Properties());

    private ReportMails() {
    }

    /** A message whose text is {@code body}: a forward inline, or anything else that lands in the mailbox. */
    static MimeMessage inline(String from, String to, String body) {
        try {
            MimeMessage message = envelope(from, to, "Fwd: suspicious");
            message.setText(body, "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original e-mail forwarded as an attachment, as a {@code message/rfc822} part (Outlook, Thunderbird). */
    static MimeMessage attached(String from, String to, MimeMessage original) {
        try {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setContent(original, "message/rfc822");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            return withAttachment(from, to, attachment);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original e-mail saved as a {@code .eml} file and attached as plain bytes (base64). */
    static MimeMessage eml(String from, String to, MimeMessage original) {
        try {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes(original),
                    "application/octet-stream")));
            attachment.setFileName("Suspicious message.eml");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            attachment.setHeader("Content-Transfer-Encoding", "base64");
            return withAttachment(from, to, attachment);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message as a server stores it: parsed from its bytes, attachments included. */
    static MimeMessage reparsed(MimeMessage message) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage withAttachment(String from, String to, MimeBodyPart attachment)
            throws MessagingException {
        MimeBodyPart note = new MimeBodyPart();
        note.setText("This looks like phishing, please check.", "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed", note, attachment);
        MimeMessage message = envelope(from, to, "Phishing report");
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private static MimeMessage envelope(String from, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        return message;
    }
}
