package io.tidewatch.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How console templates show times and shares: {@code {fmt:time(x)}}, {@code {fmt:percent(part, whole)}}. */
@TemplateExtension(namespace = "fmt")
final class ConsoleFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private ConsoleFormats() {
    }

    /** A time in UTC to the minute, or "never". */
    static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    static String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }

    /** {@code part} of {@code whole} as a whole percentage ("0%" when nothing is counted). */
    static String percent(Number part, Number whole) {
        return whole.longValue() <= 0 ? "0%" : Math.round(100.0 * part.longValue() / whole.longValue()) + "%";
    }

    /** The width of a meter bar, capped at 100. */
    static long share(Number part, Number whole) {
        long p = part.longValue();
        long w = whole.longValue();
        return w <= 0 ? (p > 0 ? 100 : 0) : Math.min(100, Math.round(100.0 * p / w));
    }
}
