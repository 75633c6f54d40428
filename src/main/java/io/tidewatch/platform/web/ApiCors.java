package io.tidewatch.platform.web;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Cross-origin use of the API as Gophish allows it: every {@code /api} response carries
 * {@code Access-Control-Allow-Origin: *}, and a preflight {@code OPTIONS} is answered 200 without a key, so scripts and
 * dashboards running in a browser on another origin keep working. Only {@code /api}: it authenticates with API keys
 * (sent by the caller on purpose), never with the console's cookies, so another site's page gains nothing it could not
 * do with the key itself. The console and the phishing pages get no such header.
 */
public class ApiCors {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    /** Gophish's list, plus the key's header and the organization selector of Tidewatch's API. */
    static final String ALLOW_HEADERS = "Origin, X-Requested-With, Content-Type, Accept, Authorization, X-Org-Id";
    /** Response headers a page may read besides the simple ones: the audit CSV's next page, download names. */
    static final String EXPOSE_HEADERS = "X-Next-Cursor, Content-Disposition";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> preflight(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod()) || !isApi(request.getUriInfo().getRequestUri().getRawPath())) {
            return Optional.empty();
        }
        return Optional.of(Response.ok()
                .header(ALLOW_ORIGIN, "*")
                .header("Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT, DELETE")
                .header("Access-Control-Max-Age", "1000")
                .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                .build());
    }

    @ServerResponseFilter
    public void allowAnyOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        if (isApi(request.getUriInfo().getRequestUri().getRawPath())) {
            response.getHeaders().putSingle(ALLOW_ORIGIN, "*");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    /** Whether the path is {@code /api} or below it, however many slashes Gophish clients put in it. */
    static boolean isApi(String path) {
        if (path == null) {
            return false;
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start > 0 && path.startsWith("api", start)
                && (path.length() == start + 3 || path.charAt(start + 3) == '/');
    }
}
