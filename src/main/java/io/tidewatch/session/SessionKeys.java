package io.tidewatch.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.tidewatch.platform.TokenKey;

/**
 * The keys that sign session cookies, invitation links and CSRF tokens, each derived (HMAC-SHA256 with a label) from
 * one secret: the platform's {@link TokenKey} ({@code TIDEWATCH_TOKEN_KEY}, which warns at start-up when missing), or
 * {@code tidewatch.session-key} ({@code TIDEWATCH_SESSION_KEY}) when sessions should have a secret of their own.
 * Derived keys never equal the token key itself, so these tokens and impersonation tokens cannot pass for each
 * other. Every replica must share the secret; rotating it signs everyone out and voids open invitations.
 */
@Singleton
class SessionKeys {

    private static final String SHORT_KEY = "tidewatch.session-key is shorter than 32 characters; use 32 random bytes,"
            + " base64-encoded";

    private final SecretKey session;
    private final SecretKey invitation;
    private final SecretKey csrf;

    SessionKeys(@ConfigProperty(name = "tidewatch.session-key") Optional<String> configured, TokenKey tokenKey) {
        byte[] master;
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (configured.get().length() < 32) {
                Log.warnf(SHORT_KEY);
            }
            master = sha256(configured.get().getBytes(StandardCharsets.UTF_8));
        } else {
            master = tokenKey.secretKey().getEncoded();
        }
        this.session = derive(master, "tidewatch/session");
        this.invitation = derive(master, "tidewatch/invitation");
        this.csrf = derive(master, "tidewatch/csrf");
    }

    SecretKey session() {
        return session;
    }

    SecretKey invitation() {
        return invitation;
    }

    SecretKey csrf() {
        return csrf;
    }

    /** HMAC-SHA256 of {@code data} with {@code key}. */
    static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static SecretKey derive(byte[] master, String label) {
        return new SecretKeySpec(hmac(new SecretKeySpec(master, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
