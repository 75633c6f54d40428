package io.tidewatch.campaign;

import java.util.Optional;

/**
 * A recipient's status as Gophish names it. The rank orders the engagement funnel: a result only ever moves to a
 * higher rank through tracking, and the mailer never overwrites an engaged status.
 */
public enum ResultStatus {
    /** Created with a send date in the future. */
    SCHEDULED("Scheduled", 0),
    /** Due, or being sent now. */
    SENDING("Sending", 0),
    /** A temporary failure; the message is retried later. */
    RETRYING("Retrying", 0),
    /** A permanent failure, too many attempts, or an outcome that could not be known. */
    ERROR("Error", 1),
    /** Accepted by the SMTP server. */
    EMAIL_SENT("Email Sent", 1),
    /** The tracking pixel was loaded. */
    EMAIL_OPENED("Email Opened", 2),
    /** The landing page was visited. */
    CLICKED_LINK("Clicked Link", 3),
    /** The landing page form was submitted. */
    SUBMITTED_DATA("Submitted Data", 4);

    private final String wire;
    private final int rank;

    ResultStatus(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    /** The Gophish string. */
    public String wire() {
        return wire;
    }

    /** The position in the funnel. */
    public int rank() {
        return rank;
    }

    /** The status with this Gophish string. */
    public static Optional<ResultStatus> fromWire(String wire) {
        for (ResultStatus status : values()) {
            if (status.wire.equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
