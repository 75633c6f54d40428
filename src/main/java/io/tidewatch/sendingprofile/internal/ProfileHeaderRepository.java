package io.tidewatch.sendingprofile.internal;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Custom headers of the current tenant's profiles. */
@ApplicationScoped
public class ProfileHeaderRepository implements PanacheRepository<ProfileHeader> {

    /** The headers of these profiles, in the order they were given. */
    public List<ProfileHeader> listByProfiles(Collection<Long> profileIds) {
        if (profileIds.isEmpty()) {
            return List.of();
        }
        return list("profileId in ?1", Sort.by("id"), profileIds);
    }

    /** Removes a profile's headers. */
    public void deleteByProfile(long profileId) {
        delete("profileId", profileId);
    }
}
