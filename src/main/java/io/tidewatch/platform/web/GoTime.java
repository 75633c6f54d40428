package io.tidewatch.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Gophish's date convention: RFC 3339 in UTC, and {@code 0001-01-01T00:00:00Z} (never null) for "unset"; on input
 * that zero value also means unset, and a zone offset is required.
 */
public final class GoTime {

    /** Go's zero time, which Gophish clients send back for unset dates. */
    public static final String ZERO = "0001-01-01T00:00:00Z";

    private static final int MAX_YEAR = 9999;

    private GoTime() {
    }

    /** Formats an instant in UTC, or the zero value for null. */
    /**
     * The current moment at the precision both databases store (microseconds), for dates an answer shows and a later
     * read shows again: a create's response and the next GET then carry the same value.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant instant) {
        return instant == null ? ZERO : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * Parses an RFC 3339 date with offset; empty for null, blank or the zero value; 400 for anything else, including a
     * year outside 1-9999, which RFC 3339 (and so a Gophish client) cannot represent.
     */
    public static Optional<Instant> parse(String text, String field) {
        if (text == null || text.isBlank() || ZERO.equals(text.trim())) {
            return Optional.empty();
        }
        OffsetDateTime written;
        try {
            written = OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + ": must be an RFC 3339 date with a zone offset");
        }
        Instant instant = written.toInstant();
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (written.getYear() < 1 || written.getYear() > MAX_YEAR || year > MAX_YEAR) {
            throw ApiException.badRequest(field + ": must be a date between the years 1 and " + MAX_YEAR);
        }
        return year <= 1 ? Optional.empty() : Optional.of(instant);
    }
}
