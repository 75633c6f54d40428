package io.tidewatch.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real image files for upload tests, made on the spot. */
public final class Images {

    private Images() {
    }

    /** A small PNG filled with one colour (so two tenants' logos differ). */
    public static byte[] png(Color color) {
        return encode(color, "png");
    }

    /** A small JPEG filled with one colour. */
    public static byte[] jpeg(Color color) {
        return encode(color, "jpg");
    }

    /** A minimal ICO: an icon directory whose one entry holds a PNG image. */
    public static byte[] ico() {
        byte[] png = png(Color.BLUE);
        byte[] ico = new byte[22 + png.length];
        ico[2] = 1;
        ico[4] = 1;
        ico[6] = 16;
        ico[7] = 16;
        ico[12] = 32;
        int size = png.length;
        ico[14] = (byte) size;
        ico[15] = (byte) (size >> 8);
        ico[16] = (byte) (size >> 16);
        ico[18] = 22;
        System.arraycopy(png, 0, ico, 22, png.length);
        return ico;
    }

    /** UTF-8 text, e.g. an SVG document. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(Color color, String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
