package io.tidewatch.mailer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.tidewatch.campaign.CampaignMaterials.AttachmentMaterial;
import io.tidewatch.campaign.CampaignMaterials.HeaderMaterial;
import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.campaign.MessageRenderer.Compiled;
import io.tidewatch.campaign.SendingMaterials;

/**
 * A campaign prepared for sending, once per campaign rather than per message: templates compiled, attachments
 * decoded, addresses parsed. When something cannot be prepared, {@code failure} says what, and every message of the
 * campaign fails with it.
 */
record SendContext(long campaignId, String url, SmtpServer server, InternetAddress from, String envelopeFrom,
        Compiled subject, Compiled text, Compiled html, List<CompiledHeader> headers, List<Attachment> attachments,
        String failure) {

    private static final Set<String> INLINE = Set.of(".jpg", ".jpeg", ".png", ".gif");

    /** A profile header with key and value compiled. */
    record CompiledHeader(Compiled key, Compiled value) {
    }

    /** A decoded attachment; images are inline (Content-ID = file name), the rest attached. */
    record Attachment(String name, String type, byte[] content, boolean inline) {
    }

    static SendContext prepare(SendingMaterials m, MessageRenderer renderer) {
        SmtpServer server = SmtpServer.of(m.profile().host(), m.profile().username(), m.profile().password(),
                m.profile().ignoreCertErrors());
        try {
            if (!m.passwordAvailable()) {
                return failed(m, server, "the sending profile was deleted: its password is no longer available");
            }
            InternetAddress envelope = parse(m.profile().fromAddress());
            String sender = m.template().envelopeSender();
            InternetAddress from = sender == null || sender.isBlank() ? envelope : parse(sender);
            List<CompiledHeader> headers = new ArrayList<>();
            for (HeaderMaterial h : m.profile().headers()) {
                headers.add(new CompiledHeader(renderer.compile(h.key()), renderer.compile(h.value())));
            }
            List<Attachment> attachments = new ArrayList<>();
            for (AttachmentMaterial a : m.template().attachments()) {
                byte[] bytes = Base64.getMimeDecoder().decode(a.content() == null ? "" : a.content());
                String type = a.type() == null || a.type().isBlank() ? "application/octet-stream" : a.type();
                attachments.add(new Attachment(a.name(), type, bytes, INLINE.contains(extension(a.name()))));
            }
            return new SendContext(m.campaignId(), m.url(), server, from, envelope.getAddress(),
                    renderer.compile(m.template().subject()), compileOrNull(renderer, m.template().text()),
                    compileOrNull(renderer, m.template().html()), List.copyOf(headers), List.copyOf(attachments), null);
        } catch (AddressException e) {
            return failed(m, server, "invalid sender address: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return failed(m, server, "the template cannot be rendered: " + e.getMessage());
        }
    }

    /** This campaign, every message of which fails with {@code reason}. */
    SendContext failedWith(String reason) {
        return new SendContext(campaignId, url, server, null, "", null, null, null, List.of(), List.of(), reason);
    }

    private static SendContext failed(SendingMaterials m, SmtpServer server, String failure) {
        return new SendContext(m.campaignId(), m.url(), server, null, "", null, null, null, List.of(), List.of(),
                failure);
    }

    private static Compiled compileOrNull(MessageRenderer renderer, String source) {
        return source == null || source.isEmpty() ? null : renderer.compile(source);
    }

    private static InternetAddress parse(String address) throws AddressException {
        InternetAddress parsed = new InternetAddress(address.trim(), true);
        parsed.validate();
        return parsed;
    }

    private static String extension(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }
}
