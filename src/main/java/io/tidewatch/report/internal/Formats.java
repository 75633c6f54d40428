package io.tidewatch.report.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How report figures read on the page: percentages with one decimal, durations in their largest units, UTC dates. */
public final class Formats {

    /** Shown where a figure does not exist (nothing sent, nobody clicked). */
    public static final String NONE = "–";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private Formats() {
    }

    /** {@code 0.25} → {@code 25.0%}. */
    public static String percent(Double rate) {
        return rate == null ? NONE : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A change of a rate in percentage points: {@code +5.0 pts}, {@code −2.5 pts}, {@code ±0.0 pts}. */
    public static String points(Double delta) {
        if (delta == null) {
            return NONE;
        }
        double points = delta * 100;
        String magnitude = String.format(Locale.ROOT, "%.1f pts", Math.abs(points));
        if (magnitude.equals("0.0 pts")) {
            return "±" + magnitude;
        }
        return (points > 0 ? "+" : "−") + magnitude;
    }

    /** A signed whole-number change: {@code +3}, {@code −1}, {@code ±0}. */
    public static String signed(long delta) {
        return delta == 0 ? "±0" : delta > 0 ? "+" + delta : "−" + Math.abs(delta);
    }

    /** Seconds as people say them: {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d 4 h}. */
    public static String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long minutes = s / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A signed change of a duration: {@code +5 min}, {@code −1 h}. */
    public static String signedDuration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        if (Math.round(seconds) == 0) {
            return "±0 s";
        }
        return (seconds > 0 ? "+" : "−") + duration(Math.abs(seconds));
    }

    /** {@code 2026-11-04}. */
    public static String day(Instant instant) {
        return instant == null ? NONE : DAY.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code 2026-11-04 09:30 UTC}. */
    public static String minute(Instant instant) {
        return instant == null ? NONE : MINUTE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** A whole number with thin grouping: {@code 50,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
