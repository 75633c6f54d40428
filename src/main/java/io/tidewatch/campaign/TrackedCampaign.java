package io.tidewatch.campaign;

import io.tidewatch.campaign.CampaignMaterials.PageMaterial;

/** What the phishing door needs of a campaign: whether it still answers, its URL, sender and landing page. */
public record TrackedCampaign(long orgId, long campaignId, boolean completed, String url, String fromAddress,
        PageMaterial page) {
}
