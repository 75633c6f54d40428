package io.tidewatch.branding;

import java.util.function.Supplier;

/** A logo or favicon ready to serve: its type, its ETag (SHA-256 of the bytes) and the bytes, read only if needed. */
public record BrandAsset(String contentType, String sha256, Supplier<byte[]> content) {

    /** The strong ETag header value. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }

    /** A short version tag for URLs, so that a changed image is fetched anew despite caching. */
    public String version() {
        return sha256.substring(0, 12);
    }
}
