package io.tidewatch.audit;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Routes {@code ?scope=platform} on the audit paths to the platform log's methods before matching: the organization's
 * log is tenant-scoped (the tenant filter must settle an organization), the platform's is not, and JAX-RS cannot tell
 * two methods apart by a query parameter. Runs after the path normaliser.
 */
public class AuditScopeRouting {

    private static final Map<String, String> PLATFORM_PATHS = Map.of(
            "/api/audit", "/api/audit/" + AuditResource.PLATFORM,
            "/api/audit.csv", "/api/audit/" + AuditResource.PLATFORM + ".csv",
            "/api/audit/verify", "/api/audit/" + AuditResource.PLATFORM + "/verify");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void route(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String target = PLATFORM_PATHS.get(uri.getRawPath());
        if (target == null) {
            return;
        }
        String scope = request.getUriInfo().getQueryParameters().getFirst("scope");
        if (scope != null && AuditResource.PLATFORM.equalsIgnoreCase(scope.trim())) {
            String query = uri.getRawQuery();
            request.setRequestUri(URI.create(target + (query == null ? "" : "?" + query)));
        }
    }
}
