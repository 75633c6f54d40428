package io.tidewatch.branding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The image formats branding accepts, recognised by their content (magic numbers), never by name or declared type. */
public enum ImageType {
    /** Portable Network Graphics. */
    PNG("image/png", "a PNG image"),
    /** JPEG (JFIF or Exif). */
    JPEG("image/jpeg", "a JPEG image"),
    /** WebP (RIFF container). */
    WEBP("image/webp", "a WebP image"),
    /** Windows icon. */
    ICO("image/x-icon", "an ICO icon"),
    /** SVG: XML whose root element is {@code <svg>}; recognised by {@link SvgSanitizer}, not by magic bytes. */
    SVG("image/svg+xml", "an SVG image");

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private final String contentType;
    private final String description;

    ImageType(String contentType, String description) {
        this.contentType = contentType;
        this.description = description;
    }

    /** The {@code Content-Type} to serve it with. */
    public String contentType() {
        return contentType;
    }

    /** How a message names it: "a PNG image". */
    public String description() {
        return description;
    }

    /** The binary format whose signature starts these bytes; SVG and anything else is empty. */
    public static Optional<ImageType> sniffBinary(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        // ICONDIR: reserved 0, type 1 (icon), at least one image, and room for its directory entry.
        if (bytes.length >= 22 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && bytes[3] == 0
                && (bytes[4] != 0 || bytes[5] != 0)) {
            return Optional.of(ICO);
        }
        return Optional.empty();
    }

    /**
     * Whether the image's header can be read (its size at least): a PNG or JPEG cut short after its signature is
     * refused rather than stored and shown broken. Only the header is read, so a huge image costs nothing here. Other
     * formats have no reader in the JDK and pass.
     */
    public boolean headerReadable(byte[] bytes) {
        if (this != PNG && this != JPEG) {
            return true;
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
