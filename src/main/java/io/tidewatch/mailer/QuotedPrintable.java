package io.tidewatch.mailer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045) for message bodies, into one byte array. Jakarta Mail's encoder writes byte by byte
 * through a chain of streams and was a quarter of the mailer's CPU on HTML bodies with long lines; this one encodes
 * the same way in one pass. Line breaks in the text become CRLF, lines are soft-wrapped at 76 characters, spaces and
 * tabs before a line break are encoded.
 */
final class QuotedPrintable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 76;

    private QuotedPrintable() {
    }

    /** The UTF-8 bytes of {@code text}, quoted-printable encoded. */
    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        // At most three bytes per input byte, plus a soft break ("=" CRLF) per 75 output bytes.
        byte[] out = new byte[in.length * 3 + (in.length * 3 / (MAX_LINE - 1) + 1) * 3 + 2];
        int o = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                continue;
            }
            if (b == '\n' || b == '\r') {
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == in.length || in[i + 1] == '\n' || in[i + 1] == '\r';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            // Leave room for the soft break "=" unless this is the last character of the line.
            if (column + width > (lineEnds ? MAX_LINE : MAX_LINE - 1)) {
                out[o++] = '=';
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
            }
            if (literal) {
                out[o++] = (byte) b;
            } else {
                out[o++] = '=';
                out[o++] = HEX[b >> 4];
                out[o++] = HEX[b & 0x0f];
            }
            column += width;
        }
        return Arrays.copyOf(out, o);
    }
}
