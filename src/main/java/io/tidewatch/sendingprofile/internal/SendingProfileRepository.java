package io.tidewatch.sendingprofile.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.platform.web.Paging;

/** Sending profiles of the current tenant. */
@ApplicationScoped
public class SendingProfileRepository implements PanacheRepository<SendingProfile> {

    /** The profile with exactly this name. */
    public Optional<SendingProfile> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of profiles, oldest first. */
    public List<SendingProfile> listPage(Paging paging) {
        return paging.apply(findAll(Sort.by("id")));
    }
}
