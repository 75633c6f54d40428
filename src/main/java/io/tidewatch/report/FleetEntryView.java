package io.tidewatch.report;

import java.time.Instant;

/**
 * One organization in the MSSP's fleet view: seats used of the cap, the last campaign launched (its name and date), the
 * click and report rates of the campaigns launched in the last 30 days (null when none sent), and training completion
 * ("n/a" until training exists). {@code available} is false when the organization's data could not be read (its schema is
 * broken).
 */
public record FleetEntryView(long id, String name, String slug, int seatCap, long seatsUsed, String lastCampaignName,
        Instant lastCampaignDate,
        long campaigns, long emailsSent, Double clickRate, Double reportRate, String trainingCompletion,
        boolean available) {
}
