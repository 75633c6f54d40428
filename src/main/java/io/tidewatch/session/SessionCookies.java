package io.tidewatch.session;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie: a signed token, HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts),
 * Secure when the request came over HTTPS, and expiring with the token.
 */
final class SessionCookies {

    /** The cookie's name. */
    static final String NAME = "tidewatch_session";

    private SessionCookies() {
    }

    static NewCookie session(String token, Duration ttl, boolean secure) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) ttl.toSeconds()).build();
    }

    static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
