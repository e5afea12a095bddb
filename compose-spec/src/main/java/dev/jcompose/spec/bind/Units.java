package dev.jcompose.spec.bind;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and byte sizes in the canonical forms compose prints: durations as Go writes them ({@code 2m0s},
 * {@code 1h0m0s}, {@code 500ms}), sizes in bytes. Throws IllegalArgumentException with a message for a person.
 */
public final class Units {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(b|ib)?");

    private Units() {}

    /** Nanoseconds of {@code 1m30s}, {@code 1.5s}, {@code 500ms}; a bare number counts as seconds. */
    public static long nanos(String text) {
        String t = text.strip();
        if (t.matches("\\d+(\\.\\d+)?")) return new BigDecimal(t).multiply(BigDecimal.valueOf(1_000_000_000L)).longValueExact();
        Matcher m = DURATION_PART.matcher(t);
        long total = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total += n.multiply(BigDecimal.valueOf(unit)).longValue();
            at = m.end();
        }
        if (at != t.length() || t.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": write it like 10s, 1m30s or 500ms");
        }
        return total;
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
        if (nanos < 1_000_000L) return sb.append(fraction(nanos, 1_000L)).append("µs").toString();
        if (nanos < 1_000_000_000L) return sb.append(fraction(nanos, 1_000_000L)).append("ms").toString();
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos % 3_600_000_000_000L / 60_000_000_000L;
        long rest = nanos % 60_000_000_000L;
        if (hours > 0) sb.append(hours).append('h');
        if (hours > 0 || minutes > 0) sb.append(minutes).append('m');
        return sb.append(fraction(rest, 1_000_000_000L)).append('s').toString();
    }

    private static String fraction(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
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
