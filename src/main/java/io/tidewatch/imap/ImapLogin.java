package io.tidewatch.imap;

import java.net.InetAddress;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import io.quarkus.logging.Log;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.net.PinnedSockets;
import io.tidewatch.platform.web.ApiException;

/**
 * Opens an IMAP session the way Gophish does (implicit TLS when {@code tls} is set, plain otherwise), with the socket
 * pinned to the address the outbound guard checked and timeouts on every step.
 */
@ApplicationScoped
public class ImapLogin {

    static final int TIMEOUT_MS = 15_000;

    private final OutboundGuard guard;

    ImapLogin(OutboundGuard guard) {
        this.guard = guard;
    }

    /** Logs in and out; a 400 carrying the server's or the network's answer when that fails. */
    public void check(String host, int port, boolean tls, boolean ignoreCertErrors, String username, String password) {
        try (Store store = connect(host, port, tls, ignoreCertErrors, username, password)) {
            Log.debugf("IMAP login check on port %d succeeded (%s)", port, store.getClass().getSimpleName());
        } catch (MessagingException e) {
            Log.debugf("IMAP login check on port %d failed: %s", port, e.toString());
            String message = e.getMessage();
            throw ApiException.badRequest(message == null || message.isBlank() ? "IMAP login failed" : message.strip());
        }
    }

    /**
     * A logged-in store for the mailbox; the caller closes it. The host is checked by the outbound guard (a 400
     * {@link ApiException} when refused) and the socket pinned to the address it checked.
     */
    Store connect(String host, int port, boolean tls, boolean ignoreCertErrors, String username, String password)
            throws MessagingException {
        InetAddress address = guard.resolve(host);
        String protocol = tls ? "imaps" : "imap";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(prefix + "connectiontimeout", Integer.toString(TIMEOUT_MS));
        props.put(prefix + "timeout", Integer.toString(TIMEOUT_MS));
        props.put(prefix + "writetimeout", Integer.toString(TIMEOUT_MS));
        props.put(prefix + "socketFactory", PinnedSockets.plain(address));
        props.put(prefix + "socketFactory.fallback", "false");
        props.put(prefix + "ssl.socketFactory", PinnedSockets.tls(address, ignoreCertErrors));
        props.put(prefix + "ssl.checkserveridentity", Boolean.toString(!ignoreCertErrors));
        // Reading a message must not mark it seen by itself: the monitor decides what becomes of each message.
        props.put(prefix + "peek", "true");
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(host, port, username, password);
        return store;
    }
}
