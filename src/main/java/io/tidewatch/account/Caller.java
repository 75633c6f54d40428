package io.tidewatch.account;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.tidewatch.platform.web.ApiException;

/** The authenticated caller of the current request, set once by the authentication filter. */
@RequestScoped
public class Caller {

    private CallerIdentity identity;

    /**
     * Sets the request's identity, once. Only code that has verified a credential calls this: the API's authentication
     * filter, and the console's, which turns a verified session cookie into the same identity an API key would give.
     */
    public void authenticate(CallerIdentity identity) {
        if (this.identity != null) {
            throw new IllegalStateException("a request is authenticated once");
        }
        this.identity = identity;
    }

    /** The identity, if the request is authenticated. */
    public Optional<CallerIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The identity; a 401 when the request is not authenticated. */
    public CallerIdentity require() {
        if (identity == null) {
            throw ApiException.unauthorized("API Key not set");
        }
        return identity;
    }

    /** The account id of the caller. */
    public long accountId() {
        return require().accountId();
    }

    /** True for an MSSP admin acting as itself (not through an impersonation token). */
    public boolean isMsspAdmin() {
        CallerIdentity who = require();
        return who.role() == PlatformRole.MSSP_ADMIN && !who.isImpersonating();
    }

    /** Refuses with 403 unless the caller is an MSSP admin acting as itself. */
    public void requireMsspAdmin() {
        if (!isMsspAdmin()) {
            throw ApiException.forbidden();
        }
    }
}
