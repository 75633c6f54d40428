package io.tidewatch.impersonation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Finds impersonations in the control schema. */
@ApplicationScoped
public class ImpersonationRepository implements PanacheRepository<Impersonation> {

    /** Every impersonation, newest first. */
    public List<Impersonation> listNewestFirst() {
        return listAll(Sort.descending("id"));
    }

    /** The staff member's impersonations, newest first. */
    public List<Impersonation> listByStaff(long accountId) {
        return list("staffAccountId", Sort.descending("id"), accountId);
    }

    /** The ids of the staff member's impersonations still running at {@code now}. */
    public List<Long> listRunningIdsByStaff(long accountId, Instant now) {
        return find("staffAccountId = ?1 and endedAt is null and expiresAt > ?2", accountId, now).stream()
                .map(i -> i.id)
                .toList();
    }

    /** Ids of the organization's impersonations still running at {@code now}. */
    public List<Long> listRunningIdsByOrg(long orgId, Instant now) {
        return find("orgId = ?1 and endedAt is null and expiresAt > ?2", orgId, now).stream()
                .map(i -> i.id)
                .toList();
    }

    /** The impersonation, its row locked until the transaction ends: ending and expiring it queue behind each other. */
    public Optional<Impersonation> findForUpdate(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The ids of impersonations whose time ran out but which are not marked ended yet, oldest first. */
    public List<Long> listDueIds(Instant now, int max) {
        return find("endedAt is null and expiresAt <= ?1", Sort.ascending("id"), now).page(0, max).list().stream()
                .map(i -> i.id)
                .toList();
    }
}
