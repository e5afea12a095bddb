package dev.jcompose.cli;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times {@code --since} and {@code --until} take, read as the docker CLI reads them (its {@code GetTimestamp}):
 * a Unix timestamp ({@code 1700000000}, {@code 1700000000.5}), a duration back from now as Go writes it
 * ({@code 42m}, {@code 1h30m}, {@code 1.5h}), or an RFC 3339 date and time; one without a zone ({@code 2024-01-02},
 * {@code 2024-01-02T15:04}) is in the clock's zone, as the docker CLI takes local time.
 */
final class TimeArguments {
    private TimeArguments() {}

    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");
    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h)(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h))*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH"));

    /** The instant {@code value} names; an {@link IllegalArgumentException} saying what is accepted otherwise. */
    static Instant parse(String option, String value, Clock clock) {
        String v = value.strip();
        if (UNIX.matcher(v).matches()) {
            BigDecimal seconds = new BigDecimal(v);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        if (DURATION.matcher(v).matches()) return clock.instant().minus(duration(v));
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not with a zone: one of the local forms below
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(v, f).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            return LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid value \"" + value + "\" for " + option
                    + ": expected a Unix timestamp, a duration such as 42m or 1h30m, or a date and time such as 2024-01-02T15:04:05Z");
        }
    }

    private static Duration duration(String text) {
        Duration total = Duration.ZERO;
        Matcher m = DURATION_PART.matcher(text);
        while (m.find()) {
            BigDecimal amount = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
        }
        return total;
    }
}
