package io.tidewatch.platform.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from and which host it addressed, for the audit log, rate limits and host-based
 * tenant resolution. Filled by {@link ClientInfoFilter}; forwarded headers count only from trusted proxies.
 */
@RequestScoped
public class ClientInfo {

    private String address;
    private String userAgent;
    private String host;
    private boolean secure;

    void fill(RequestOrigin origin, String userAgent) {
        this.address = origin.address();
        this.host = origin.host();
        this.secure = origin.secure();
        this.userAgent = userAgent;
    }

    /** The client's IP address, or null outside HTTP. */
    public String address() {
        return address;
    }

    /** The client's user agent, cut to 512 characters, or null. */
    public String userAgent() {
        return userAgent;
    }

    /** The host name the client addressed (lower case, without port), or null. */
    public String host() {
        return host;
    }

    /** True when the client reached us over HTTPS (directly or through a trusted proxy that says so). */
    public boolean isSecure() {
        return secure;
    }
}
