package io.tidewatch.campaign;

import java.time.Instant;

/**
 * A campaign as lists show it: its name, status and dates, and its funnel. Typed for server-side pages; the API writes
 * the same facts as Gophish's JSON.
 */
public record CampaignOverview(long id, String name, String status, Instant createdDate, Instant launchDate,
        Instant sendByDate, Instant completedDate, Funnel funnel) {

    /**
     * Gophish's cumulative funnel: every submitter also clicked, every clicker also opened, every opener was sent to;
     * reported is an independent flag, errors are sends that failed for good.
     */
    public record Funnel(long total, long sent, long opened, long clicked, long submitted, long reported, long error) {
    }

    /** True once completed: nothing more is sent or recorded. */
    public boolean completed() {
        return CampaignStatus.COMPLETED.equals(status);
    }
}
