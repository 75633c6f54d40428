package io.tidewatch.platform.web;

import jakarta.ws.rs.Priorities;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Records the client address and user agent of every request. The address is the peer's: forwarded headers are
 * honoured only through Quarkus' proxy-address forwarding, which is enabled for configured trusted proxies only.
 */
public class ClientInfoFilter {

    private final ClientInfo info;

    ClientInfoFilter(ClientInfo info) {
        this.info = info;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void capture(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > 512) {
            agent = agent.substring(0, 512);
        }
        info.fill(address, agent);
    }
}
