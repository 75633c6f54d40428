package io.tidewatch.console;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

/**
 * The console's impersonation cookie: the signed token of the impersonation the signed-in staff member started, sent
 * only to console pages (HttpOnly, SameSite=Strict, path {@code /console}) and expiring with the impersonation. It
 * counts only together with the session of the staff member who started it, and only while the impersonation runs.
 */
final class ConsoleCookies {

    static final String IMPERSONATION = "tidewatch_impersonation";

    private ConsoleCookies() {
    }

    static NewCookie impersonation(String token, Duration lifetime, boolean secure) {
        return new NewCookie.Builder(IMPERSONATION).value(token).path("/console").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.max(1, lifetime.toSeconds())).build();
    }

    static NewCookie impersonationCleared(boolean secure) {
        return new NewCookie.Builder(IMPERSONATION).value("").path("/console").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }
}
