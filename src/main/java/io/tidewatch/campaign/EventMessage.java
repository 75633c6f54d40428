package io.tidewatch.campaign;

/** Gophish's timeline event messages. */
public final class EventMessage {

    /** The campaign was created (no recipient). */
    public static final String CAMPAIGN_CREATED = "Campaign Created";
    /** The SMTP server accepted the message. */
    public static final String EMAIL_SENT = "Email Sent";
    /** A send attempt failed (temporarily or for good); details carry the error. */
    public static final String ERROR_SENDING = "Error Sending Email";
    /** The tracking pixel was loaded. */
    public static final String EMAIL_OPENED = "Email Opened";
    /** The landing page was visited. */
    public static final String CLICKED_LINK = "Clicked Link";
    /** The landing page form was submitted. */
    public static final String SUBMITTED_DATA = "Submitted Data";
    /** The recipient reported the e-mail. */
    public static final String EMAIL_REPORTED = "Email Reported";

    private EventMessage() {
    }
}
