package io.tidewatch.account;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.EnvelopeMappers;
import io.tidewatch.platform.web.PublicEndpoint;

/**
 * Authenticates every {@code /api} request before anything else runs: the {@code api_key} parameter first, then
 * the {@code Authorization} header with or without {@code Bearer}. Failures answer 401 in the Gophish envelope.
 */
public class AuthenticationFilter {

    private final Caller caller;
    private final List<CredentialResolver> resolvers;

    AuthenticationFilter(Caller caller, Instance<CredentialResolver> resolvers) {
        this.caller = caller;
        this.resolvers = resolvers.stream().sorted(Comparator.comparingInt(CredentialResolver::order)).toList();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api") || isPublic(resource)) {
            return null;
        }
        String credential = credential(request);
        if (credential == null) {
            return EnvelopeMappers.respond(401, "API Key not set");
        }
        try {
            caller.authenticate(resolve(credential));
            return null;
        } catch (ApiException e) {
            return EnvelopeMappers.respond(e.status(), e.getMessage());
        }
    }

    private CallerIdentity resolve(String credential) {
        for (CredentialResolver resolver : resolvers) {
            Optional<CallerIdentity> identity = resolver.resolve(credential);
            if (identity.isPresent()) {
                return identity.get();
            }
        }
        throw ApiException.unauthorized("Invalid API Key");
    }

    static String credential(ContainerRequestContext request) {
        return credential(request.getUriInfo().getQueryParameters().getFirst("api_key"),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The credential from the {@code api_key} parameter, else the Authorization header (Bearer optional). */
    static String credential(String param, String header) {
        if (param != null && !param.isBlank()) {
            return param.trim();
        }
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        return value.isEmpty() ? null : value;
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                        || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }
}
