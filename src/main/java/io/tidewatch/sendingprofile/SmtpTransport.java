package io.tidewatch.sendingprofile;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.net.PinnedSockets;
import io.tidewatch.platform.web.ApiException;

/**
 * Sends messages through a sending profile with Jakarta Mail, built per use (profiles live in the database, so
 * Quarkus' mailer, configured at start-up, cannot serve them). The host is resolved and checked once by the
 * outbound guard and the socket pinned to that address; port 465 speaks implicit TLS, others upgrade with STARTTLS
 * when the server offers it; every step has a timeout.
 */
@ApplicationScoped
public class SmtpTransport {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IO_TIMEOUT_MS = 30_000;

    /** Gophish's header naming who to contact about a simulated phishing e-mail. */
    static final String CONTACT_HEADER = "X-Gophish-Contact";

    private final OutboundGuard guard;
    private final String contactAddress;

    SmtpTransport(OutboundGuard guard,
            @ConfigProperty(name = "tidewatch.phish.contact-address") Optional<String> contactAddress) {
        this.guard = guard;
        this.contactAddress = contactAddress.map(String::strip).orElse("").replaceAll("[\\r\\n]", "");
    }

    /** A mail session for the profile; its sockets can only reach the checked address. */
    public Session session(SmtpSettings settings) {
        InetAddress address = guard.resolve(settings.host());
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.from", settings.fromAddress());
        props.put("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        props.put("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
        props.put("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
        props.put("mail.smtp.socketFactory", PinnedSockets.plain(address));
        props.put("mail.smtp.socketFactory.fallback", "false");
        props.put("mail.smtp.ssl.socketFactory", PinnedSockets.tls(address, settings.ignoreCertErrors()));
        props.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(!settings.ignoreCertErrors()));
        if (settings.port() == 465) {
            props.put("mail.smtp.ssl.enable", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
        }
        props.put("mail.smtp.auth", Boolean.toString(!settings.username().isEmpty()));
        return Session.getInstance(props);
    }

    /**
     * Sends one message now; an SMTP or connection failure is a 502 carrying the server's answer. With
     * {@code tidewatch.phish.contact-address} set, the message carries it as {@code X-Gophish-Contact} unless the
     * profile's headers already set one, as campaign e-mail does.
     */
    public void send(SmtpSettings settings, Session session, MimeMessage message) {
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.username().isEmpty()) {
                transport.connect();
            } else {
                transport.connect(settings.username(), settings.password());
            }
            if (!contactAddress.isEmpty() && message.getHeader(CONTACT_HEADER) == null) {
                message.setHeader(CONTACT_HEADER, contactAddress);
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            Log.debugf("SMTP send through port %d failed: %s", settings.port(), e.toString());
            throw new ApiException(502, "SMTP error: " + describe(e));
        }
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || message.isBlank())) {
            message = cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
