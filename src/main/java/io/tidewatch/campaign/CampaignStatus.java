package io.tidewatch.campaign;

/** Gophish's campaign status strings. */
public final class CampaignStatus {

    /** Created with a launch date in the future. */
    public static final String QUEUED = "Queued";
    /** Launched. */
    public static final String IN_PROGRESS = "In progress";
    /** Completed by a user: nothing more is sent or recorded. */
    public static final String COMPLETED = "Completed";

    private CampaignStatus() {
    }
}
