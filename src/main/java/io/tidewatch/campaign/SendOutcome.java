package io.tidewatch.campaign;

import java.time.Instant;

/**
 * What happened to one claimed message: sent, to be retried at {@code retryAt}, or failed for good. {@code error} is
 * the server's answer or the failure, for the timeline (never a password).
 */
public record SendOutcome(long resultId, String email, Kind kind, String error, Instant retryAt) {

    /** The three outcomes. */
    public enum Kind {
        /** The SMTP server accepted the message. */
        SENT,
        /** A temporary failure: back off and try again. */
        RETRY,
        /** A permanent failure: the result is marked Error and not sent again. */
        FAILED
    }

    /** Accepted by the server. */
    public static SendOutcome sent(ClaimedMessage message) {
        return new SendOutcome(message.resultId(), message.email(), Kind.SENT, "", null);
    }

    /** To be retried at {@code at}. */
    public static SendOutcome retry(ClaimedMessage message, String error, Instant at) {
        return new SendOutcome(message.resultId(), message.email(), Kind.RETRY, error, at);
    }

    /** Failed for good. */
    public static SendOutcome failed(ClaimedMessage message, String error) {
        return new SendOutcome(message.resultId(), message.email(), Kind.FAILED, error, null);
    }
}
