package io.tidewatch.campaign;

/** Fired when a campaign is completed or deleted, so caches of its landing page and recipients can drop it. */
public record CampaignClosed(long orgId, long campaignId) {
}
