package io.tidewatch.campaign;

import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.CampaignMaterials.TemplateMaterial;

/**
 * What the mailer needs to send a campaign's e-mail: the template and profile as snapshotted at launch, with the
 * profile's current password opened (empty when the profile needs none, or was deleted: then
 * {@code passwordAvailable} is false), and the campaign URL.
 */
public record SendingMaterials(long orgId, long campaignId, String url, TemplateMaterial template,
        ProfileMaterial profile, boolean passwordAvailable) {

    @Override
    public String toString() {
        return "SendingMaterials[campaign=" + campaignId + ", profile=" + profile + "]";
    }
}
