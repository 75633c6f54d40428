package io.tidewatch.landingpage.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.platform.web.Paging;

/** Landing pages of the current tenant. */
@ApplicationScoped
public class LandingPageRepository implements PanacheRepository<LandingPage> {

    /** The page with exactly this name. */
    public Optional<LandingPage> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of landing pages, oldest first. */
    public List<LandingPage> listPage(Paging paging) {
        return paging.apply(findAll(Sort.by("id")));
    }
}
