package io.tidewatch.branding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WCAG 2.1 contrast arithmetic for brand colours: relative luminance, contrast ratio, and the readable text colour
 * (white or near-black, whichever contrasts more) that pages put on a brand-coloured background.
 */
public final class Contrast {

    /** WCAG AA minimum for normal-size text. */
    public static final double AA_NORMAL_TEXT = 4.5;

    /** Text colour for dark backgrounds. */
    public static final String WHITE = "#FFFFFF";

    /** Text colour for light backgrounds: near-black, softer than pure black but well above AA on white. */
    public static final String NEAR_BLACK = "#111827";

    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    private Contrast() {
    }

    /** True for a {@code #RRGGBB} colour. */
    public static boolean isHexColor(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** The relative luminance (0 for black, 1 for white) of a {@code #RRGGBB} colour. */
    public static double luminance(String hex) {
        if (!isHexColor(hex)) {
            throw new IllegalArgumentException("not a #RRGGBB colour");
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    /** The contrast ratio between two colours, from 1 (none) to 21 (black on white). */
    public static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** The text colour to put on {@code background}: white or near-black, whichever contrasts more. */
    public static String readableTextOn(String background) {
        return ratio(background, WHITE) >= ratio(background, NEAR_BLACK) ? WHITE : NEAR_BLACK;
    }

    /**
     * A warning when even the readable text colour on {@code color} stays below WCAG AA: such a colour is accepted, but
     * small text on it will be hard to read. {@code field} names the setting in the message.
     */
    public static Optional<String> warning(String field, String color) {
        String text = readableTextOn(color);
        double best = ratio(color, text);
        if (best >= AA_NORMAL_TEXT) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: text on %s reaches a contrast of only %.2f:1 (white %.2f:1, near-black %.2f:1); WCAG AA asks for"
                        + " %.1f:1, so pages will use %s text but small text may be hard to read",
                field, color.toUpperCase(Locale.ROOT), best, ratio(color, WHITE), ratio(color, NEAR_BLACK),
                AA_NORMAL_TEXT, text.equals(WHITE) ? "white" : "near-black"));
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
