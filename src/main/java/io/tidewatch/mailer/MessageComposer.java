package io.tidewatch.mailer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.MessageRenderer.Recipient;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.template.AttachmentTemplating;

/**
 * Builds the e-mail one recipient receives, as Gophish does: {@code From} is the template's envelope sender when set,
 * else the profile's address (which is always the SMTP {@code MAIL FROM}); {@code To} carries the recipient's name
 * when both names are known; subject, bodies and profile headers are rendered for the recipient; text and HTML go as
 * {@code multipart/alternative}; images are inline with their file name as Content-ID. Display names, subjects and
 * header values outside ASCII are RFC 2047-encoded.
 * <p>
 * What is the same for every recipient of a campaign (the From header, the boundaries, every attachment part with
 * its headers and base64 body) is built once, in a {@link Layout}; a recipient's message is then written straight
 * into one byte array: its headers, its quoted-printable bodies and the prepared parts. Building each message as a
 * tree of Jakarta Mail parts cost more CPU than everything else the mailer does.
 */
final class MessageComposer {

    /** Gophish's header naming who to contact about a simulated phishing e-mail. */
    static final String CONTACT_HEADER = "X-Gophish-Contact";

    /**
     * Headers the message's structure decides, and those never transmitted ({@code Bcc}, {@code Content-Length}); a
     * profile header of these names is ignored. Profile headers never add recipients: only the target is sent to.
     */
    private static final Set<String> STRUCTURAL = Set.of("message-id", "mime-version", "content-type",
            "content-transfer-encoding", "bcc", "content-length");
    /** Profile headers whose values are address lists. */
    private static final Set<String> ADDRESS_HEADERS = Set.of("from", "to", "cc", "reply-to", "sender");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CRLF = { '\r', '\n' };
    private static final AtomicLong MESSAGE_COUNTER = new AtomicLong();
    private static final ThreadLocal<MailDateFormat> DATES = ThreadLocal.withInitial(MailDateFormat::new);

    private MessageComposer() {
    }

    /** How a campaign's messages are put together: built once per campaign. */
    static final class Layout {

        private final String from;
        private final String domain;
        /** Random per campaign and process; with a counter, Message-IDs stay unique without a random draw per message. */
        private final String idStem;
        private final String xMailer;
        private final String contact;
        private final boolean alternative;
        private final String mixedBoundary;
        private final String relatedBoundary;
        private final String alternativeBoundary;
        private final List<Part> inline;
        private final List<Part> attached;

        private Layout(SendContext ctx, String xMailer, String contactAddress) throws MessagingException,
                UnsupportedEncodingException {
            InternetAddress sender = new InternetAddress(ctx.from().getAddress(), ctx.from().getPersonal(), "UTF-8");
            this.from = InternetAddress.toString(new Address[] { sender }, "From: ".length());
            this.domain = domainOf(ctx.from().getAddress());
            this.idStem = HEX.formatHex(randomBytes(8)) + ".";
            this.xMailer = xMailer;
            this.contact = contactAddress.isEmpty() ? null
                    : MimeUtility.fold(CONTACT_HEADER.length() + 2, contactAddress);
            this.alternative = ctx.text() != null && ctx.html() != null;
            String stem = "=_tidewatch_" + HEX.formatHex(randomBytes(9));
            this.mixedBoundary = stem + ".m";
            this.relatedBoundary = stem + ".r";
            this.alternativeBoundary = stem + ".a";
            List<Part> inlineParts = new ArrayList<>();
            List<Part> attachedParts = new ArrayList<>();
            for (SendContext.Attachment a : ctx.attachments()) {
                // Text, HTML, calendar and Office files are rendered per recipient; the rest is encoded once here.
                Part part = AttachmentTemplating.isTemplated(a.name()) ? new Part(null, a)
                        : new Part(AttachmentPart.bytes(a, a.content()), null);
                (a.inline() ? inlineParts : attachedParts).add(part);
            }
            this.inline = List.copyOf(inlineParts);
            this.attached = List.copyOf(attachedParts);
        }

    }

    /** An attachment as Jakarta Mail encodes it (headers, file name parameters, base64 body), taken as bytes. */
    private static final class AttachmentPart extends MimeBodyPart {

