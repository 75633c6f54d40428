package io.tidewatch.campaign.internal;

import java.time.Instant;

/** One row of the campaign table. {@code materials} is the snapshot's JSON text. */
public record CampaignRow(long id, String name, String status, String url, Instant createdDate, Instant launchDate,
        Instant sendByDate, Instant completedDate, long templateId, long pageId, long profileId, String materials) {
}
