package io.tidewatch.audit;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.audit.AuditPages.AuditVerificationJson;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.tenancy.TenantScoped;

/**
 * {@code /api/audit}: the organization's own audit log for its viewers and above (the tenant filter settles the
 * organization and the role), and with {@code ?scope=platform} the platform log for MSSP admins. Read-only: no method
 * changes or deletes an entry, so anything but GET answers 405.
 */
@Path("/api/audit")
public class AuditResource {

    static final String PLATFORM = "platform";

    private final TenantContext tenant;
    private final Instance<AuditActorSource> actors;
    private final AuditPages pages;

    AuditResource(TenantContext tenant, Instance<AuditActorSource> actors, AuditPages pages) {
        this.tenant = tenant;
        this.actors = actors;
        this.pages = pages;
    }

    @GET
    @TenantScoped
    @Produces({ MediaType.APPLICATION_JSON, AuditCsv.MEDIA_TYPE })
    public Response list(@RestQuery String action, @RestQuery String actor, @RestQuery String since,
            @RestQuery String until, @RestQuery String cursor, @RestQuery String limit, @RestQuery String scope,
            HttpHeaders headers) {
        requireOrganizationScope(scope);
        AuditQuery query = AuditQuery.parse(action, actor, since, until, cursor, limit);
        return pages.list(tenantSchema(), query, headers, tenantFileName());
    }

    @GET
    @Path("verify")
    @TenantScoped
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerificationJson verify(@RestQuery String scope) {
        requireOrganizationScope(scope);
        return pages.verify(tenantSchema());
    }

    /** The platform log; reached as {@code /api/audit?scope=platform} (see {@link AuditScopeRouting}), so not listed. */
    @GET
    @Path(PLATFORM)
    @Operation(hidden = true)
    @Produces({ MediaType.APPLICATION_JSON, AuditCsv.MEDIA_TYPE })
    public Response platform(@RestQuery String action, @RestQuery String actor, @RestQuery String since,
            @RestQuery String until, @RestQuery String cursor, @RestQuery String limit, HttpHeaders headers) {
        requirePlatformReader();
        AuditQuery query = AuditQuery.parse(action, actor, since, until, cursor, limit);
        return pages.list(TenantSchemas.CONTROL, query, headers, "audit-log-platform.csv");
    }

    /** The platform log as CSV; reached as {@code /api/audit.csv?scope=platform}. */
    @GET
    @Path(PLATFORM + ".csv")
    @Operation(hidden = true)
    public Response platformCsv(@RestQuery String action, @RestQuery String actor, @RestQuery String since,
            @RestQuery String until, @RestQuery String cursor, @RestQuery String limit) {
        requirePlatformReader();
        AuditQuery query = AuditQuery.parse(action, actor, since, until, cursor, limit);
        return pages.csv(TenantSchemas.CONTROL, query, "audit-log-platform.csv");
    }

    /** The platform log's chain; reached as {@code /api/audit/verify?scope=platform}. */
    @GET
    @Path(PLATFORM + "/verify")
    @Operation(hidden = true)
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerificationJson platformVerify() {
        requirePlatformReader();
        return pages.verify(TenantSchemas.CONTROL);
    }

    private String tenantSchema() {
        return TenantSchemas.of(tenant.requireOrgId());
    }

    private String tenantFileName() {
        return fileName(tenant.requireOrgId());
    }

    static String fileName(long orgId) {
        return "audit-log-org-" + orgId + ".csv";
    }

    private void requirePlatformReader() {
        if (!actors.isResolvable() || !actors.get().mayReadPlatformLog()) {
            throw ApiException.forbidden();
        }
    }

    static void requireOrganizationScope(String scope) {
        if (scope != null && !scope.isBlank() && !"organization".equalsIgnoreCase(scope.trim())) {
            throw ApiException.badRequest("scope: must be organization or platform");
        }
    }
}
