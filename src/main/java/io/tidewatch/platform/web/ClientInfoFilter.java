package io.tidewatch.platform.web;

import jakarta.ws.rs.Priorities;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Records the client address, user agent, addressed host and scheme of every request. Forwarded headers are
 * honoured only when the peer is one of the configured {@link TrustedProxies}.
 */
public class ClientInfoFilter {

    private final ClientInfo info;
    private final TrustedProxies proxies;

    ClientInfoFilter(ClientInfo info, TrustedProxies proxies) {
        this.info = info;
        this.proxies = proxies;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void capture(HttpServerRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > 512) {
            agent = agent.substring(0, 512);
        }
        info.fill(RequestOrigin.of(request, proxies), agent);
    }
}
