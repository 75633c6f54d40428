package io.tidewatch.campaign;

import java.time.Instant;
import java.util.List;

/**
 * One campaign with what it was built from, a window of its recipients' results (in creation order, each with its own
 * events) and the campaign's latest timeline entries (newest first). {@code recipients} counts every result, also those outside
 * the window.
 */
public record CampaignDetail(CampaignOverview overview, String url, String templateName, String pageName,
        String profileName, List<Recipient> results, long recipients, List<Moment> timeline) {

    /** A recipient's result, with what happened to it (oldest first, at most the latest few). */
    public record Recipient(String rid, String email, String firstName, String lastName, String position,
            String status, boolean reported, Instant sendDate, Instant modifiedDate, List<Moment> timeline) {
    }

    /** A timeline entry; {@code email} is empty for the campaign's own events. */
    public record Moment(String email, Instant time, String message) {
    }

    /** True when some results are outside the window. */
    public boolean truncated() {
        return results.size() < recipients;
    }
}
