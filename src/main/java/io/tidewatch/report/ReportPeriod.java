package io.tidewatch.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.tidewatch.platform.web.ApiException;

/**
 * A report's period, {@code from} inclusive and {@code to} exclusive. Campaigns belong to the period their launch date
 * falls in. A date alone ({@code YYYY-MM-DD}) means that whole day in UTC, so {@code to=2026-11-30} includes the 30th.
 */
public record ReportPeriod(Instant from, Instant to) {

    /** The default length: the last 30 days. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    /** No campaign can be older than the Unix epoch; a period starting before it is a mistake. */
    static final Instant EARLIEST = Instant.EPOCH;

    /** The longest period a report covers (ten years); longer requests are refused as a mistake. */
    static final Duration MAX_LENGTH = Duration.ofDays(3660);

    /** The period from the {@code from}/{@code to} parameters (either may be absent), relative to {@code now}. */
    public static ReportPeriod parse(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now.truncatedTo(ChronoUnit.SECONDS) : instant("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("from: must be before to");
        }
        if (start.isBefore(EARLIEST)) {
            throw ApiException.badRequest("from: the period may not begin before the year 1970");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw ApiException.badRequest("from: the period may cover at most ten years");
        }
        return new ReportPeriod(start, end);
    }

    /** The period of the same length just before this one, for trends. */
    public ReportPeriod previous() {
        return new ReportPeriod(from.minus(length()), from);
    }

    /** The period's length. */
    public Duration length() {
        return Duration.between(from, to);
    }

    /** {@code 2026-11-04 – 2026-12-03}: the first and last day covered, in UTC. */
    public String label() {
        return day(from) + " – " + day(to.minusMillis(1));
    }

    /** The first day covered, {@code YYYY-MM-DD} in UTC. */
    public String firstDay() {
        return day(from);
    }

    /** The last day covered, {@code YYYY-MM-DD} in UTC. */
    public String lastDay() {
        return day(to.minusMillis(1));
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": must be a date (YYYY-MM-DD) or an RFC 3339 time such as"
                    + " 2026-11-01T00:00:00Z");
        }
    }
}
