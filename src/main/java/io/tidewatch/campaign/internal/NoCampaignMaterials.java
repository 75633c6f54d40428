package io.tidewatch.campaign.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.tidewatch.campaign.CampaignMaterials;

/**
 * Stands in until the template, landing page, sending profile and group capabilities provide the real
 * {@link CampaignMaterials}: it knows of no material, so campaigns answer "not found" for their references.
 */
@DefaultBean
@ApplicationScoped
public class NoCampaignMaterials implements CampaignMaterials {

    @Override
    public Optional<TemplateMaterial> template(MaterialRef ref) {
        return Optional.empty();
    }

    @Override
    public Optional<PageMaterial> page(MaterialRef ref) {
        return Optional.empty();
    }

    @Override
    public Optional<ProfileMaterial> profile(MaterialRef ref) {
        return Optional.empty();
    }

    @Override
    public Optional<GroupMaterial> group(MaterialRef ref) {
        return Optional.empty();
    }

    @Override
    public Set<Long> existing(MaterialKind kind, Collection<Long> ids) {
        return Set.of();
    }
}
