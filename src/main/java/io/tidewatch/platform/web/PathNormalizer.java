package io.tidewatch.platform.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gophish clients send {@code DELETE /api/groups//5} and mix {@code /x} with {@code /x/}. Instead of answering with a
 * redirect (which turns a POST into a GET), the path is cleaned before routing: runs of slashes collapse and a
 * trailing slash is dropped.
 */
public class PathNormalizer {

    @ServerRequestFilter(preMatching = true)
    public void normalize(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null) {
            return;
        }
        String clean = clean(path);
        if (!clean.equals(path)) {
            String query = uri.getRawQuery();
            request.setRequestUri(URI.create(clean + (query == null ? "" : "?" + query)));
        }
    }

    static String clean(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        if (collapsed.length() > 1 && collapsed.endsWith("/")) {
            return collapsed.substring(0, collapsed.length() - 1);
        }
        return collapsed;
    }
}
