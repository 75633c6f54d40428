package io.tidewatch.imap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a reported e-mail the way Gophish's monitor does: the recipient ids ({@code rid=XXXXXXX} in tracking and
 * phishing links) in its headers, its text and HTML, and in e-mails forwarded as attachments ({@code message/rfc822}
 * parts and {@code .eml} files), however deeply nested. Other attachments ({@code .msg} included) are not read.
 */
final class ReportedMail {

    /**
     * A rid parameter in a URL, also percent-encoded ({@code %3Frid%3D}), HTML-escaped ({@code &amp;rid=}) or still
     * quoted-printable ({@code rid=3D}); the id itself is 7 letters and digits, not part of a longer word.
     */
    static final Pattern RID = Pattern
            .compile("(?:[?&;]|%3[Ff]|%26)rid(?:=|%3[Dd])(?:3[Dd])?([A-Za-z0-9]{7})(?![A-Za-z0-9])");

    /** Forwarded e-mails inside forwarded e-mails are followed this deep. */
    static final int MAX_DEPTH = 5;

    /** Text scanned per part; longer parts are scanned up to here. */
    static final int MAX_TEXT = 4 * 1024 * 1024;

    private static final Session PARSING = Session.getInstance(new Properties());

    private ReportedMail() {
    }

    /** The distinct rids found anywhere the monitor looks, in the order found. */
    static Set<String> rids(Message message) throws MessagingException, IOException {
        Set<String> rids = new LinkedHashSet<>();
        collect(message, 0, rids);
        return rids;
    }

    /** True when the first sender's address is in {@code domain} (exactly, ignoring case); always when blank. */
    static boolean fromDomain(Message message, String domain) throws MessagingException {
        if (domain == null || domain.isBlank()) {
            return true;
        }
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
                || sender.getAddress() == null) {
            return false;
        }
        String address = sender.getAddress();
        String senderDomain = address.substring(address.lastIndexOf('@') + 1);
        return senderDomain.toLowerCase(Locale.ROOT).equals(domain.strip().toLowerCase(Locale.ROOT));
    }

    /** The rids in a piece of text. */
    static Set<String> ridsIn(String text) {
        Set<String> rids = new LinkedHashSet<>();
        scan(text, rids);
        return rids;
    }

    private static void collect(Part part, int depth, Set<String> rids) throws MessagingException, IOException {
        scanHeaders(part, rids);
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth, rids);
                }
            }
        } else if (part.isMimeType("message/rfc822")) {
            if (depth < MAX_DEPTH) {
                Object content = part.getContent();
                if (content instanceof Part inner) {
                    collect(inner, depth + 1, rids);
                } else {
                    collect(parse(part), depth + 1, rids);
                }
            }
        } else if (isEml(part)) {
            if (depth < MAX_DEPTH) {
                collect(parse(part), depth + 1, rids);
            }
        } else if (part.isMimeType("text/*")) {
            scan(text(part), rids);
        }
    }

    private static boolean isEml(Part part) throws MessagingException {
        String name = part.getFileName();
        return name != null && name.strip().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    private static MimeMessage parse(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new MimeMessage(PARSING, in);
        }
    }

    private static void scanHeaders(Part part, Set<String> rids) throws MessagingException {
        Enumeration<Header> headers = part.getAllHeaders();
        while (headers.hasMoreElements()) {
            String value = headers.nextElement().getValue();
            if (value != null) {
                scan(value, rids);
            }
        }
    }

    /** The part's decoded text; with an unknown charset, its bytes read as Latin-1 (the rid is ASCII either way). */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            }
        } catch (IOException e) {
            // An unsupported charset: fall through to the raw bytes.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_TEXT), StandardCharsets.ISO_8859_1);
        }
    }

    private static void scan(String text, Set<String> rids) {
        Matcher matcher = RID.matcher(text);
        while (matcher.find()) {
            rids.add(matcher.group(1));
        }
    }
}
