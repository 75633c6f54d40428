package io.tidewatch.platform.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The one place stored secrets are sealed and opened. The key comes from {@code tidewatch.encryption-key}
 * ({@code TIDEWATCH_ENCRYPTION_KEY}, base64 of 32 bytes). Without it a PostgreSQL deployment refuses to start: a
 * generated key would differ between replicas and vanish with the pod. The embedded-H2 quick start, whose data lives
 * in a local directory anyway, generates a key once into a file beside the data and warns.
 */
@Startup
@ApplicationScoped
public class Secrets {

    static final String MISSING = "tidewatch.encryption-key (TIDEWATCH_ENCRYPTION_KEY) is not set. Secrets such as SMTP"
            + " and IMAP passwords are encrypted with it: set it to the base64 of 32 random bytes"
            + " (for example: openssl rand -base64 32) and keep it with your database backups.";

    private static final String GENERATED = "tidewatch.encryption-key is not set: generated one into %s for the"
            + " embedded database. Set TIDEWATCH_ENCRYPTION_KEY for any real deployment.";

    private final SecretBox box;

    Secrets(@ConfigProperty(name = "tidewatch.encryption-key") Optional<String> key,
            @ConfigProperty(name = "tidewatch.encryption-key-file", defaultValue = "data/encryption-key") String keyFile,
            @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind) {
        this.box = key.filter(k -> !k.isBlank()).map(Secrets::configured).orElseGet(() -> fallback(dbKind, keyFile));
    }

    /**
     * Nothing to do once this bean exists: calling it creates the bean, which refuses to exist without a usable key.
     */
    void requireKey() {
        // the constructor has settled the key
    }

    /** Seals a secret for storage; {@code purpose} names the column, e.g. {@code smtp.password}. */
    public String seal(String plaintext, String purpose) {
        return box.seal(plaintext, purpose);
    }

    /** Opens a stored secret sealed for {@code purpose}. */
    public String open(String sealed, String purpose) {
        return box.open(sealed, purpose);
    }

    private static SecretBox configured(String key) {
        try {
            return SecretBox.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + ". " + MISSING.substring(MISSING.indexOf("Secrets")));
        }
    }

    private static SecretBox fallback(String dbKind, String keyFile) {
        if (!"h2".equalsIgnoreCase(dbKind)) {
            throw new IllegalStateException(MISSING);
        }
        Path path = Path.of(keyFile);
        try {
            if (Files.exists(path)) {
                return configured(Files.readString(path, StandardCharsets.US_ASCII));
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, encoded, StandardCharsets.US_ASCII);
            restrict(path);
            Log.warnf(GENERATED, path.toAbsolutePath());
            return new SecretBox(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(MISSING + " (and no key file could be written at " + path + ")", e);
        }
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            Log.debugf("Could not restrict the permissions of the key file: %s", e.getMessage());
        }
    }
}
