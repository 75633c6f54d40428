package io.tidewatch.organization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.tidewatch.account.AccountChange;
import io.tidewatch.account.AccountDeleted;
import io.tidewatch.account.AccountRoleChanging;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.organization.internal.Membership;
import io.tidewatch.organization.internal.MembershipRepository;
import io.tidewatch.organization.internal.OrganizationRepository;
import io.tidewatch.platform.web.ApiException;

/**
 * Adds, changes and removes members. Client accounts take a seat and belong to one organization only; MSSP staff
 * may join many and never take a seat. Every change is audited in the organization's own log.
 */
@ApplicationScoped
public class MembershipService {

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final AccountService accounts;
    private final SeatService seats;
    private final AuditLog audit;
    private final Event<MemberAdded> added;

    MembershipService(MembershipRepository memberships, OrganizationRepository organizations, AccountService accounts,
            SeatService seats, AuditLog audit, Event<MemberAdded> added) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.accounts = accounts;
        this.seats = seats;
        this.audit = audit;
        this.added = added;
    }

    /**
     * Makes the account a member with the role; 409 if it already is, or is a client of another organization. The new
     * member is invited by e-mail once the membership is committed.
     */
    @Transactional
    public MemberView add(long orgId, long accountId, OrgRole role) {
        return add(orgId, accountId, role, true);
    }

    /** As {@link #add(long, long, OrgRole)}; {@code invite} false for the creator of a new organization. */
    @Transactional
    MemberView add(long orgId, long accountId, OrgRole role, boolean invite) {
        requireActive(orgId);
        AccountView account = accounts.lock(accountId);
        if (memberships.findByOrgAndAccount(orgId, accountId).isPresent()) {
            throw ApiException.conflict("User is already a member of this organization");
        }
        if (account.role() == PlatformRole.CLIENT) {
            boolean elsewhere = memberships.listByAccount(accountId).stream().anyMatch(m -> m.orgId != orgId);
            if (elsewhere) {
                throw ApiException.conflict("A client account belongs to one organization and this one already has one");
            }
            seats.claim(orgId, List.of(account.username()), SeatSource.MEMBER);
        }
        Membership membership = new Membership();
        membership.orgId = orgId;
        membership.accountId = accountId;
        membership.role = role;
        membership.createdAt = Instant.now();
        membership.updatedAt = membership.createdAt;
        memberships.persist(membership);
        if (account.defaultOrgId() == null) {
            accounts.update(accountId, AccountChange.defaultOrg(orgId));
        }
        audit.record(AuditEvent.of("member.add").org(orgId).target("account", accountId).details("role=" + role.wireName()));
        if (invite) {
            added.fire(new MemberAdded(orgId, accountId, role));
        }
        return view(membership, account);
    }

    /** Creates a client account and makes it a member, in one transaction: a refused seat leaves no account. */
    @Transactional
    public MemberView createMember(long orgId, String username, String password, OrgRole role) {
        requireActive(orgId);
        long accountId = accounts.create(username, password, PlatformRole.CLIENT, false).account().id();
        return add(orgId, accountId, role);
    }

    /** Removes the member; a client account, which belongs to this organization only, is deleted with it. */
    @Transactional
    public void removeAndDeleteClient(long orgId, long accountId) {
        remove(orgId, accountId);
        if (accounts.find(accountId).map(a -> a.role() == PlatformRole.CLIENT).orElse(false)) {
            accounts.delete(accountId);
        }
    }

    /** Changes a member's role and/or active flag; reactivating a client takes a seat again. */
    @Transactional
    public MemberView change(long orgId, long accountId, OrgRole role, Boolean active) {
        lockActive(orgId);
        Membership membership = existing(orgId, accountId);
        AccountView account = accounts.find(accountId).orElseThrow(() -> ApiException.notFound("User not found"));
        if (role != null && role != membership.role) {
            if (membership.role == OrgRole.ADMIN) {
                requireAnotherAdmin(orgId);
            }
            audit.record(AuditEvent.of("member.role_change").org(orgId).target("account", accountId)
                    .details(membership.role.wireName() + " -> " + role.wireName()));
            membership.role = role;
        }
        if (active != null && active != membership.active) {
            changeActive(orgId, membership, account, active);
        }
        membership.updatedAt = Instant.now();
        return view(membership, account);
    }

    /** Removes the membership and frees its seat. */
    @Transactional
    public void remove(long orgId, long accountId) {
        lockActive(orgId);
        Membership membership = existing(orgId, accountId);
        if (membership.role == OrgRole.ADMIN && membership.active) {
            requireAnotherAdmin(orgId);
        }
        AccountView account = accounts.find(accountId).orElseThrow(() -> ApiException.notFound("User not found"));
        seats.release(orgId, account.username(), SeatSource.MEMBER);
        memberships.delete(membership);
        audit.record(AuditEvent.of("member.remove").org(orgId).target("account", accountId));
    }

    /** The organization's members, oldest first. */
    public List<MemberView> list(long orgId) {
        return memberships.listByOrg(orgId).stream()
                .map(m -> view(m, accounts.find(m.accountId).orElseThrow()))
                .toList();
    }

    /** One member, if the account is a member of the organization. */
    public Optional<MemberView> find(long orgId, long accountId) {
        return memberships.findByOrgAndAccount(orgId, accountId)
                .map(m -> view(m, accounts.find(m.accountId).orElseThrow()));
    }

    /**
     * The caller's active role in the organization. An impersonation acts as the admin of its one organization and has
     * no role anywhere else: the staff member's own memberships do not come with the token. Anyone else acts through
     * its own active memberships.
     */
    public Optional<OrgRole> roleOf(CallerIdentity who, long orgId) {
        if (who.isImpersonating()) {
            return orgId == who.impersonatedOrgId() && isActiveOrganization(orgId) ? Optional.of(OrgRole.ADMIN)
                    : Optional.empty();
        }
        return activeRole(orgId, who.accountId());
    }

    /** The active organizations the caller acts in: an impersonation's one organization, else its memberships. */
    public List<Long> orgIdsOf(CallerIdentity who) {
        if (who.isImpersonating()) {
            return isActiveOrganization(who.impersonatedOrgId()) ? List.of(who.impersonatedOrgId()) : List.of();
        }
        return activeOrgIds(who.accountId());
    }

    /** The account's active role in the organization, if it is an active member of an active organization. */
    public Optional<OrgRole> activeRole(long orgId, long accountId) {
        return memberships.findByOrgAndAccount(orgId, accountId)
                .filter(m -> m.active)
                .filter(m -> organizations.findActive(orgId).isPresent())
                .map(m -> m.role);
    }

    /** The ids of the active organizations where the account is an active member. */
    public List<Long> activeOrgIds(long accountId) {
        List<Long> ids = memberships.listByAccount(accountId).stream().filter(m -> m.active).map(m -> m.orgId).toList();
        return organizations.listActive(ids).stream().map(o -> o.id).toList();
    }

    /**
     * True for a client account acting as itself whose active memberships are all a learner's (at least one): it has
     * no access to the API or the console (the learner portal is its only door).
     */
    public boolean isLearnerOnly(CallerIdentity who) {
        if (who.role() != PlatformRole.CLIENT || who.isImpersonating()) {
            return false;
        }
        List<OrgRole> roles = memberships.listByAccount(who.accountId()).stream().filter(m -> m.active)
                .map(m -> m.role).toList();
        return !roles.isEmpty() && roles.stream().allMatch(r -> r == OrgRole.LEARNER);
    }

    /** The account's preferred organization, if it set one. */
    public Long defaultOrgOf(long accountId) {
        return accounts.find(accountId).map(AccountView::defaultOrgId).orElse(null);
    }

    /** The client accounts that are members of the organization. */
    public List<Long> clientAccountIds(long orgId) {
        return memberships.listByOrg(orgId).stream().map(m -> m.accountId).filter(this::isClientAccount).toList();
    }

    /** Deletes accounts whose organization is gone (their memberships already went with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAccounts(List<Long> accountIds) {
        for (long accountId : accountIds) {
            accounts.delete(accountId);
        }
    }

    /** True when the organization exists and is active. */
    public boolean isActiveOrganization(long orgId) {
        return organizations.findActive(orgId).isPresent();
    }

    /** True when the account is a client account that belongs to no organization other than this one. */
    public boolean isClientAvailableTo(long orgId, long accountId) {
        return isClientAccount(accountId)
                && memberships.listByAccount(accountId).stream().allMatch(m -> m.orgId == orgId);
    }

    /** True when the account is a client account (which belongs to one organization and takes a seat). */
    public boolean isClientAccount(long accountId) {
        return accounts.find(accountId).map(a -> a.role() == PlatformRole.CLIENT).orElse(false);
    }

    void releaseSeatsOf(@Observes AccountDeleted deleted) {
        for (Membership m : memberships.listByAccount(deleted.accountId())) {
            if (m.active && m.role == OrgRole.ADMIN && organizations.findActive(m.orgId).isPresent()) {
                lockActive(m.orgId);
                if (memberships.countActiveAdmins(m.orgId) <= 1) {
                    throw ApiException.conflict("This account is the only administrator of organization " + m.orgId
                            + ": make another member admin first");
                }
            }
        }
        seats.releaseEverywhere(deleted.username(), SeatSource.MEMBER);
    }

    void refuseRoleChangeWithMemberships(@Observes AccountRoleChanging change) {
        boolean crossesSeatLine = change.from().isStaff() != change.to().isStaff();
        if (crossesSeatLine && !memberships.listByAccount(change.accountId()).isEmpty()) {
            throw ApiException.conflict("platform_role: an account cannot move between client and staff while it is a"
                    + " member of an organization; remove its memberships first");
        }
    }

    private void changeActive(long orgId, Membership membership, AccountView account, boolean active) {
        if (account.role() == PlatformRole.CLIENT) {
            if (active) {
                seats.claim(orgId, List.of(account.username()), SeatSource.MEMBER);
            } else {
                seats.release(orgId, account.username(), SeatSource.MEMBER);
            }
        }
        if (!active && membership.role == OrgRole.ADMIN) {
            requireAnotherAdmin(orgId);
        }
        membership.active = active;
        audit.record(AuditEvent.of(active ? "member.activate" : "member.deactivate").org(orgId)
                .target("account", account.id()));
    }

    private void requireAnotherAdmin(long orgId) {
        if (memberships.countActiveAdmins(orgId) <= 1) {
            throw ApiException.badRequest("Cannot remove the only administrator");
        }
    }

    private Membership existing(long orgId, long accountId) {
        return memberships.findByOrgAndAccount(orgId, accountId)
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    /** Locks the organization row: decisions about its admins and seats queue behind each other. */
    private void lockActive(long orgId) {
        if (organizations.findActive(orgId).isEmpty()) {
            throw ApiException.notFound("Organization not found");
        }
        organizations.findById(orgId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireActive(long orgId) {
        if (organizations.findActive(orgId).isEmpty()) {
            throw ApiException.notFound("Organization not found");
        }
    }

    private static MemberView view(Membership m, AccountView a) {
        return new MemberView(a.id(), a.username(), m.role, m.active, a.role() == PlatformRole.CLIENT && m.active,
                a.lastLogin(), a.passwordChangeRequired(), a.locked(), m.createdAt);
    }
}
