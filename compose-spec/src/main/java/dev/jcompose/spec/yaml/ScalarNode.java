package dev.jcompose.spec.yaml;

import dev.jcompose.spec.Location;
import java.math.BigInteger;

/** A scalar with the type YAML 1.2's core schema gives it (a quoted scalar is always a string). */
public record ScalarNode(String value, Kind kind, Location location, String tag) implements YamlNode {
    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    public static ScalarNode string(String value, Location location) {
        return new ScalarNode(value, Kind.STRING, location, null);
    }

    public ScalarNode withValue(String newValue) {
        return new ScalarNode(newValue, kind, location, tag);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public Object toPlain() {
        switch (kind) {
            case NULL: return null;
            case BOOL: return Boolean.valueOf(value.equalsIgnoreCase("true"));
            case INT:
                // 0440 is a file mode written in octal: YAML 1.2 would read 440, YAML 1.1 readers 288; keep what was written
                if (value.length() > 1 && value.startsWith("0") && Character.isDigit(value.charAt(1))) return value;
                try {
                    return parseInt(value);
                } catch (NumberFormatException e) {
                    return value;
                }
            case FLOAT:
                try {
                    return Double.valueOf(value.replace(".inf", "Infinity").replace(".Inf", "Infinity")
                            .replace(".INF", "Infinity").replace(".nan", "NaN").replace(".NaN", "NaN").replace(".NAN", "NaN"));
                } catch (NumberFormatException e) {
                    return value;
                }
            default: return value;
        }
    }

    private static Object parseInt(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger big;
        if (t.startsWith("0x")) big = new BigInteger(t.substring(2), 16);
        else if (t.startsWith("0o")) big = new BigInteger(t.substring(2), 8);
        else big = new BigInteger(t);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    @Override
    public String kindName() {
        switch (kind) {
            case NULL: return "null";
            case BOOL: return "a boolean";
            case INT: return "a number";
            case FLOAT: return "a number";
            default: return "a string";
        }
    }
}
