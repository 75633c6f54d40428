package io.tidewatch.campaign.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format, written straight as UTF-8 bytes: columns separated by
 * tabs, rows ended by newlines, {@code \N} for null, and backslash, tab, newline and carriage return escaped inside
 * values. Building the bytes here (rather than a string the driver encodes again) keeps the phishing door's writer
 * cheap: it runs for every recorded hit.
 */
final class CopyText {

    private static final byte[] NULL = { '\\', 'N' };
    private static final int DATE_TIME = "2026-12-05T08:45:24".length();

    private byte[] bytes;
    private int length;
    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] cachedDateTime = new byte[DATE_TIME];

    CopyText(int expectedBytes) {
        bytes = new byte[Math.max(64, expectedBytes)];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    CopyText number(long value) {
        return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    CopyText nullValue() {
        return raw(NULL);
    }

    CopyText tab() {
        return put((byte) '\t');
    }

    CopyText endRow() {
        return put((byte) '\n');
    }

    /**
     * A text value, escaped. UTF-8 encodes every character above U+007F as bytes of 0x80 and up, so scanning the
     * encoded bytes for the four special ASCII bytes finds exactly the special characters.
     */
    CopyText text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length * 2);
        int from = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            byte escaped = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped != 0) {
                System.arraycopy(utf8, from, bytes, length, i - from);
                length += i - from;
                bytes[length++] = '\\';
                bytes[length++] = escaped;
                from = i + 1;
            }
        }
        System.arraycopy(utf8, from, bytes, length, utf8.length - from);
        length += utf8.length - from;
        return this;
    }

    /**
     * A moment in ISO 8601 form in UTC with microseconds ({@code 2026-12-05T08:45:24.123000Z}), as a
     * {@code timestamptz} column reads it. The date and time of day are formatted once per second; a moment with
     * nanoseconds below the microsecond, or outside years 1 to 9999, is written as {@link Instant#toString()} writes it.
     */
    CopyText time(Instant value) {
        long second = value.getEpochSecond();
        int nanos = value.getNano();
        if (nanos % 1000 != 0 || second < -62_135_596_800L || second > 253_402_300_799L) {
            return raw(value.toString().getBytes(StandardCharsets.US_ASCII));
        }
        if (second != cachedSecond) {
            byte[] formatted = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString()
                    .getBytes(StandardCharsets.US_ASCII);
            if (formatted.length == DATE_TIME) {
                System.arraycopy(formatted, 0, cachedDateTime, 0, DATE_TIME);
            } else {
                // "2026-12-05T08:45" when the seconds are zero: LocalDateTime leaves them out.
                System.arraycopy(formatted, 0, cachedDateTime, 0, formatted.length);
                cachedDateTime[16] = ':';
                cachedDateTime[17] = '0';
                cachedDateTime[18] = '0';
            }
            cachedSecond = second;
        }
        ensure(DATE_TIME + 8);
        System.arraycopy(cachedDateTime, 0, bytes, length, DATE_TIME);
        length += DATE_TIME;
        bytes[length++] = '.';
        int micros = nanos / 1000;
        for (int divisor = 100_000; divisor > 0; divisor /= 10) {
            bytes[length++] = (byte) ('0' + micros / divisor % 10);
        }
        bytes[length++] = 'Z';
        return this;
    }

    private CopyText raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    private CopyText put(byte value) {
        ensure(1);
        bytes[length++] = value;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
