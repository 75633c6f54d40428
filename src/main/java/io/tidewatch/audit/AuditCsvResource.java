package io.tidewatch.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.tenancy.TenantScoped;

/** {@code /api/audit.csv}: the organization's audit log as CSV, with the filters of {@code /api/audit}. */
@Path("/api/audit.csv")
public class AuditCsvResource {

    private final TenantContext tenant;
    private final AuditPages pages;

    AuditCsvResource(TenantContext tenant, AuditPages pages) {
        this.tenant = tenant;
        this.pages = pages;
    }

    // No @Produces: the .csv path asks for CSV whatever Accept says, so a client sending Accept: application/json
    // still gets its export rather than a 406.
    @GET
    @TenantScoped
    public Response export(@RestQuery String action, @RestQuery String actor, @RestQuery String since,
            @RestQuery String until, @RestQuery String cursor, @RestQuery String limit, @RestQuery String scope) {
        AuditResource.requireOrganizationScope(scope);
        AuditQuery query = AuditQuery.parse(action, actor, since, until, cursor, limit);
        long orgId = tenant.requireOrgId();
        return pages.csv(TenantSchemas.of(orgId), query, AuditResource.fileName(orgId));
    }
}
