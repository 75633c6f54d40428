package io.tidewatch.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.NewCookie;

/**
 * CSRF protection for the pages' forms, as a signed double submit: the browser holds a random value in an HttpOnly
 * cookie, and each form carries the HMAC of that value under a server key. A forged cross-site post can neither read
 * the cookie nor compute the HMAC; no server-side state is needed, so any replica can check it.
 */
@Singleton
public class CsrfTokens {

    /** The cookie holding the random value. */
    public static final String COOKIE = "tidewatch_csrf";

    /** The form field carrying the signed token. */
    public static final String FIELD = "csrf_token";

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionKeys keys;

    CsrfTokens(SessionKeys keys) {
        this.keys = keys;
    }

    /** The token for a form, and the cookie to set when the browser does not hold a usable one yet. */
    public record Grant(String token, Optional<NewCookie> cookie) {
    }

    /** A token bound to the browser's CSRF cookie value, minting a new cookie when {@code cookieValue} is unusable. */
    public Grant grant(String cookieValue, boolean secure) {
        if (cookieValue != null && VALUE.matcher(cookieValue).matches()) {
            return new Grant(sign(cookieValue), Optional.empty());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
        return new Grant(sign(value), Optional.of(cookie));
    }

    /** True when the form's token is the signature of the cookie's value. */
    public boolean verify(String cookieValue, String formToken) {
        if (cookieValue == null || formToken == null || !VALUE.matcher(cookieValue).matches()) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookieValue).getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String value) {
        byte[] mac = SessionKeys.hmac(keys.csrf(), value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
