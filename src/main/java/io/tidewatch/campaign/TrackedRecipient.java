package io.tidewatch.campaign;

import java.time.Instant;

/** What the phishing door knows about a rid: its tenant, campaign and result, and the recipient's fields. */
public record TrackedRecipient(long orgId, long campaignId, long resultId, String rid, String email, String firstName,
        String lastName, String position, Instant sendDate) {
}
