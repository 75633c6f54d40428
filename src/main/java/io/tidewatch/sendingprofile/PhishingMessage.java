package io.tidewatch.sendingprofile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.template.AttachmentJson;
import io.tidewatch.template.AttachmentTemplating;
import io.tidewatch.template.TemplateView;

/**
 * Builds the e-mail one recipient receives, as Gophish does: {@code From} is the template's envelope sender when set,
 * else the profile's address; {@code To} names the recipient when both names are known; subject, bodies, profile
 * headers and templated attachments are rendered for the recipient; images are inline, other files attached.
 */
public final class PhishingMessage {

    private static final Set<String> INLINE = Set.of(".jpg", ".jpeg", ".png", ".gif");

    private PhishingMessage() {
    }

    /** The address the {@code From} header shows for this template and profile. */
    public static MailAddress from(TemplateView template, SmtpSettings profile) {
        String sender = template == null ? "" : template.envelopeSender();
        try {
            return MailAddress.parse(sender == null || sender.isEmpty() ? profile.fromAddress() : sender);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The message for one recipient. */
    public static MimeMessage compose(Session session, TemplateView template, SmtpSettings profile,
            PhishingContext context) {
        try {
            MimeMessage message = new MimeMessage(session);
            MailAddress from = from(template, profile);
            message.setFrom(new InternetAddress(from.address(), from.name().isEmpty() ? null : from.name(), "UTF-8"));
            boolean named = !context.firstName().isEmpty() && !context.lastName().isEmpty();
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(context.email(),
                    named ? context.firstName() + " " + context.lastName() : null, "UTF-8"));
            String subject = context.render(template.subject(), false);
            if (!subject.isEmpty()) {
                message.setSubject(singleLine(subject), "UTF-8");
            }
            for (HeaderJson header : profile.headers()) {
                String key = singleLine(context.render(header.key(), false)).strip();
                if (!key.isEmpty()) {
                    message.setHeader(key, singleLine(context.render(header.value(), false)));
                }
            }
            body(message, template, context);
            return message;
        } catch (MessagingException | IOException e) {
            throw ApiException.badRequest("Could not build the message: " + e.getMessage());
        } catch (TemplateException e) {
            throw ApiException.badRequest("Could not build the message: " + e.getMessage());
        }
    }

    private static void body(MimeMessage message, TemplateView template, PhishingContext context)
            throws MessagingException, IOException {
        String text = template.text().isEmpty() ? null : context.render(template.text(), false);
        String html = template.html().isEmpty() ? null : context.render(template.html(), true);
        MimeMultipart alternative = null;
        if (text != null && html != null) {
            alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(text, "plain"));
            alternative.addBodyPart(textPart(html, "html"));
        }
        if (template.attachments().isEmpty()) {
            if (alternative != null) {
                message.setContent(alternative);
            } else {
                message.setText(html != null ? html : (text == null ? "" : text), "UTF-8", html != null ? "html" : "plain");
            }
            return;
        }
        MimeBodyPart content = new MimeBodyPart();
        if (alternative != null) {
            content.setContent(alternative);
        } else {
            content.setText(html != null ? html : (text == null ? "" : text), "UTF-8", html != null ? "html" : "plain");
        }
        List<MimeBodyPart> inline = new ArrayList<>();
        List<MimeBodyPart> attached = new ArrayList<>();
        for (AttachmentJson file : template.attachments()) {
            MimeBodyPart part = attachment(file, context);
            (INLINE.contains(extension(file.name())) ? inline : attached).add(part);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        if (inline.isEmpty()) {
            mixed.addBodyPart(content);
        } else {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(content);
            inline.forEach(part -> add(related, part));
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            mixed.addBodyPart(relatedPart);
        }
        attached.forEach(part -> add(mixed, part));
        message.setContent(mixed);
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeBodyPart attachment(AttachmentJson file, PhishingContext context)
            throws MessagingException, IOException {
        byte[] bytes = Base64.getDecoder().decode(file.content());
        byte[] rendered = AttachmentTemplating.render(file.name(), bytes, context);
        String type = file.type() == null || file.type().isBlank() ? "application/octet-stream" : file.type();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(rendered, type)));
        part.setFileName(file.name());
        if (INLINE.contains(extension(file.name()))) {
            part.setDisposition(MimeBodyPart.INLINE);
            part.setContentID("<" + file.name() + ">");
        } else {
            part.setDisposition(MimeBodyPart.ATTACHMENT);
        }
        return part;
    }

    private static void add(MimeMultipart multipart, MimeBodyPart part) {
        try {
            multipart.addBodyPart(part);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not add a MIME part", e);
        }
    }

    private static String singleLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String extension(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }

}
