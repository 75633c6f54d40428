package io.tidewatch.organization;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.tenancy.TenantContext;

/**
 * Enters an organization for the current request, with the rules every door shares (the API's tenant filter, the
 * console's): an impersonation acts in its own organization only, as its admin; anyone else must be an active member.
 * Learners have no access, viewers read only, and an organization whose schema is broken is refused (503).
 */
@ApplicationScoped
public class TenantEntry {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final MembershipService memberships;
    private final TenantContext context;
    private final TenantAccess access;
    private final TenantHealth health;

    TenantEntry(MembershipService memberships, TenantContext context, TenantAccess access, TenantHealth health) {
        this.memberships = memberships;
        this.context = context;
        this.access = access;
        this.health = health;
    }

    /**
     * Selects {@code orgId} for this request and returns the caller's role there; 403 when the caller may not act there
     * with this HTTP method, 503 when the organization's schema is unusable.
     */
    public OrgRole enter(CallerIdentity who, long orgId, String method) {
        return enter(who, orgId, method, false);
    }

    /**
     * As {@link #enter(CallerIdentity, long, String)}; with {@code msspAdminsRead}, an MSSP admin acting as itself may
     * also read in an active organization it is not a member of, with a viewer's rights.
     */
    public OrgRole enter(CallerIdentity who, long orgId, String method, boolean msspAdminsRead) {
        boolean platformReader = msspAdminsRead && !who.isImpersonating() && who.role() == PlatformRole.MSSP_ADMIN
                && READ_METHODS.contains(method) && memberships.isActiveOrganization(orgId);
        OrgRole role = memberships.roleOf(who, orgId)
                .or(() -> platformReader ? Optional.of(OrgRole.VIEWER) : Optional.empty())
                .orElseThrow(ApiException::forbidden);
        if (role == OrgRole.LEARNER || (role == OrgRole.VIEWER && !READ_METHODS.contains(method))) {
            throw ApiException.forbidden();
        }
        if (health.isBroken(orgId)) {
            throw new ApiException(503, "This organization is unavailable: its schema could not be migrated");
        }
        context.enter(orgId);
        access.grant(orgId, role);
        return role;
    }
}
