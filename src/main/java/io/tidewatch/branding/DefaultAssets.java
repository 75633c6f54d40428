package io.tidewatch.branding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.inject.Singleton;

/** The MSSP's own logo and favicon (Tidewatch's), shown for unknown hosts and organizations without uploads. */
@Singleton
class DefaultAssets {

    private final BrandAsset logo;
    private final BrandAsset favicon;

    DefaultAssets() {
        this.logo = load("branding/tidewatch-logo.svg", "image/svg+xml");
        this.favicon = load("branding/tidewatch-favicon.png", "image/png");
    }

    BrandAsset of(AssetKind kind) {
        return kind == AssetKind.LOGO ? logo : favicon;
    }

    private static BrandAsset load(String resource, String contentType) {
        try (InputStream in = DefaultAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return new BrandAsset(contentType, sha256(bytes), () -> bytes.clone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
