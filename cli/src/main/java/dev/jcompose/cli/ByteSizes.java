package dev.jcompose.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Sizes as docker prints them (Go's {@code go-units}): {@code 3.52MiB} in powers of 1024 with four significant digits
 * ({@code BytesSize}), {@code 1.5kB} in powers of 1000 with three ({@code HumanSizeWithPrecision(size, 3)}), each
 * written as Go's {@code %g} writes it.
 */
final class ByteSizes {
    private ByteSizes() {}

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    static String binary(double bytes) {
        return custom(bytes, 1024.0, BINARY, 4);
    }

    static String decimal(double bytes) {
        return custom(bytes, 1000.0, DECIMAL, 3);
    }

    private static String custom(double size, double base, String[] units, int precision) {
        int i = 0;
        while (size >= base && i < units.length - 1) {
            size /= base;
            i++;
        }
        return g(size, precision) + units[i];
    }

    /** Go's {@code %.Ng}: N significant digits, trailing zeros dropped, the exponent form when it is N or more (or below -4). */
    static String g(double value, int precision) {
        if (value == 0) return "0";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
