package io.tidewatch.organization;

import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tidewatch.account.Caller;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.EnvelopeMappers;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Settles which organization a {@link TenantScoped} request acts in, before the resource runs: an impersonation
 * token's organization, else {@code X-Org-Id}, else {@code org_id}, else the caller's default or only organization.
 * A caller who is not an active member gets 403; viewers may only read; learners have no API access.
 */
public class TenantFilter {

    static final String HEADER = "X-Org-Id";

    private final Caller caller;
    private final MembershipService memberships;
    private final TenantEntry entry;

    TenantFilter(Caller caller, MembershipService memberships, TenantEntry entry) {
        this.caller = caller;
        this.memberships = memberships;
        this.entry = entry;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response resolve(ContainerRequestContext request, ResourceInfo resource) {
        if (!isTenantScoped(resource) || caller.identity().isEmpty()) {
            return null;
        }
        try {
            CallerIdentity who = caller.identity().get();
            Long requested = requestedOrg(request);
            long orgId;
            if (who.isImpersonating()) {
                orgId = requested != null ? requested : who.impersonatedOrgId();
            } else {
                orgId = requested != null ? requested : defaultOrg(who);
            }
            entry.enter(who, orgId, request.getMethod(), msspAdminsRead(resource));
            return null;
        } catch (ApiException e) {
            return EnvelopeMappers.respond(e.status(), e.getMessage());
        }
    }

    private static boolean msspAdminsRead(ResourceInfo resource) {
        TenantScoped scope = resource.getResourceMethod().getAnnotation(TenantScoped.class);
        return scope != null && scope.msspAdminsRead();
    }

    private long defaultOrg(CallerIdentity who) {
        List<Long> orgs = memberships.activeOrgIds(who.accountId());
        if (orgs.size() == 1) {
            return orgs.get(0);
        }
        Long preferred = memberships.defaultOrgOf(who.accountId());
        if (preferred != null && orgs.contains(preferred)) {
            return preferred;
        }
        if (orgs.isEmpty()) {
            throw ApiException.forbidden();
        }
        throw ApiException.badRequest("Select an organization with the X-Org-Id header or the org_id parameter");
    }

    static Long requestedOrg(ContainerRequestContext request) {
        String value = request.getHeaderString(HEADER);
        String source = HEADER;
        if (value == null || value.isBlank()) {
            value = request.getUriInfo().getQueryParameters().getFirst("org_id");
            source = "org_id";
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(source + ": must be an organization id");
        }
    }

    private static boolean isTenantScoped(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(TenantScoped.class)
                        || resource.getResourceClass().isAnnotationPresent(TenantScoped.class));
    }
}
