package io.tidewatch.branding;

import java.util.Locale;
import java.util.Set;

import io.tidewatch.branding.internal.ImageType;

/** The two images an organization can brand: the logo (pages, e-mail) and the favicon (browser tabs). */
public enum AssetKind {
    /** PNG, JPEG, WebP or SVG, at most 1 MiB. */
    LOGO(1024 * 1024, Set.of(ImageType.PNG, ImageType.JPEG, ImageType.WEBP, ImageType.SVG), "a PNG, JPEG, WebP or SVG image",
            "1 MiB"),
    /** ICO, PNG or SVG, at most 256 KiB. */
    FAVICON(256 * 1024, Set.of(ImageType.ICO, ImageType.PNG, ImageType.SVG), "an ICO, PNG or SVG image", "256 KiB");

    private final int maxBytes;
    private final Set<ImageType> accepted;
    private final String acceptedText;
    private final String maxText;

    AssetKind(int maxBytes, Set<ImageType> accepted, String acceptedText, String maxText) {
        this.maxBytes = maxBytes;
        this.accepted = accepted;
        this.acceptedText = acceptedText;
        this.maxText = maxText;
    }

    /** The wire and storage name: {@code logo}, {@code favicon}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The largest upload accepted, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    boolean accepts(ImageType type) {
        return accepted.contains(type);
    }

    String acceptedText() {
        return acceptedText;
    }

    String maxText() {
        return maxText;
    }
}
