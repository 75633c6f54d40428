package io.tidewatch.platform.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of short secrets with AES-256-GCM. A sealed value reads {@code v1:<base64(nonce|ciphertext)>};
 * the purpose (such as {@code smtp.password}) is bound as associated data, so a value copied into another column does
 * not open there.
 */
public final class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /** A box for a 32-byte key. */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Parses a base64 key of exactly 32 bytes; the message says what is wrong, never the key. */
    public static SecretBox fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tidewatch.encryption-key is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("tidewatch.encryption-key must be the base64 of 32 bytes, not "
                    + bytes.length);
        }
        return new SecretBox(bytes);
    }

    /** Seals {@code plaintext} for {@code purpose}; null stays null and "" stays "" (nothing to hide). */
    public String seal(String plaintext, String purpose) {
        if (plaintext == null || plaintext.isEmpty()) {
            return plaintext;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens a value sealed for {@code purpose}; fails when it was altered, sealed for another purpose or key. */
    public String open(String sealed, String purpose) {
        if (sealed == null || sealed.isEmpty()) {
            return sealed;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("stored secret has an unknown format");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (raw.length <= NONCE_BYTES) {
                throw new IllegalStateException("stored secret is truncated");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            System.arraycopy(raw, 0, nonce, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, purpose);
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("stored secret does not open with the configured key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored secret is unreadable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
