package io.tidewatch.mailer;

import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP transport that knows whether the current message's content has started to go out: the server answered
 * DATA with 354 (or BDAT started). A connection lost before that point provably delivered nothing, so the message may
 * be retried; after it, the outcome is unknown and the message is not sent again.
 */
final class TrackingTransport extends SMTPTransport {

    private volatile boolean contentStarted;
    private volatile boolean open;

    TrackingTransport(Session session, URLName url) {
        super(session, url);
    }

    /**
     * Whether the connection is open as far as this side knows, without asking the server: the transport's own
     * {@link #isConnected()} sends a NOOP and waits for the answer, which per message would add two round trips to the
     * four a message takes. A connection the server dropped shows at the next command, which the session handles.
     */
    boolean open() {
        return open;
    }

    @Override
    protected void setConnected(boolean connected) {
        super.setConnected(connected);
        open = connected;
    }

    /** Forgets the previous message's progress. */
    void beginMessage() {
        contentStarted = false;
    }

    /** True once the current message's content started to go to the server. */
    boolean contentStarted() {
        return contentStarted;
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream out = super.data();
        contentStarted = true;
        return out;
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
        contentStarted = true;
        return super.bdat();
    }
}
