package dev.jcompose.spec.bind;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and byte sizes in the canonical forms compose prints: durations as Go writes them ({@code 2m0s},
 * {@code 1h0m0s}, {@code 500ms}), sizes in bytes. Throws IllegalArgumentException with a message for a person.
 */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(b|ib)?");

    private Units() {}

    /**
     * Nanoseconds of {@code 1m30s}, {@code 1.5s}, {@code 500ms}; a bare number counts as seconds. Read by hand, as
     * Go's time.ParseDuration does (fractions scaled in floating point): this runs for every duration of every
     * service, and a regex with BigDecimal cost a tenth of a 1000-service {@code config} in a cold JVM.
     */
    public static long nanos(String text) {
        String t = text.strip();
        int n = t.length();
        if (n == 0) throw invalidDuration(text);
        long total = 0;
        int at = 0;
        while (at < n) {
            int start = at;
            long whole = 0;
            while (at < n && isDigit(t.charAt(at))) {
                if (whole > (Long.MAX_VALUE - 9) / 10) throw invalidDuration(text);
                whole = whole * 10 + (t.charAt(at++) - '0');
            }
            boolean wholeDigits = at > start;
            long fraction = 0;
            double scale = 1;
            boolean fractionDigits = false;
            if (at < n && t.charAt(at) == '.') {
                at++;
                for (; at < n && isDigit(t.charAt(at)); at++) {
                    fractionDigits = true;
                    if (fraction > (Long.MAX_VALUE - 9) / 10) continue; // digits beyond a long's precision add nothing
                    fraction = fraction * 10 + (t.charAt(at) - '0');
                    scale *= 10;
                }
            }
            if (!wholeDigits && !fractionDigits) throw invalidDuration(text);
            long unit;
            if (at == n && start == 0 && wholeDigits && (fractionDigits || t.charAt(n - 1) != '.')) {
                unit = 1_000_000_000L; // a bare number: seconds
            } else if (t.startsWith("ns", at)) {
                unit = 1L;
                at += 2;
            } else if (t.startsWith("us", at) || t.startsWith("µs", at)) {
                unit = 1_000L;
                at += 2;
            } else if (t.startsWith("ms", at)) {
                unit = 1_000_000L;
                at += 2;
            } else if (t.startsWith("s", at)) {
                unit = 1_000_000_000L;
                at++;
            } else if (t.startsWith("m", at)) {
                unit = 60_000_000_000L;
                at++;
            } else if (t.startsWith("h", at)) {
                unit = 3_600_000_000_000L;
                at++;
            } else {
                throw invalidDuration(text);
            }
            total += whole * unit + (long) (fraction * (unit / scale));
        }
        return total;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalidDuration(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\": write it like 10s, 1m30s or 500ms");
    }

    /** As Go's time.Duration prints it. */
    public static String goDuration(long nanos) {
        if (nanos == 0) return "0s";
        StringBuilder sb = new StringBuilder();
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        if (nanos < 1_000L) return sb.append(nanos).append("ns").toString();
        if (nanos < 1_000_000L) return fraction(sb, nanos, 1_000L).append("µs").toString();
        if (nanos < 1_000_000_000L) return fraction(sb, nanos, 1_000_000L).append("ms").toString();
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos % 3_600_000_000_000L / 60_000_000_000L;
        long rest = nanos % 60_000_000_000L;
        if (hours > 0) sb.append(hours).append('h');
        if (hours > 0 || minutes > 0) sb.append(minutes).append('m');
        return fraction(sb, rest, 1_000_000_000L).append('s').toString();
    }

    /** {@code value / unit} in decimal without trailing zeros; {@code unit} is a power of ten. */
    private static StringBuilder fraction(StringBuilder sb, long value, long unit) {
        sb.append(value / unit);
        long rest = value % unit;
        if (rest == 0) return sb;
        String digits = Long.toString(rest + unit).substring(1); // zero-padded to the unit's width
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') end--;
        return sb.append('.').append(digits, 0, end);
    }

    /** Bytes of {@code 50M}, {@code 1.5g}, {@code 512k}, {@code 2048} (binary units, as the engine counts them). */
    public static long bytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("invalid size \"" + text + "\": write it like 512m, 2g or 1024");
        long unit = switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> 1L;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValue();
    }
}
