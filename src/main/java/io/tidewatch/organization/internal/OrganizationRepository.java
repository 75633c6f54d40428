package io.tidewatch.organization.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Finds organizations in the control schema. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepository<Organization> {

    /** An active organization by id. */
    public Optional<Organization> findActive(long id) {
        return find("id = ?1 and status = ?2", id, OrgStatus.ACTIVE).firstResultOptional();
    }

    /** Any organization holding this slug. */
    public Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Any organization holding this host. */
    public Optional<Organization> findByHost(String host) {
        return find("host", host).firstResultOptional();
    }

    /** Every active organization, oldest first. */
    public List<Organization> listActive() {
        return list("status", Sort.ascending("id"), OrgStatus.ACTIVE);
    }

    /** The active organizations among these ids, oldest first. */
    public List<Organization> listActive(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("status = ?1 and id in ?2", Sort.ascending("id"), OrgStatus.ACTIVE, ids);
    }
}
