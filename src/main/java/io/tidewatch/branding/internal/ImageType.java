package io.tidewatch.branding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.CRC32;

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
     * Whether the file is whole: a PNG must be a chain of chunks from {@code IHDR} to {@code IEND}, each with its CRC
     * right, and a JPEG must declare its size and end with its end-of-image marker. A file cut short, or damaged, is
     * refused rather than stored and shown broken. Nothing is decompressed, so a huge image costs nothing here. Other
     * formats pass.
     */
    public boolean isWhole(byte[] bytes) {
        return switch (this) {
            case PNG -> pngChunksWhole(bytes);
            case JPEG -> endsWithEndOfImage(bytes) && jpegSizeReadable(bytes);
            default -> true;
        };
    }

    private static boolean pngChunksWhole(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(PNG_MAGIC.length);
        boolean first = true;
        while (in.remaining() >= 12) {
            long length = in.getInt() & 0xFFFFFFFFL;
            if (length > in.remaining() - 8) {
                return false;
            }
            int typeAt = in.position();
            String type = new String(bytes, typeAt, 4, StandardCharsets.US_ASCII);
            if (first && !"IHDR".equals(type)) {
                return false;
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(bytes, typeAt, 4 + (int) length);
            in.position(typeAt + 4 + (int) length);
            if ((in.getInt() & 0xFFFFFFFFL) != crc.getValue()) {
                return false;
            }
            if ("IEND".equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The last marker, ignoring trailing zero padding some writers add, is FF D9. */
    private static boolean endsWithEndOfImage(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return end >= 4 && (bytes[end - 2] & 0xFF) == 0xFF && (bytes[end - 1] & 0xFF) == 0xD9;
    }

    private static boolean jpegSizeReadable(byte[] bytes) {
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
