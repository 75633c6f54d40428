package io.tidewatch.organization;

import jakarta.enterprise.context.RequestScoped;

import io.tidewatch.platform.web.ApiException;

/** The caller's role in the organization the request acts in, as settled by the tenant filter. */
@RequestScoped
public class TenantAccess {

    private Long orgId;
    private OrgRole role;

    void grant(long orgId, OrgRole role) {
        this.orgId = orgId;
        this.role = role;
    }

    /** The organization the request acts in. */
    public long orgId() {
        if (orgId == null) {
            throw new IllegalStateException("the tenant filter did not run for this resource");
        }
        return orgId;
    }

    /** The caller's role there. */
    public OrgRole role() {
        orgId();
        return role;
    }

    /** Refuses with 403 unless the caller's role includes {@code minimum}. */
    public void require(OrgRole minimum) {
        if (!role().atLeast(minimum)) {
            throw ApiException.forbidden();
        }
    }
}
