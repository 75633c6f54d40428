package io.tidewatch.platform.web;

import jakarta.enterprise.context.RequestScoped;

/** Where the current request came from, for the audit log and rate limits. Filled by {@link ClientInfoFilter}. */
@RequestScoped
public class ClientInfo {

    private String address;
    private String userAgent;

    void fill(String address, String userAgent) {
        this.address = address;
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
}
