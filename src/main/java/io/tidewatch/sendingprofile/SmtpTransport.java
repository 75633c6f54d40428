package io.tidewatch.sendingprofile;

import java.net.InetAddress;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

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

    private final OutboundGuard guard;

    SmtpTransport(OutboundGuard guard) {
        this.guard = guard;
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

    /** Sends one message now; an SMTP or connection failure is a 502 carrying the server's answer. */
    public void send(SmtpSettings settings, Session session, MimeMessage message) {
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.username().isEmpty()) {
                transport.connect();
            } else {
                transport.connect(settings.username(), settings.password());
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
