package io.tidewatch.mailer;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import io.quarkus.logging.Log;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.net.PinnedSockets;
import io.tidewatch.platform.web.ApiException;

/**
 * One SMTP connection to one server, kept open across messages and batches and used by one sender at a time. Every
 * attempt is classified: accepted, temporary (4xx, or a connection lost before the content was sent), permanent
 * (5xx), or unknown (the connection was lost after the content was sent). Every connection goes through the
 * {@link OutboundGuard}: the host is resolved and checked when the connection opens and the socket is pinned to that
 * address, so a second DNS answer cannot swap in an internal one. A host the guard refuses fails every message
 * permanently without a connection attempt.
 */
final class SmtpSession {

    private final SmtpServer server;
    private final MailerConfig config;
    private final OutboundGuard guard;
    private TrackingTransport transport;
    private SmtpResult refused;
    private int sent;
    private boolean broken;
    private long lastUsed = System.nanoTime();

    SmtpSession(SmtpServer server, MailerConfig config, OutboundGuard guard) {
        this.server = server;
        this.config = config;
        this.guard = guard;
    }

    SmtpServer server() {
        return server;
    }

    /** Sends one message to {@code recipients}; never throws. */
    SmtpResult send(MimeMessage message, Address[] recipients) {
        boolean reused = transport != null && transport.open();
        SmtpResult result = attempt(message, recipients);
        if (result.kind() == SmtpResult.Kind.TEMPORARY && broken && reused) {
            // A reused connection the server had dropped: nothing of this message reached it, so one fresh try.
            Log.debugf("SMTP connection to %s dropped while idle; reconnecting", server);
            result = attempt(message, recipients);
        }
        lastUsed = System.nanoTime();
        return result;
    }

    private SmtpResult attempt(MimeMessage message, Address[] recipients) {
        if (refused != null) {
            return refused;
        }
        if (broken) {
            close();
            broken = false;
        }
        try {
            connect();
        } catch (OutboundGuard.Refused e) {
            // Policy, not a network failure: retrying cannot help, so the message is marked Error at once.
            Log.warnf("SMTP server %s refused by the outbound guard: %s", server, e.getMessage());
            refused = new SmtpResult(SmtpResult.Kind.PERMANENT, e.getMessage());
            return refused;
        } catch (ApiException e) {
            broken = true;
            return new SmtpResult(SmtpResult.Kind.TEMPORARY, "connection failed: " + e.getMessage());
        } catch (MessagingException e) {
            broken = true;
            return new SmtpResult(SmtpResult.Kind.TEMPORARY, "connection failed: " + describe(e));
        }
        transport.beginMessage();
        try {
            transport.sendMessage(message, recipients);
            sent++;
            return SmtpResult.accepted();
        } catch (SMTPSendFailedException e) {
            if (e.getReturnCode() < 200) {
                // No reply at all (the server hung up): where that happened decides whether it may be retried.
                return connectionLost(e);
            }
            reset();
            return byCode(e.getReturnCode(), e);
        } catch (SendFailedException e) {
            reset();
            for (Exception next = e.getNextException(); next != null;) {
                if (next instanceof SMTPAddressFailedException failed) {
                    return byCode(failed.getReturnCode(), failed);
                }
                next = next instanceof MessagingException m ? m.getNextException() : null;
            }
            return connectionLost(e);
        } catch (MessagingException e) {
            return connectionLost(e);
        }
    }

    private SmtpResult connectionLost(MessagingException e) {
        broken = true;
        if (transport.contentStarted()) {
            return new SmtpResult(SmtpResult.Kind.UNKNOWN, "connection lost after the message was transmitted ("
                    + describe(e) + "); not resent");
        }
        return new SmtpResult(SmtpResult.Kind.TEMPORARY, "connection failed: " + describe(e));
    }

    private static SmtpResult byCode(int code, MessagingException e) {
        String text = describe(e);
        if (code >= 400 && code < 500) {
            return new SmtpResult(SmtpResult.Kind.TEMPORARY, text);
        }
        return new SmtpResult(SmtpResult.Kind.PERMANENT, text);
    }

    private void connect() throws MessagingException {
        if (transport != null && transport.open()) {
            return;
        }
        InetAddress address = guard.resolve(server.host());
        Session session = Session.getInstance(properties(server, config, address));
        transport = new TrackingTransport(session, new URLName("smtp", server.host(), server.port(), null, null, null));
        if (server.username().isEmpty()) {
            transport.connect(server.host(), server.port(), null, null);
        } else {
            transport.connect(server.host(), server.port(), server.username(), server.password());
        }
    }

    /** Clears the envelope after a refusal so the next message starts clean. */
    private void reset() {
        try {
            if (transport.open()) {
                transport.issueCommand("RSET", 250);
            }
        } catch (MessagingException e) {
            broken = true;
        }
    }

    boolean isReusable(int maxMessages) {
        return refused == null && !broken && transport != null && transport.open() && sent < maxMessages;
    }

    long idleNanos() {
        return System.nanoTime() - lastUsed;
    }

    void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            Log.debugf("Closing an SMTP connection to %s failed: %s", server, e.getMessage());
        }
        transport = null;
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        if (cause instanceof IOException && cause.getMessage() != null && message != null
                && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.strip().replaceAll("\\s+", " ");
    }

    /** The session's settings: timeouts, TLS as the port asks, and sockets that can only reach {@code address}. */
    static Properties properties(SmtpServer server, MailerConfig config, InetAddress address) {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(config.readTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(config.writeTimeout().toMillis()));
        props.put("mail.smtp.quitwait", "false");
        props.put("mail.smtp.auth", Boolean.toString(!server.username().isEmpty()));
        props.put("mail.smtp.socketFactory", PinnedSockets.plain(address));
        props.put("mail.smtp.socketFactory.fallback", "false");
        props.put("mail.smtp.ssl.socketFactory", PinnedSockets.tls(address, server.ignoreCertErrors()));
        props.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(!server.ignoreCertErrors()));
        if (server.port() == 465) {
            props.put("mail.smtp.ssl.enable", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
        }
        return props;
    }
}