        static byte[] bytes(SendContext.Attachment a, byte[] content) throws MessagingException {
            AttachmentPart part = new AttachmentPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, a.type())));
            part.setFileName(a.name());
            if (a.inline()) {
                part.setDisposition(MimeBodyPart.INLINE);
                part.setContentID("<" + a.name() + ">");
            } else {
                part.setDisposition(MimeBodyPart.ATTACHMENT);
            }
            part.updateHeaders();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 4 / 3 + 256);
            try {
                part.writeTo(out);
            } catch (IOException e) {
                throw new MessagingException("could not encode an attachment", e);
            }
            return out.toByteArray();
        }
    }

    /** An attachment part: encoded once ({@code fixed}), or rendered for each recipient ({@code templated}). */
    private record Part(byte[] fixed, SendContext.Attachment templated) {

        byte[] bytes(Recipient r) throws MessagingException {
            if (fixed != null) {
                return fixed;
            }
            PhishingContext context = PhishingContext.of(r.firstName(), r.lastName(), r.email(), r.position(), r.from(),
                    r.campaignUrl(), r.rid());
            try {
                return AttachmentPart.bytes(templated, AttachmentTemplating.render(templated.name(), templated.content(),
                        context));
            } catch (IOException e) {
                throw new MessagingException("could not render the attachment " + templated.name(), e);
            }
        }
    }

    /** Prepares a campaign's layout ({@code contactAddress} empty: no {@code X-Gophish-Contact} header). */
    static Layout layout(SendContext ctx, String xMailer, String contactAddress) throws MessagingException,
            UnsupportedEncodingException {
        return new Layout(ctx, xMailer, contactAddress);
    }

    /**
     * Builds one recipient's message. {@code X-Gophish-Contact}, when configured, goes before the profile's headers so
     * a profile can still replace it, as it can replace any header but the structural ones.
     */
    static SMTPMessage compose(Session session, SendContext ctx, Layout layout, ClaimedMessage to)
            throws MessagingException, UnsupportedEncodingException {
        Recipient recipient = new Recipient(to.firstName(), to.lastName(), to.email(), to.position(),
                ctx.from().getAddress(), to.rid(), ctx.url());
        boolean named = !to.firstName().isEmpty() && !to.lastName().isEmpty();
        InternetAddress address = new InternetAddress(to.email(), true);
        InternetAddress recipientAddress = named
                ? new InternetAddress(address.getAddress(), to.firstName() + " " + to.lastName(), "UTF-8")
                : address;
        Headers headers = new Headers();
        headers.set("Date", DATES.get().format(new Date()));
        headers.set("From", layout.from);
        headers.set("To", InternetAddress.toString(new Address[] { recipientAddress }, "To: ".length()));
        String subject = singleLine(ctx.subject().render(recipient, false));
        if (!subject.isEmpty()) {
            headers.set("Subject", MimeUtility.fold("Subject: ".length(), MimeUtility.encodeText(subject, "UTF-8", null)));
        }
        headers.set("Message-ID", "<" + System.currentTimeMillis() + "." + layout.idStem
                + Long.toHexString(MESSAGE_COUNTER.incrementAndGet()) + "@" + layout.domain + ">");
        headers.set("X-Mailer", layout.xMailer);
        if (layout.contact != null) {
            headers.set(CONTACT_HEADER, layout.contact);
        }
        for (SendContext.CompiledHeader header : ctx.headers()) {
            String key = singleLine(header.key().render(recipient, false)).strip();
            if (!key.isEmpty() && !STRUCTURAL.contains(key.toLowerCase(Locale.ROOT))) {
                String value = singleLine(header.value().render(recipient, false));
                headers.set(key, headerValue(key, value));
            }
        }
        headers.set("MIME-Version", "1.0");
        String text = ctx.text() == null ? null : ctx.text().render(recipient, false);
        String html = ctx.html() == null ? null : ctx.html().render(recipient, true);
        Writer out = new Writer(512 + (text == null ? 0 : text.length() * 11 / 10)
                + (html == null ? 0 : html.length() * 11 / 10));
        body(out, headers, layout, recipient, text, html);
        RawMessage message = new RawMessage(session, out.toByteArray(), new Address[] { recipientAddress });
        message.setEnvelopeFrom(ctx.envelopeFrom());
        return message;
    }

    /**
     * A profile header's value as it goes out: in an address header ({@code Reply-To}, {@code Cc}...) each display name
     * is encoded on its own and the addresses stay readable; any other value is encoded as text where it is not ASCII.
     */
    private static String headerValue(String key, String value) throws UnsupportedEncodingException {
        if (ADDRESS_HEADERS.contains(key.toLowerCase(Locale.ROOT))) {
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
                if (parsed.length > 0) {
                    InternetAddress[] encoded = new InternetAddress[parsed.length];
                    for (int i = 0; i < parsed.length; i++) {
                        String personal = parsed[i].getPersonal();
                        encoded[i] = personal == null ? parsed[i]
                                : new InternetAddress(parsed[i].getAddress(), personal, "UTF-8");
                    }
                    return InternetAddress.toString(encoded, key.length() + 2);
                }
            } catch (AddressException e) {
                // Not an address list after all: sent as text, as any other header.
            }
        }
        return MimeUtility.fold(key.length() + 2, MimeUtility.encodeText(value, "UTF-8", null));
    }

    /** The top-level Content-Type and the body after the headers. */
    private static void body(Writer out, Headers headers, Layout layout, Recipient recipient, String text, String html)
            throws MessagingException {
        boolean attachments = !layout.inline.isEmpty() || !layout.attached.isEmpty();
        if (!attachments) {
            if (layout.alternative) {
                headers.set("Content-Type", multipartType("alternative", layout.alternativeBoundary));
                out.headers(headers);
                alternative(out, layout, text, html);
            } else {
                headers.set("Content-Type", textType(html != null ? "html" : "plain"));
                headers.set("Content-Transfer-Encoding", "quoted-printable");
                out.headers(headers);
                out.bytes(QuotedPrintable.encode(html != null ? html : text == null ? "" : text));
            }
            return;
        }
        headers.set("Content-Type", multipartType("mixed", layout.mixedBoundary));
        out.headers(headers);
        out.boundary(layout.mixedBoundary);
        if (!layout.inline.isEmpty()) {
            out.line("Content-Type: " + multipartType("related", layout.relatedBoundary)).crlf();
            out.boundary(layout.relatedBoundary);
            content(out, layout, text, html);
            for (Part part : layout.inline) {
                out.crlf().boundary(layout.relatedBoundary).bytes(part.bytes(recipient));
            }
            out.crlf().closing(layout.relatedBoundary);
        } else {
            content(out, layout, text, html);
        }
        for (Part part : layout.attached) {
            out.crlf().boundary(layout.mixedBoundary).bytes(part.bytes(recipient));
        }
        out.crlf().closing(layout.mixedBoundary);
    }

    /** The readable content as a body part: the alternative multipart, or the one text part. */
    private static void content(Writer out, Layout layout, String text, String html) {
        if (layout.alternative) {
            out.line("Content-Type: " + multipartType("alternative", layout.alternativeBoundary)).crlf();
            alternative(out, layout, text, html);
        } else {
            textPart(out, html != null ? "html" : "plain", html != null ? html : text == null ? "" : text);
        }
    }

    private static void alternative(Writer out, Layout layout, String text, String html) {
        out.boundary(layout.alternativeBoundary);
        textPart(out, "plain", text);
        out.crlf().boundary(layout.alternativeBoundary);
        textPart(out, "html", html);
        out.crlf().closing(layout.alternativeBoundary);
    }

    private static void textPart(Writer out, String subtype, String text) {
        out.line("Content-Type: " + textType(subtype)).line("Content-Transfer-Encoding: quoted-printable").crlf()
                .bytes(QuotedPrintable.encode(text));
    }

    private static String textType(String subtype) {
        return "text/" + subtype + "; charset=UTF-8";
    }

    private static String multipartType(String subtype, String boundary) {
        return "multipart/" + subtype + "; \r\n\tboundary=\"" + boundary + "\"";
    }

    private static String singleLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "localhost" : address.substring(at + 1);
    }

    private static byte[] randomBytes(int n) {
        byte[] random = new byte[n];
        RANDOM.nextBytes(random);
        return random;
    }

    /** A message's headers in order; setting a name already present (in any case) replaces its value in place. */
    private static final class Headers {

        private final List<String[]> entries = new ArrayList<>(16);

        void set(String name, String value) {
            for (String[] entry : entries) {
                if (entry[0].equalsIgnoreCase(name)) {
                    entry[1] = value;
                    return;
                }
            }
            entries.add(new String[] { name, value });
        }
    }

    /** The message's bytes, written in order. */
    private static final class Writer {

        private final ByteArrayOutputStream out;

        Writer(int size) {
            out = new ByteArrayOutputStream(size);
        }

        void headers(Headers headers) {
            for (String[] entry : headers.entries) {
                line(entry[0] + ": " + entry[1]);
            }
            crlf();
        }

        Writer line(String line) {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            return crlf();
        }

        Writer crlf() {
            out.writeBytes(CRLF);
            return this;
        }

        Writer boundary(String boundary) {
            return line("--" + boundary);
        }

        Writer closing(String boundary) {
            return line("--" + boundary + "--");
        }

        Writer bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /**
     * A finished message: its bytes go to the server as they are (the transport adds dot-stuffing); it has a single
     * recipient and an envelope sender of its own.
     */
    static final class RawMessage extends SMTPMessage {

        private final byte[] bytes;
        private final Address[] recipients;

        RawMessage(Session session, byte[] bytes, Address[] recipients) {
            super(session);
            this.bytes = bytes;
            this.recipients = recipients;
        }

        @Override
        public Address[] getAllRecipients() {
            return recipients.clone();
        }

        @Override
        public int getSize() {
            return bytes.length;
        }

        @Override
        public void saveChanges() {
            // Complete as built.
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            os.write(bytes);
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            os.write(bytes);
        }
    }
}
