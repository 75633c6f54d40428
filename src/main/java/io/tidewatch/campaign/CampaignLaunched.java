package io.tidewatch.campaign;

import java.time.Instant;

/** Fired inside the creating transaction; observed after commit by the mailer so the first e-mail leaves at once. */
public record CampaignLaunched(long orgId, long campaignId, Instant firstDue) {
}
