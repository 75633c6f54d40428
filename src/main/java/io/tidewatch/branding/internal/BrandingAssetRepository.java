package io.tidewatch.branding.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Reads and writes uploaded logos and favicons in the control schema. */
@ApplicationScoped
public class BrandingAssetRepository implements PanacheRepository<BrandingAsset> {

    /** The organization's asset of this kind, without loading its bytes. */
    public Optional<BrandingAsset> find(long orgId, String kind) {
        return find("orgId = ?1 and kind = ?2", orgId, kind).firstResultOptional();
    }

    /** Every asset of the organization, without their bytes. */
    public List<BrandingAsset> listByOrg(long orgId) {
        return list("orgId", orgId);
    }

    /** The stored bytes of one asset. */
    public byte[] content(long id) {
        return getEntityManager().createQuery("select a.content from BrandingAsset a where a.id = ?1", byte[].class)
                .setParameter(1, id).getSingleResult();
    }
}
