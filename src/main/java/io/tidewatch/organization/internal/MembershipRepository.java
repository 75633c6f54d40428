package io.tidewatch.organization.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.organization.OrgRole;

/** Finds memberships in the control schema. */
@ApplicationScoped
public class MembershipRepository implements PanacheRepository<Membership> {

    /** The membership of an account in an organization, active or not. */
    public Optional<Membership> findByOrgAndAccount(long orgId, long accountId) {
        return find("orgId = ?1 and accountId = ?2", orgId, accountId).firstResultOptional();
    }

    /** The members of an organization, oldest first. */
    public List<Membership> listByOrg(long orgId) {
        return list("orgId", Sort.ascending("id"), orgId);
    }

    /** Every membership of an account. */
    public List<Membership> listByAccount(long accountId) {
        return list("accountId", Sort.ascending("id"), accountId);
    }

    /** How many active admins an organization has. */
    public long countActiveAdmins(long orgId) {
        return count("orgId = ?1 and active = true and role = ?2", orgId, OrgRole.ADMIN);
    }
}
