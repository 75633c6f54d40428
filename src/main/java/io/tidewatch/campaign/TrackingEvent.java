package io.tidewatch.campaign;

import java.time.Instant;

/**
 * Something a recipient did, as the phishing door saw it. {@code details} is the JSON text for the timeline;
 * {@code flagged} events (mail scanners, link previews) are kept on the timeline but never move the status.
 */
public record TrackingEvent(long campaignId, long resultId, String email, Kind kind, Instant time, String ip,
        String details, boolean flagged) {

    /** What happened. */
    public enum Kind {
        /** The tracking pixel was loaded. */
        OPENED(ResultStatus.EMAIL_OPENED, EventMessage.EMAIL_OPENED),
        /** The landing page was visited. */
        CLICKED(ResultStatus.CLICKED_LINK, EventMessage.CLICKED_LINK),
        /** The landing page form was submitted. */
        SUBMITTED(ResultStatus.SUBMITTED_DATA, EventMessage.SUBMITTED_DATA),
        /** The e-mail was reported; sets the reported flag, never the status. */
        REPORTED(null, EventMessage.EMAIL_REPORTED);

        private final ResultStatus status;
        private final String message;

        Kind(ResultStatus status, String message) {
            this.status = status;
            this.message = message;
        }

        /** The status this moves a result to, or null (reports). */
        public ResultStatus status() {
            return status;
        }

        /** The timeline message. */
        public String message() {
            return message;
        }
    }
}
