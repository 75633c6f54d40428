package io.tidewatch.campaign.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidewatch.campaign.CampaignMaterials.PageMaterial;
import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.CampaignMaterials.TemplateMaterial;

/**
 * What a campaign sends and serves, copied from its template, landing page and sending profile at creation. The
 * profile's password is never part of it: the mailer asks for the profile's current password when it sends.
 */
public record Snapshot(TemplateMaterial template, PageMaterial page, ProfileMaterial profile) {

    /** The snapshot of these materials, with the password left out. */
    public static Snapshot of(TemplateMaterial template, PageMaterial page, ProfileMaterial profile) {
        ProfileMaterial withoutPassword = new ProfileMaterial(profile.id(), profile.name(), profile.host(),
                profile.username(), "", profile.fromAddress(), profile.ignoreCertErrors(),
                List.copyOf(profile.headers()), profile.modifiedDate());
        return new Snapshot(template, page, withoutPassword);
    }

    /** The JSON text stored in the campaign row. */
    public String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a campaign snapshot", e);
        }
    }

    /** Reads a stored snapshot. */
    public static Snapshot fromJson(ObjectMapper json, String text) {
        try {
            return json.readValue(text, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored campaign snapshot could not be read", e);
        }
    }
}
