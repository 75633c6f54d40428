package io.tidewatch.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a page may send the browser after sign-in ({@code next}): a path on this site only. Anything that could leave
 * the site (a scheme, {@code //host}, a backslash that browsers treat as a slash, spaces, control or non-ASCII characters)
 * becomes
 * {@code /}, as do the sign-in pages themselves.
 */
final class LocalPaths {

    private LocalPaths() {
    }

    static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.indexOf('\\') >= 0 || next.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            return "/";
        }
        String path = next.contains("?") ? next.substring(0, next.indexOf('?')) : next;
        if (path.equals("/login") || path.equals("/logout") || path.startsWith("/invite/")) {
            return "/";
        }
        return next;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
