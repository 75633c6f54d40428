package io.tidewatch.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The keys that sign session cookies, invitation links and CSRF tokens, each derived (HMAC-SHA256 with a label) from
 * one secret: {@code tidewatch.session-key} ({@code TIDEWATCH_SESSION_KEY}, falling back to the deployment's
 * {@code TIDEWATCH_TOKEN_KEY}). Every replica must share it; rotating it signs everyone out and voids open
 * invitations. Without one, a random key is generated with a warning: sessions then die at restart and work on this
 * replica only.
 */
@Startup
@Singleton
class SessionKeys {

    private static final String NO_KEY = "tidewatch.session-key (TIDEWATCH_SESSION_KEY) is not set: using a random key,"
            + " so sessions end at restart and are not accepted by other replicas";

    private final SecretKey session;
    private final SecretKey invitation;
    private final SecretKey csrf;

    SessionKeys(@ConfigProperty(name = "tidewatch.session-key") Optional<String> configured) {
        byte[] master;
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (configured.get().length() < 32) {
                Log.warnf("tidewatch.session-key is shorter than 32 characters; use 32 random bytes, base64-encoded");
            }
            master = sha256(configured.get().getBytes(StandardCharsets.UTF_8));
        } else {
            Log.warnf(NO_KEY);
            master = new byte[32];
            new SecureRandom().nextBytes(master);
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
