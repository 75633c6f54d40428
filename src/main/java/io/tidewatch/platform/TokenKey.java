package io.tidewatch.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The HMAC key that signs Tidewatch's own tokens (impersonation tokens, console sessions), from {@code
 * tidewatch.token-key} ({@code TIDEWATCH_TOKEN_KEY}): the base64 encoding of at least 32 random bytes. Without one, a
 * random key is made at start-up, so tokens neither survive a restart nor work on another replica.
 */
@Startup
@Singleton
public class TokenKey {

    /** The shortest key accepted, in bytes: HS256 needs 256 bits. */
    public static final int MIN_BYTES = 32;

    private static final String NO_KEY_WARNING = "tidewatch.token-key (TIDEWATCH_TOKEN_KEY) is not set: signing tokens"
            + " with a random key made at start-up. Impersonation tokens will not survive a restart and will not be"
            + " accepted by other replicas; set the key (base64 of %d random bytes) in production.";

    private final SecretKey key;

    TokenKey(@ConfigProperty(name = "tidewatch.token-key") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            this.key = hmacKey(decode(configured.get()));
        } else {
            Log.warnf(NO_KEY_WARNING, MIN_BYTES);
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            this.key = hmacKey(random);
        }
    }

    /** The signing and verification key. */
    public SecretKey secretKey() {
        return key;
    }

    /** Decodes a configured key (standard or URL-safe base64); refuses anything shorter than {@link #MIN_BYTES}. */
    static byte[] decode(String configured) {
        String text = configured.trim();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalStateException("tidewatch.token-key must be base64 (for example: openssl rand -base64 32)");
            }
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("tidewatch.token-key must encode at least " + MIN_BYTES + " bytes, not "
                    + bytes.length + " (for example: openssl rand -base64 32)");
        }
        return bytes;
    }

    private static SecretKey hmacKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
