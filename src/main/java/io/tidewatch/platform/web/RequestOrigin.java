package io.tidewatch.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request came from and which host and scheme it addressed. The peer's own values count unless the peer is a
 * {@link TrustedProxies trusted proxy}; then the forwarded headers it set are used: the client address is the first
 * address, from the right, that is not itself a trusted proxy, and host and scheme are the values the nearest proxy
 * appended (the rightmost), so a client cannot slip its own values in front of the proxy's.
 */
public record RequestOrigin(String address, String host, boolean secure) {

    /** Reads the origin of a request. */
    public static RequestOrigin of(HttpServerRequest request, TrustedProxies proxies) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String host = normalizeHost(request.getHeader("Host"));
        boolean secure = request.isSSL();
        if (peer == null || !proxies.isTrusted(peer)) {
            return new RequestOrigin(peer, host, secure);
        }
        String forwarded = request.getHeader("Forwarded");
        List<String> chain;
        String forwardedHost;
        String proto;
        if (forwarded != null && !forwarded.isBlank()) {
            chain = new ArrayList<>();
            forwardedHost = null;
            proto = null;
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).trim());
                    switch (key) {
                        case "for" -> chain.add(value);
                        case "host" -> forwardedHost = value;
                        case "proto" -> proto = value;
                        default -> {
                        }
                    }
                }
            }
        } else {
            chain = splitList(request.getHeader("X-Forwarded-For"));
            forwardedHost = last(splitList(request.getHeader("X-Forwarded-Host")));
            proto = last(splitList(request.getHeader("X-Forwarded-Proto")));
        }
        String address = clientAddress(peer, chain, proxies);
        String effectiveHost = forwardedHost == null ? host : normalizeHost(forwardedHost);
        boolean effectiveSecure = proto == null ? secure : "https".equalsIgnoreCase(proto);
        return new RequestOrigin(address, effectiveHost, effectiveSecure);
    }

    /** A host name as addressed: lower case, without port, brackets or a trailing dot; null when unusable. */
    public static String normalizeHost(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String host = value.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() || host.length() > 253 ? null : host;
    }

    private static String clientAddress(String peer, List<String> chain, TrustedProxies proxies) {
        String address = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = stripPort(chain.get(i));
            if (TrustedProxies.literal(hop) == null) {
                break;
            }
            address = hop;
            if (!proxies.isTrusted(hop)) {
                break;
            }
        }
        return address;
    }

    private static String stripPort(String value) {
        String hop = value.trim();
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    private static List<String> splitList(String header) {
        List<String> values = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1)
                : value;
    }
}
