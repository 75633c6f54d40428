package io.tidewatch.organization.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.tenancy.TenantSchemas;

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

    /**
     * Ids of the organizations in this status created before {@code cutoff}, oldest first. Plain SQL, as the next
     * method: both run while the service starts, where the first query language statement would cost the start its
     * parser's set-up (a tenth of a second and more).
     */
    public List<Long> idsCreatedBefore(OrgStatus status, Instant cutoff) {
        return ids(getEntityManager().createNativeQuery("SELECT id FROM " + TenantSchemas.CONTROL
                + ".organization WHERE status = ?1 AND created_at < ?2 ORDER BY id", Long.class)
                .setParameter(1, status.name()).setParameter(2, cutoff).getResultList());
    }

    /** Ids of the active organizations, oldest first (plain SQL: see {@link #idsCreatedBefore}). */
    public List<Long> activeIds() {
        return ids(getEntityManager().createNativeQuery("SELECT id FROM " + TenantSchemas.CONTROL
                + ".organization WHERE status = ?1 ORDER BY id", Long.class).setParameter(1, OrgStatus.ACTIVE.name())
                .getResultList());
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
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
