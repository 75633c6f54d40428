package io.tidewatch.mailer;

/** How one SMTP delivery attempt ended, with the server's answer or the failure for the timeline. */
record SmtpResult(Kind kind, String text) {

    /** The four ways an attempt ends. */
    enum Kind {
        /** The server accepted the message (250 after DATA). */
        ACCEPTED,
        /** A 4xx reply, or a connection failure before the message content was sent: safe to try again. */
        TEMPORARY,
        /** A 5xx reply: the server refused the message for good. */
        PERMANENT,
        /** The connection failed after the content was sent: the server may have taken it; never resent. */
        UNKNOWN
    }

    static SmtpResult accepted() {
        return new SmtpResult(Kind.ACCEPTED, "");
    }
}
