package dev.jcompose.spec.output;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain trees (maps, lists, strings, numbers, booleans, null) as block-style YAML, lists indented under
 * their key as compose prints them. Its own emitter rather than snakeyaml's: {@code config} on a 1000-service
 * project spent a fifth of its time in the general one. A string is quoted whenever a YAML 1.1 or 1.2 reader could
 * take it for anything else (a number, a boolean, null, a key, a comment...); tests check that every output reads
 * back to the same tree.
 */
public final class YamlWriter {
    /** Plain scalars that YAML 1.1 or 1.2 readers resolve to non-strings. */
    private static final Pattern NON_STRING = Pattern.compile(
            "(?i)~|null|y|n|yes|no|on|off|true|false"
            + "|[-+]?(\\.[0-9]+|[0-9][0-9_,]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?0[xob][0-9a-f_]+|[-+]?\\.(inf)|\\.nan|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|<<|=");

    private YamlWriter() {}

    public static String write(Map<String, Object> tree) {
        StringBuilder sb = new StringBuilder(4096);
        if (tree.isEmpty()) return "{}\n";
        writeMap(sb, tree, 0);
        return sb.toString();
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            indent(sb, indent);
            sb.append(key(String.valueOf(e.getKey()))).append(':');
            writeValue(sb, e.getValue(), indent);
        }
    }

    /** After "key:" or "-": either the rest of the line, or a nested block on the following lines. */
    private static void writeValue(StringBuilder sb, Object value, int indent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            writeMap(sb, m, indent + 2);
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object item : l) {
                indent(sb, indent + 2);
                sb.append('-');
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    // the first key goes on the dash's line, the others line up under it
                    boolean first = true;
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (first) sb.append(' ');
                        else indent(sb, indent + 4);
                        first = false;
                        sb.append(key(String.valueOf(e.getKey()))).append(':');
                        writeValue(sb, e.getValue(), indent + 4);
                    }
                } else {
                    writeValue(sb, item, indent + 2);
                }
            }
        } else {
            sb.append(' ').append(inline(value, indent)).append('\n');
        }
    }

    private static String inline(Object value, int indent) {
        if (value == null) return "null";
        if (value instanceof Map<?, ?>) return "{}";
        if (value instanceof List<?>) return "[]";
        if (value instanceof Boolean || value instanceof Number) return value.toString();
        return scalar(value.toString(), indent);
    }

    /** Keys are never block scalars. */
    static String key(String s) {
        return needsQuotes(s) ? quoted(s) : s;
    }

    static String scalar(String s, int indent) {
        if (s.indexOf('\n') >= 0 && isBlockSafe(s)) return block(s, indent);
        return needsQuotes(s) ? quoted(s) : s;
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) return true;
        char first = s.charAt(0);
        // Only words of five letters or fewer starting with one of these, or things starting with a digit, a sign,
        // a dot, '~', '<' or '=', can read as a non-string: skip the regex for everything else.
        boolean wordLike = Character.isLetter(first) && (s.length() > 5 || "nNyYoOtTfF".indexOf(first) < 0);
        if (!wordLike && NON_STRING.matcher(s).matches()) return true;
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) return true;
        // "-c" and "--verbose" are plain strings; "-", "- x" and "---" are YAML syntax
        if (first == '-' && (s.length() == 1 || s.charAt(1) == ' ' || s.startsWith("---"))) return true;
        if (Character.isWhitespace(first) || Character.isWhitespace(s.charAt(s.length() - 1))) return true;
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.contains("\t")) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return true;
        }
        return false;
    }

    /** Double-quoted with escapes: valid for any string. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** A literal block keeps multi-line text (a dockerfile_inline, a script) readable. */
    private static boolean isBlockSafe(String s) {
        if (s.startsWith(" ") || s.startsWith("\n")) return false;
        int trailing = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) trailing++;
        if (trailing > 1) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return false;
            if (c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) == '\n')) return false; // trailing spaces
        }
        return true;
    }

    private static String block(String s, int indent) {
        boolean endsWithNewline = s.endsWith("\n");
        String body = endsWithNewline ? s.substring(0, s.length() - 1) : s;
        StringBuilder sb = new StringBuilder(endsWithNewline ? "|" : "|-");
        String pad = " ".repeat(indent + 2);
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) sb.append(pad).append(line);
        }
        return sb.toString();
    }

    private static void indent(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }
}
