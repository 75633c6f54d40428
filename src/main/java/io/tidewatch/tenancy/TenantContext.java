package io.tidewatch.tenancy;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import org.jboss.logging.MDC;

/**
 * The organization the current unit of work acts in. Filled once at the edge (a request filter, or a job for the
 * tenant recorded on it) and read by the Hibernate tenant resolver; nothing else chooses a schema.
 */
@RequestScoped
public class TenantContext {

    private Long orgId;
    private Object previousTenant;

    /** Selects the organization; a second, different selection in the same unit of work is a programming error. */
    public void enter(long orgId) {
        TenantSchemas.of(orgId);
        if (this.orgId != null && this.orgId != orgId) {
            throw new IllegalStateException("the tenant of a unit of work cannot change");
        }
        if (this.orgId == null) {
            previousTenant = MDC.get("tenantId");
        }
        this.orgId = orgId;
        MDC.put("tenantId", Long.toString(orgId));
    }

    /**
     * Puts the log context back as the unit of work found it when it ends: a reused thread never logs this tenant, and
     * work that runs a tenant unit of work inside its own log context (the mailer's batch) keeps that context.
     */
    @PreDestroy
    void leave() {
        if (orgId == null) {
            return;
        }
        if (previousTenant == null) {
            MDC.remove("tenantId");
        } else {
            MDC.put("tenantId", previousTenant.toString());
        }
    }

    /** The selected organization, if any. */
    public OptionalLong orgId() {
        return orgId == null ? OptionalLong.empty() : OptionalLong.of(orgId);
    }

    /** The selected organization; fails closed when none was selected. */
    public long requireOrgId() {
        if (orgId == null) {
            throw new TenantMissingException();
        }
        return orgId;
    }

    /** The schema to use, if a tenant is selected. */
    public Optional<String> schema() {
        return orgId == null ? Optional.empty() : Optional.of(TenantSchemas.of(orgId));
    }
}
